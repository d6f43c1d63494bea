package org.sanctuaryscorecard.protection;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.policy.PolicyStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The layering rules of {@code protection/layering.yaml}, read and checked against the framework.
 *
 * @param levels          the governments that count, highest first: state, county, place
 * @param precedence      labels from the strongest to the weakest
 * @param statuses        each policy status and how it counts: counts, until-ended or never
 * @param warn            statuses that count but that every explanation mentions
 * @param jailProvisions  provisions that follow the government running the jail
 * @param jailDefault     who runs a city's jail when nothing says otherwise: county
 * @param ownJailQuestion the landscape question where a city says it runs its own jail
 * @param ownJailChoices  the answers to it that mean so
 * @param preemption      for each preempting level, the levels it preempts
 * @param severalCounties how a place in several counties counts them: weakest
 */
public record LayeringRules(List<String> levels, List<String> precedence, Map<String, String> statuses, Set<String> warn,
                            Set<String> jailProvisions, String jailDefault, String ownJailQuestion, Set<String> ownJailChoices,
                            Map<String, Set<String>> preemption, String severalCounties) {

    public static final String BUNDLED = "protection/layering.yaml";
    private static final List<String> LEVELS = List.of("state", "county", "place");
    private static final Set<String> COUNTING = Set.of("counts", "until-ended", "never");

    /** The rules shipped with the application, checked against the framework. */
    public static LayeringRules readBundled(Framework framework) {
        try (InputStream in = LayeringRules.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new LayeringRulesException(BUNDLED + " is missing from the application");
            }
            return read(in, BUNDLED, framework);
        } catch (IOException e) {
            throw new LayeringRulesException("cannot read " + BUNDLED + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks rules.
     *
     * @throws LayeringRulesException naming the file and the rule that is wrong
     */
    public static LayeringRules read(InputStream in, String name, Framework framework) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(in);
        } catch (JacksonException e) {
            throw new LayeringRulesException(name + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new LayeringRulesException(name + " must be a map of rules (levels, precedence, statuses, jail, preemption)");
        }
        List<String> levels = list(root, "levels", name);
        if (!levels.equals(LEVELS)) {
            throw new LayeringRulesException(name + ": levels must be [state, county, place], highest first (found " + levels
                    + "); federal law is context, not a layer");
        }
        List<String> precedence = list(root, "precedence", name);
        if (precedence.size() != 4 || !Set.copyOf(precedence).equals(Set.of("protects", "limited", "contrary", "silent"))
                || !precedence.get(0).equals("protects") || !precedence.get(3).equals("silent")) {
            throw new LayeringRulesException(name + ": precedence must order the four labels protects, limited, contrary, silent "
                    + "from protects (strongest) to silent (found " + precedence + ")");
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        JsonNode statusNode = required(root, "statuses", name);
        statusNode.properties().forEach(e -> statuses.put(e.getKey(), e.getValue().asString()));
        for (PolicyStatus status : PolicyStatus.values()) {
            String how = statuses.get(status.id());
            if (how == null) {
                throw new LayeringRulesException(name + ": statuses must say how status '" + status.id() + "' counts");
            }
            if (!COUNTING.contains(how)) {
                throw new LayeringRulesException(name + ": status '" + status.id() + "' counts as '" + how
                        + "'; use counts, until-ended or never");
            }
        }
        for (String status : statuses.keySet()) {
            if (PolicyStatus.of(status).isEmpty()) {
                throw new LayeringRulesException(name + ": statuses names '" + status + "', which is not a policy status");
            }
        }
        Set<String> warn = Set.copyOf(root.has("warn") ? list(root, "warn", name) : List.of());
        for (String status : warn) {
            if (!"counts".equals(statuses.get(status))) {
                throw new LayeringRulesException(name + ": warn names '" + status + "', which is not a status that counts");
            }
        }
        Set<String> provisionIds = Set.copyOf(framework.provisions().stream().map(Framework.Provision::id).toList());
        JsonNode jail = required(root, "jail", name);
        List<String> jailProvisions = list(jail, "provisions", name + " jail");
        for (String provision : jailProvisions) {
            if (!provisionIds.contains(provision)) {
                throw new LayeringRulesException(name + ": jail provisions name '" + provision + "', which is not one of the "
                        + "framework's provisions " + new java.util.TreeSet<>(provisionIds));
            }
        }
        String jailDefault = required(jail, "default", name + " jail").asString();
        if (!"county".equals(jailDefault)) {
            throw new LayeringRulesException(name + ": jail default must be county (the county sheriff runs the jail unless a "
                    + "city says it runs its own); found '" + jailDefault + "'");
        }
        JsonNode ownJail = required(jail, "own-jail", name + " jail");
        String question = required(ownJail, "question", name + " jail own-jail").asString();
        Framework.LandscapeQuestion landscape = framework.landscape().questions().stream().filter(q -> q.id().equals(question))
                .findFirst().orElseThrow(() -> new LayeringRulesException(name + ": jail own-jail question '" + question
                        + "' is not a landscape question of the framework"));
        if (landscape.answer().answerSet() == null) {
            throw new LayeringRulesException(name + ": jail own-jail question '" + question + "' offers no choices");
        }
        Framework.AnswerSet answers = framework.answerSets().stream().filter(a -> a.id().equals(landscape.answer().answerSet()))
                .findFirst().orElseThrow();
        List<String> choices = list(ownJail, "choices", name + " jail own-jail");
        for (String choice : choices) {
            if (!answers.allows(choice)) {
                throw new LayeringRulesException(name + ": jail own-jail choice '" + choice + "' is not an answer to " + question);
            }
        }
        Map<String, Set<String>> preemption = new LinkedHashMap<>();
        for (JsonNode rule : required(root, "preemption", name).values()) {
            String by = required(rule, "by", name + " preemption").asString();
            List<String> over = list(rule, "over", name + " preemption");
            if (!LEVELS.contains(by) || over.isEmpty() || !LEVELS.containsAll(over)
                    || over.stream().anyMatch(o -> LEVELS.indexOf(o) <= LEVELS.indexOf(by))) {
                throw new LayeringRulesException(name + ": preemption by '" + by + "' over " + over
                        + " must name a level and only lower levels (state, county, place)");
            }
            preemption.put(by, Set.copyOf(over));
        }
        String several = required(root, "several-counties", name).asString();
        if (!"weakest".equals(several)) {
            throw new LayeringRulesException(name + ": several-counties must be weakest (found '" + several + "')");
        }
        return new LayeringRules(levels, precedence, statuses, warn, Set.copyOf(jailProvisions), jailDefault, question,
                Set.copyOf(choices), preemption, several);
    }

    /** Where a label stands: 0 for the strongest. */
    public int rank(String label) {
        int rank = precedence.indexOf(label);
        return rank < 0 ? precedence.size() : rank;
    }

    public boolean followsJail(String provision) {
        return jailProvisions.contains(provision);
    }

    public boolean preempts(String higher, String lower) {
        return preemption.getOrDefault(higher, Set.of()).contains(lower);
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new LayeringRulesException(where + ": '" + field + "' is missing");
        }
        return value;
    }

    private static List<String> list(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isArray()) {
            throw new LayeringRulesException(where + ": '" + field + "' must be a list");
        }
        List<String> items = new ArrayList<>();
        value.values().forEach(v -> items.add(v.asString()));
        return items;
    }
}

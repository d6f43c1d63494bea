package org.sanctuaryscorecard.analysis.internal.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The analyzer's vocabulary ({@code analysis/vocabulary.yaml}), compiled. */
public record Vocabulary(
        List<Cues> authorities,
        List<Cues> federalActors,
        Set<String> federalMandatesCount,
        Map<String, ProvisionTerms> provisions,
        Map<String, List<String>> yieldsTo,
        Map<String, Map<String, List<Cues>>> direct,
        Map<Force, List<Cues>> force,
        List<Cues> limitingVerbs,
        List<Cues> neutralForce,
        List<Cues> reportingVerbs,
        Map<String, List<Cues>> exceptions,
        List<Cues> nonOperativeStarts,
        List<Cues> nonOperativeContains,
        List<Cues> descriptiveRegion,
        List<BindingRule> notBinding,
        CueIndex cueIndex) {

    /** The force words, in the order they are tried when two start at the same place. */
    public enum Force { PROHIBIT, DISCOURAGE, ONLY_IF, REQUIRE, PERMIT }

    /** How a provision is named. {@code safeguard}: the provision is itself a protection (a consent form, a report). */
    public record ProvisionTerms(String id, String name, List<Cues> terms, boolean requiresAuthority, boolean safeguard) {
    }

    /** A rule that makes a document not binding, with the words that say why. */
    public record BindingRule(Cues pattern, Cues unless, String reason) {
    }

    public static final String RESOURCE = "analysis/vocabulary.yaml";

    /** The vocabulary shipped with the application. */
    public static Vocabulary bundled() {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Vocabulary read(InputStream in) {
        CueIndex.Builder index = new CueIndex.Builder();
        JsonNode root = YAMLMapper.builder().build().readTree(in);
        for (String section : List.of("immigration-authorities", "federal-actors", "provisions", "direct", "force", "limiting-verbs",
                "reporting-verbs", "exceptions", "non-operative", "binding")) {
            if (root == null || !root.has(section)) {
                throw new IllegalStateException(RESOURCE + ": the section '" + section + "' is missing; every section of the "
                        + "shipped vocabulary is needed");
            }
        }
        Map<String, ProvisionTerms> provisions = new LinkedHashMap<>();
        root.get("provisions").properties().forEach(e -> provisions.put(e.getKey(), new ProvisionTerms(e.getKey(),
                e.getValue().get("name").asString(), patterns(e.getValue().get("terms"), "provisions." + e.getKey(), index),
                e.getValue().has("requires-authority") && e.getValue().get("requires-authority").asBoolean(),
                e.getValue().has("safeguard") && e.getValue().get("safeguard").asBoolean())));
        Map<String, List<String>> yieldsTo = new LinkedHashMap<>();
        JsonNode yields = root.get("yields-to");
        if (yields != null) {
            yields.properties().forEach(e -> {
                List<String> ids = new ArrayList<>();
                e.getValue().values().forEach(v -> ids.add(v.asString()));
                yieldsTo.put(e.getKey(), List.copyOf(ids));
            });
        }
        Map<String, Map<String, List<Cues>>> direct = new LinkedHashMap<>();
        root.get("direct").properties().forEach(label -> {
            Map<String, List<Cues>> byProvision = new LinkedHashMap<>();
            label.getValue().properties().forEach(p -> byProvision.put(p.getKey(), patterns(p.getValue(), "direct." + p.getKey(), index)));
            direct.put(label.getKey(), byProvision);
        });
        Map<Force, List<Cues>> force = new LinkedHashMap<>();
        JsonNode forceNode = root.get("force");
        force.put(Force.PROHIBIT, patterns(forceNode.get("prohibit"), "force.prohibit", index));
        force.put(Force.DISCOURAGE, patterns(forceNode.get("discourage"), "force.discourage", index));
        force.put(Force.ONLY_IF, patterns(forceNode.get("only-if"), "force.only-if", index));
        force.put(Force.REQUIRE, patterns(forceNode.get("require"), "force.require", index));
        force.put(Force.PERMIT, patterns(forceNode.get("permit"), "force.permit", index));
        Map<String, List<Cues>> exceptions = new LinkedHashMap<>();
        root.get("exceptions").properties().forEach(e -> exceptions.put(e.getKey(), patterns(e.getValue(), "exceptions." + e.getKey(), index)));
        List<BindingRule> notBinding = new ArrayList<>();
        for (JsonNode rule : root.get("binding").get("not-binding").values()) {
            notBinding.add(new BindingRule(Cues.of(compile(rule.get("pattern").asString(), "binding"), index),
                    rule.has("unless") ? Cues.of(compile(rule.get("unless").asString(), "binding"), index) : null,
                    rule.get("reason").asString()));
        }
        JsonNode nonOperative = root.get("non-operative");
        List<String> counted = new ArrayList<>();
        root.get("federal-mandates-count").values().forEach(v -> counted.add(v.asString()));
        return new Vocabulary(patterns(root.get("immigration-authorities"), "immigration-authorities", index),
                patterns(root.get("federal-actors"), "federal-actors", index), Set.copyOf(counted), provisions, yieldsTo, direct, force,
                patterns(root.get("limiting-verbs"), "limiting-verbs", index), patterns(forceNode.get("neutral"), "force.neutral", index),
                patterns(root.get("reporting-verbs"), "reporting-verbs", index), exceptions,
                patterns(nonOperative.get("starts"), "non-operative.starts", index),
                patterns(nonOperative.get("contains"), "non-operative.contains", index),
                patterns(nonOperative.get("descriptive-region"), "non-operative.descriptive-region", index), notBinding, index.build());
    }

    private static List<Cues> patterns(JsonNode list, String where, CueIndex.Builder index) {
        List<Cues> patterns = new ArrayList<>();
        if (list != null) {
            for (JsonNode value : list.values()) {
                patterns.add(Cues.of(compile(value.asString(), where), index));
            }
        }
        return List.copyOf(patterns);
    }

    private static Pattern compile(String regex, String where) {
        try {
            // the analyzer matches against a lower-cased copy of the text, so patterns are case-sensitive (and fast:
            // a literal start is searched with Boyer-Moore); an upper-case letter in a pattern could never match
            if (regex.replaceAll("\\\\.", "").chars().anyMatch(Character::isUpperCase)) {
                throw new IllegalStateException(RESOURCE + ": " + where + ": the pattern '" + regex + "' has capital letters; "
                        + "text is matched in lower case, so write it in lower case");
            }
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(RESOURCE + ": " + where + ": the pattern '" + regex + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }
}

package org.sanctuaryscorecard.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.framework.Framework.AnswerOption;
import org.sanctuaryscorecard.framework.Framework.AnswerSet;
import org.sanctuaryscorecard.framework.Framework.AskedIf;
import org.sanctuaryscorecard.framework.Framework.BestPractice;
import org.sanctuaryscorecard.framework.Framework.Criterion;
import org.sanctuaryscorecard.framework.Framework.CriterionQuestion;
import org.sanctuaryscorecard.framework.Framework.EvidenceKind;
import org.sanctuaryscorecard.framework.Framework.LandscapeAnswer;
import org.sanctuaryscorecard.framework.Framework.LandscapeAnswerType;
import org.sanctuaryscorecard.framework.Framework.LandscapeQuestion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a framework YAML file and checks it completely: every field present and of the right kind, no unknown
 * field, ids unique and well formed, every reference (provision, answer set, earlier question) defined. The first
 * problem stops the load with a {@link FrameworkException} naming the file, the item and the problem.
 */
public final class FrameworkLoader {

    /** The framework shipped with the application, on the classpath. */
    public static final String BUNDLED = "framework/toolkit.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9]*(?:[.-][a-z0-9]+)*");
    private static final Pattern GEOID = Pattern.compile("\\d{2}|\\d{5}|\\d{7}");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FrameworkLoader() {
    }

    /** The framework shipped with the application. */
    public static Framework readBundled() {
        try (InputStream in = FrameworkLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new FrameworkException(BUNDLED, "", "the file is missing from the application");
            }
            return read(BUNDLED, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks a framework.
     *
     * @param source the file name to use in messages
     * @param in     the YAML text
     * @throws FrameworkException naming the file, the item and the problem
     */
    public static Framework read(String source, InputStream in) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JacksonException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new FrameworkException(source, "", "this is not valid YAML" + where + ": "
                    + firstLine(e.getOriginalMessage()) + ". Check the indentation and quotes around that line.");
        }
        if (root == null || root.isMissingNode() || root.isNull() || !root.isObject()) {
            throw new FrameworkException(source, "", "the file is empty or is not a YAML mapping; it must start with 'framework:'");
        }
        Framework framework = new Reader(source).framework(new Node(source, "", root));
        new ReferenceCheck(source, framework).run();
        return framework;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** A YAML node and the path to it, for messages. */
    private record Node(String source, String item, JsonNode json) {

        FrameworkException error(String problem) {
            return new FrameworkException(source, item, problem);
        }

        private String where(String key) {
            return item.isEmpty() ? key : item + " > " + key;
        }

        /** This node as a mapping with exactly the allowed keys (those ending in '?' may be absent). */
        Node fields(String... allowed) {
            if (!json.isObject()) {
                throw error("expected a mapping of fields (" + String.join(", ", allowed).replace("?", "") + ")");
            }
            JsonNode id = json.get("id");
            if (id != null && id.isString() && ID.matcher(id.asString().strip()).matches()) {
                return named(id.asString().strip()).checkFields(allowed);
            }
            return checkFields(allowed);
        }

        private Node checkFields(String... allowed) {
            Set<String> names = new LinkedHashSet<>();
            for (String a : allowed) {
                names.add(a.replace("?", ""));
            }
            for (String key : json.propertyNames()) {
                if (!names.contains(key)) {
                    throw error("unknown field '" + key + "'; the fields here are " + String.join(", ", names));
                }
            }
            for (String a : allowed) {
                if (!a.endsWith("?") && !json.has(a)) {
                    throw error("missing field '" + a + "'");
                }
            }
            return this;
        }

        Node child(String key) {
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                throw error("missing field '" + key + "'");
            }
            return new Node(source, where(key), value);
        }

        String text(String key) {
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                throw error("missing field '" + key + "'");
            }
            if (!value.isString() && !value.isNumber()) {
                throw error("field '" + key + "' must be text");
            }
            String text = value.asString().strip();
            if (text.isEmpty()) {
                throw error("field '" + key + "' is empty");
            }
            return text;
        }

        String optionalText(String key) {
            return json.has(key) && !json.get(key).isNull() ? text(key) : null;
        }

        String id() {
            String id = text("id");
            if (!ID.matcher(id).matches()) {
                throw error("id '" + id + "' must be lower-case letters and digits separated by '.' or '-'");
            }
            return id;
        }

        /** The same node, now named by its id in messages. */
        Node named(String id) {
            return new Node(source, id, json);
        }

        int number(String key) {
            JsonNode value = json.get(key);
            if (value == null || !value.isIntegralNumber() || value.intValue() < 1) {
                throw error("field '" + key + "' must be a whole number of 1 or more");
            }
            return value.intValue();
        }

        String matching(String key, Pattern pattern, String expected) {
            String text = text(key);
            if (!pattern.matcher(text).matches()) {
                throw error("field '" + key + "' is '" + text + "'; it must be " + expected);
            }
            return text;
        }

        List<Node> list(String key) {
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                throw error("missing field '" + key + "'");
            }
            if (!value.isArray()) {
                throw error("field '" + key + "' must be a list (lines starting with '- ')");
            }
            List<Node> items = new ArrayList<>();
            int i = 1;
            for (JsonNode element : value.values()) {
                items.add(new Node(source, where(key) + "[" + i++ + "]", element));
            }
            return items;
        }

        <T> List<T> list(String key, Function<Node, T> reader) {
            return list(key).stream().map(reader).toList();
        }

        List<String> texts(String key) {
            return list(key, element -> {
                if (!element.json().isString() || element.json().asString().isBlank()) {
                    throw element.error("must be non-empty text");
                }
                return element.json().asString().strip();
            });
        }
    }

    /** Turns the YAML tree into the framework's records, checking each field. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        Framework framework(Node root) {
            root.fields("framework", "answer-sets", "provisions", "provision-labels", "background", "landscape",
                    "best-practices", "criteria", "case-study", "resources");
            Node about = root.child("framework").fields("id", "version", "title", "language", "source");
            Node background = root.child("background").fields("title", "paragraphs");
            Node landscape = root.child("landscape").fields("title", "introduction", "questions");
            Node caseStudy = root.child("case-study").fields("id", "title", "jurisdiction", "paragraphs");
            return new Framework(
                    new Framework.About(about.text("id"), about.text("version"), about.text("title"),
                            about.text("language"), about.text("source")),
                    root.list("answer-sets", this::answerSet),
                    root.list("provisions", n -> {
                        Node p = n.fields("id", "name", "protective-rule", "toolkit-source");
                        String id = p.id();
                        return new Framework.Provision(id, p.text("name"), p.text("protective-rule"), p.text("toolkit-source"));
                    }),
                    root.list("provision-labels", n -> {
                        Node l = n.fields("id", "name", "definition");
                        String id = l.id();
                        return new Framework.ProvisionLabel(id, l.text("name"), l.text("definition"));
                    }),
                    new Framework.Background(background.text("title"), background.texts("paragraphs")),
                    new Framework.Landscape(landscape.text("title"), landscape.text("introduction"),
                            landscape.list("questions", this::landscapeQuestion)),
                    bestPractices(root.child("best-practices")),
                    root.list("criteria", this::criterion),
                    new Framework.CaseStudy(caseStudy.id(), caseStudy.text("title"),
                            caseStudy.matching("jurisdiction", GEOID, "a Census GEOID of 2, 5 or 7 digits"),
                            caseStudy.texts("paragraphs")),
                    root.list("resources", n -> {
                        Node r = n.fields("id", "text", "url", "link-target?");
                        String id = r.id();
                        String linkTarget = r.optionalText("link-target");
                        if (linkTarget != null) {
                            r.matching("link-target", URL, "a web address starting with http:// or https://");
                        }
                        return new Framework.Resource(id, r.text("text"),
                                r.matching("url", URL, "a web address starting with http:// or https://"), linkTarget);
                    }));
        }

        AnswerSet answerSet(Node n) {
            Node set = n.fields("id", "options");
            String id = set.id();
            List<AnswerOption> options = set.list("options", o -> {
                Node option = o.fields("code", "label");
                return new AnswerOption(option.text("code"), option.text("label"));
            });
            if (options.size() < 2) {
                throw set.error("malformed answer set: it needs at least two options, found " + options.size());
            }
            Set<String> codes = new LinkedHashSet<>();
            for (AnswerOption option : options) {
                if (!codes.add(option.code())) {
                    throw set.error("malformed answer set: the code '" + option.code() + "' appears twice");
                }
            }
            return new AnswerSet(id, options);
        }

        LandscapeQuestion landscapeQuestion(Node n) {
            Node q = n.fields("id", "text", "note?", "answer");
            String id = q.id();
            Node answer = q.child("answer").fields("type", "answer-set?");
            String typeName = answer.text("type");
            LandscapeAnswerType type = LandscapeAnswerType.of(typeName).orElseThrow(() -> answer.error(
                    "unknown answer type '" + typeName + "'; use one of choice, agency-list, choice-and-text, text-and-link"));
            String answerSet = answer.optionalText("answer-set");
            if (type.offersChoices() && answerSet == null) {
                throw answer.error("an answer of type '" + typeName + "' needs an 'answer-set'");
            }
            if (!type.offersChoices() && answerSet != null) {
                throw answer.error("an answer of type '" + typeName + "' offers no choices; remove 'answer-set'");
            }
            return new LandscapeQuestion(id, q.text("text"), q.optionalText("note"), new LandscapeAnswer(type, answerSet));
        }

        Framework.BestPractices bestPractices(Node n) {
            Node b = n.fields("title", "introduction", "prohibitions", "inclusions-introduction", "inclusions",
                    "strategies", "complementary-reforms");
            Node reforms = b.child("complementary-reforms").fields("text", "reforms");
            return new Framework.BestPractices(b.text("title"), b.text("introduction"),
                    b.list("prohibitions", this::practice), b.text("inclusions-introduction"),
                    b.list("inclusions", this::practice),
                    b.list("strategies", s -> {
                        Node strategy = s.fields("id", "text", "provisions", "examples");
                        String id = strategy.id();
                        return new Framework.Strategy(id, strategy.text("text"), strategy.texts("provisions"),
                                strategy.list("examples", e -> {
                                    Node example = e.fields("name", "jurisdiction");
                                    return new Framework.StrategyExample(example.text("name"),
                                            example.matching("jurisdiction", GEOID, "a Census GEOID of 2, 5 or 7 digits"));
                                }));
                    }),
                    new Framework.ComplementaryReforms(reforms.text("text"), reforms.list("reforms", r -> {
                        Node reform = r.fields("id", "name", "provisions");
                        String id = reform.id();
                        return new Framework.Reform(id, reform.text("name"), reform.texts("provisions"));
                    })));
        }

        BestPractice practice(Node n) {
            Node p = n.fields("id", "text", "provisions");
            String id = p.id();
            return new BestPractice(id, p.text("text"), p.texts("provisions"));
        }

        Criterion criterion(Node n) {
            Node c = n.fields("id", "number", "chapter-row", "name", "statement", "provisions", "answer-set",
                    "questions", "where-to-look", "footnotes", "scoring");
            String id = c.id();
            List<String> provisions = c.texts("provisions");
            if (provisions.isEmpty()) {
                throw c.error("a criterion must name at least one provision it evaluates");
            }
            List<CriterionQuestion> questions = c.list("questions", this::question);
            if (questions.isEmpty()) {
                throw c.error("a criterion needs at least one question");
            }
            return new Criterion(id, c.number("number"), c.number("chapter-row"), c.text("name"), c.text("statement"),
                    provisions, c.text("answer-set"), questions, c.texts("where-to-look"),
                    c.list("footnotes", f -> {
                        Node footnote = f.fields("marker", "text", "refers-to?", "refers-to-note?");
                        return new Framework.Footnote(footnote.text("marker"), footnote.text("text"),
                                footnote.optionalText("refers-to"), footnote.optionalText("refers-to-note"));
                    }),
                    scoring(c.child("scoring"), id, questions));
        }

        Framework.ScoringRule scoring(Node n, String criterionId, List<CriterionQuestion> questions) {
            Node rule = n.fields("summary", "met?", "partly-met?", "not-met?");
            if (!rule.json().has("met") && !rule.json().has("partly-met") && !rule.json().has("not-met")) {
                throw rule.error("a scoring rule needs at least one of met, partly-met, not-met");
            }
            String prefix = criterionId.replaceFirst("^criterion\\.", "question.") + ".";
            return new Framework.ScoringRule(rule.text("summary"),
                    rule.json().has("met") ? condition(rule.child("met"), prefix) : null,
                    rule.json().has("partly-met") ? condition(rule.child("partly-met"), prefix) : null,
                    rule.json().has("not-met") ? condition(rule.child("not-met"), prefix) : null);
        }

        /** "refuses-requests is Y" (a question of this criterion), "question.x.y is N", or all: / any: a list. */
        Framework.Condition condition(Node n, String prefix) {
            if (n.json().isString()) {
                String[] parts = n.json().asString().strip().split("\\s+");
                if (parts.length != 3 || !parts[1].equals("is")) {
                    throw n.error("a condition reads '<question> is <answer>', for example 'formal-policy is Y'; found '"
                            + n.json().asString().strip() + "'");
                }
                String question = parts[0].startsWith("question.") ? parts[0] : prefix + parts[0];
                return new Framework.AnswerIs(question, parts[2]);
            }
            if (n.json().isObject() && n.json().size() == 1 && (n.json().has("all") || n.json().has("any"))) {
                boolean all = n.json().has("all");
                List<Framework.Condition> parts = n.list(all ? "all" : "any", child -> condition(child, prefix));
                if (parts.isEmpty()) {
                    throw n.error("'" + (all ? "all" : "any") + "' needs at least one condition");
                }
                return all ? new Framework.AllOf(parts) : new Framework.AnyOf(parts);
            }
            throw n.error("a condition is '<question> is <answer>' or a mapping with one key, 'all' or 'any', and a list");
        }

        CriterionQuestion question(Node n) {
            Node named = n.fields("id", "text", "evidence-kind", "asked-if?");
            String id = named.id();
            String kindName = named.text("evidence-kind");
            EvidenceKind kind = EvidenceKind.of(kindName).orElseThrow(() -> named.error(
                    "evidence-kind is '" + kindName + "'; use 'practice' (what agencies do) or 'policy' (what a law or policy says)"));
            AskedIf askedIf = null;
            if (named.json().has("asked-if")) {
                Node condition = named.child("asked-if").fields("question", "answer");
                askedIf = new AskedIf(condition.text("question"), condition.text("answer"));
            }
            return new CriterionQuestion(id, named.text("text"), kind, askedIf);
        }
    }

    /** Checks what one field cannot: unique ids and references to things defined elsewhere in the file. */
    private record ReferenceCheck(String source, Framework framework) {

        void run() {
            Map<String, String> ids = new LinkedHashMap<>();
            framework.answerSets().forEach(a -> unique(ids, a.id(), "answer-sets"));
            framework.provisions().forEach(p -> unique(ids, p.id(), "provisions"));
            framework.provisionLabels().forEach(l -> unique(ids, l.id(), "provision-labels"));
            framework.landscape().questions().forEach(q -> unique(ids, q.id(), "landscape"));
            framework.bestPractices().prohibitions().forEach(p -> unique(ids, p.id(), "best-practices > prohibitions"));
            framework.bestPractices().inclusions().forEach(p -> unique(ids, p.id(), "best-practices > inclusions"));
            framework.bestPractices().strategies().forEach(s -> unique(ids, s.id(), "best-practices > strategies"));
            framework.bestPractices().complementaryReforms().reforms().forEach(r -> unique(ids, r.id(), "complementary-reforms"));
            framework.criteria().forEach(c -> {
                unique(ids, c.id(), "criteria");
                c.questions().forEach(q -> unique(ids, q.id(), c.id() + " > questions"));
            });
            unique(ids, framework.caseStudy().id(), "case-study");
            framework.resources().forEach(r -> unique(ids, r.id(), "resources"));

            Set<String> provisions = new LinkedHashSet<>();
            framework.provisions().forEach(p -> provisions.add(p.id()));
            framework.bestPractices().prohibitions().forEach(p -> knownProvisions(p.id(), p.provisions(), provisions));
            framework.bestPractices().inclusions().forEach(p -> knownProvisions(p.id(), p.provisions(), provisions));
            framework.bestPractices().strategies().forEach(s -> knownProvisions(s.id(), s.provisions(), provisions));
            framework.bestPractices().complementaryReforms().reforms().forEach(r -> knownProvisions(r.id(), r.provisions(), provisions));
            framework.criteria().forEach(c -> knownProvisions(c.id(), c.provisions(), provisions));

            framework.landscape().questions().stream()
                    .filter(q -> q.answer().answerSet() != null)
                    .forEach(q -> answerSet(q.id(), q.answer().answerSet()));

            Map<String, AnswerSet> answersByQuestion = new HashMap<>();
            int expectedNumber = 1;
            for (Criterion criterion : framework.criteria()) {
                if (criterion.number() != expectedNumber) {
                    throw new FrameworkException(source, criterion.id(), "criterion number is " + criterion.number()
                            + " but the criteria must be numbered 1, 2, 3 ... in order; expected " + expectedNumber);
                }
                expectedNumber++;
                AnswerSet answers = answerSet(criterion.id(), criterion.answerSet());
                for (CriterionQuestion question : criterion.questions()) {
                    if (question.askedIf() != null) {
                        AnswerSet earlier = answersByQuestion.get(question.askedIf().question());
                        if (earlier == null) {
                            throw new FrameworkException(source, question.id(), "asked-if refers to '"
                                    + question.askedIf().question() + "', which is not a question that comes before this one");
                        }
                        if (!earlier.allows(question.askedIf().answer())) {
                            throw new FrameworkException(source, question.id(), "asked-if expects the answer '"
                                    + question.askedIf().answer() + "', which is not one of " + codes(earlier));
                        }
                    }
                    answersByQuestion.put(question.id(), answers);
                }
            }
            for (Criterion criterion : framework.criteria()) {
                Framework.ScoringRule rule = criterion.scoring();
                for (Framework.Condition condition : java.util.Arrays.asList(rule.met(), rule.partlyMet(), rule.notMet())) {
                    if (condition != null) {
                        checkCondition(criterion.id(), condition, answersByQuestion);
                    }
                }
            }
        }

        private void checkCondition(String item, Framework.Condition condition, Map<String, AnswerSet> answersByQuestion) {
            if (condition instanceof Framework.AnswerIs is) {
                AnswerSet answers = answersByQuestion.get(is.question());
                if (answers == null) {
                    throw new FrameworkException(source, item + " > scoring", "the condition refers to '"
                            + is.question() + "', which is not a question of the framework");
                }
                if (!answers.allows(is.answer())) {
                    throw new FrameworkException(source, item + " > scoring", "the condition expects the answer '"
                            + is.answer() + "' to " + is.question() + ", which is not one of " + codes(answers));
                }
            } else if (condition instanceof Framework.AllOf all) {
                all.conditions().forEach(c -> checkCondition(item, c, answersByQuestion));
            } else if (condition instanceof Framework.AnyOf any) {
                any.conditions().forEach(c -> checkCondition(item, c, answersByQuestion));
            }
        }

        private void unique(Map<String, String> ids, String id, String where) {
            String first = ids.putIfAbsent(id, where);
            if (first != null) {
                throw new FrameworkException(source, id, "duplicate id: it is used in " + first + " and again in " + where
                        + "; every id must be unique");
            }
        }

        private void knownProvisions(String item, List<String> referenced, Set<String> known) {
            for (String provision : referenced) {
                if (!known.contains(provision)) {
                    throw new FrameworkException(source, item, "unknown provision id '" + provision
                            + "'; the provisions are " + String.join(", ", known));
                }
            }
        }

        private AnswerSet answerSet(String item, String id) {
            return framework.answerSet(id).orElseThrow(() -> new FrameworkException(source, item,
                    "unknown answer set '" + id + "'; the answer sets are "
                            + String.join(", ", framework.answerSets().stream().map(AnswerSet::id).toList())));
        }

        private static String codes(AnswerSet set) {
            return String.join(", ", set.options().stream().map(AnswerOption::code).toList());
        }
    }
}

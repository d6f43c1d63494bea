package org.sanctuaryscorecard.framework;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The toolkit's evaluation system as data: landscape questions, the ideal policy, the eight criteria with their
 * questions and where to look, the case study and resources. Loaded from YAML ({@code framework/toolkit.yaml});
 * every item has a stable, human-readable id.
 */
public record Framework(
        About about,
        List<AnswerSet> answerSets,
        List<Provision> provisions,
        List<ProvisionLabel> provisionLabels,
        Background background,
        Landscape landscape,
        BestPractices bestPractices,
        List<Criterion> criteria,
        CaseStudy caseStudy,
        List<Resource> resources) {

    /** Which framework this is and which version of it. */
    public record About(String id, String version, String title, String language, String source) {
    }

    /** A closed set of answers, such as Y / N / Other. */
    public record AnswerSet(String id, List<AnswerOption> options) {
        /** True when {@code code} is one of this set's answers. */
        public boolean allows(String code) {
            return options.stream().anyMatch(o -> o.code().equals(code));
        }
    }

    /** One answer of an answer set: its stored code and the words shown for it. */
    public record AnswerOption(String code, String label) {
    }

    /** One of the provisions of an ideal policy ({@code spec/provisions.md}), such as {@code detainer-hold}. */
    public record Provision(String id, String name, String protectiveRule, String toolkitSource) {
    }

    /** One of the four labels a document gets per provision: protects, limited, contrary, silent. */
    public record ProvisionLabel(String id, String name, String definition) {
    }

    /** The chapter's "Policy Background". */
    public record Background(String title, List<String> paragraphs) {
    }

    /** "Assessing the Landscape": the questions that map who does what locally. */
    public record Landscape(String title, String introduction, List<LandscapeQuestion> questions) {
    }

    /** A landscape question and the shape of the answer a user gives. */
    public record LandscapeQuestion(String id, String text, String note, LandscapeAnswer answer) {
    }

    /** The shape of a landscape answer; {@code answerSet} is set for the kinds that offer choices. */
    public record LandscapeAnswer(LandscapeAnswerType type, String answerSet) {
    }

    /** Kinds of landscape answer. */
    public enum LandscapeAnswerType {
        /** One answer from an answer set. */
        CHOICE("choice"),
        /** A list of agencies, named by the user. */
        AGENCY_LIST("agency-list"),
        /** One answer from an answer set plus free text. */
        CHOICE_AND_TEXT("choice-and-text"),
        /** Free text plus a link to a record (for the state-law framework: the state's page). */
        TEXT_AND_LINK("text-and-link");

        private final String id;

        LandscapeAnswerType(String id) {
            this.id = id;
        }

        /** The name used in the YAML file and the API. */
        @JsonValue
        public String id() {
            return id;
        }

        /** True for the kinds that need an answer set. */
        public boolean offersChoices() {
            return this == CHOICE || this == CHOICE_AND_TEXT;
        }

        /** The type with this YAML name, if any. */
        public static Optional<LandscapeAnswerType> of(String id) {
            return Stream.of(values()).filter(t -> t.id.equals(id)).findFirst();
        }
    }

    /** "Best Practices": what an ideal sanctuary policy prohibits and includes, and related strategies. */
    public record BestPractices(
            String title,
            String introduction,
            List<BestPractice> prohibitions,
            String inclusionsIntroduction,
            List<BestPractice> inclusions,
            List<Strategy> strategies,
            ComplementaryReforms complementaryReforms) {
    }

    /** One prohibition or inclusion of the ideal policy, tied to the provisions it concerns. */
    public record BestPractice(String id, String text, List<String> provisions) {
    }

    /** A strategy that covers several practices at once, with the places that used it. */
    public record Strategy(String id, String text, List<String> provisions, List<StrategyExample> examples) {
    }

    /** A place that used a strategy; {@code jurisdiction} is its Census GEOID. */
    public record StrategyExample(String name, String jurisdiction) {
    }

    /** Reforms beyond immigrant-specific protections that the chapter recommends. */
    public record ComplementaryReforms(String text, List<Reform> reforms) {
    }

    /** One complementary reform; it is not one of the thirteen provisions, so {@code provisions} is usually empty. */
    public record Reform(String id, String name, List<String> provisions) {
    }

    /** One row of the criteria table: the criterion, its questions, the answers allowed, where to look, and its scoring rule. */
    public record Criterion(
            String id,
            int number,
            int chapterRow,
            String name,
            String statement,
            List<String> provisions,
            String answerSet,
            List<CriterionQuestion> questions,
            List<String> whereToLook,
            List<Footnote> footnotes,
            ScoringRule scoring) {
    }

    /**
     * How a criterion's status follows from its answers: the first of met, partly met and not met whose condition
     * holds decides. A missing condition ({@code null}) never holds. {@code summary} says the rule in plain words.
     */
    public record ScoringRule(String summary, Condition met, Condition partlyMet, Condition notMet) {
    }

    /** A condition on answers: an answer to one question, or all / any of other conditions. */
    public sealed interface Condition permits AnswerIs, AllOf, AnyOf {
    }

    /** True when the question {@code question} (a full question id) is answered {@code answer}. */
    public record AnswerIs(String question, String answer) implements Condition {
    }

    /** True when every one of the conditions holds. */
    public record AllOf(List<Condition> conditions) implements Condition {
    }

    /** True when at least one of the conditions holds. */
    public record AnyOf(List<Condition> conditions) implements Condition {
    }

    /** A question to evaluate a jurisdiction on a criterion. */
    public record CriterionQuestion(String id, String text, EvidenceKind evidenceKind, AskedIf askedIf) {
    }

    /** Whether a question asks about written policy or about what agencies actually do. */
    public enum EvidenceKind {
        /** What agencies and jails actually do. */
        PRACTICE("practice"),
        /** What a law, ordinance or formal policy says. */
        POLICY("policy");

        private final String id;

        EvidenceKind(String id) {
            this.id = id;
        }

        /** The name used in the YAML file and the API. */
        @JsonValue
        public String id() {
            return id;
        }

        /** The kind with this YAML name, if any. */
        public static Optional<EvidenceKind> of(String id) {
            return Stream.of(values()).filter(k -> k.id.equals(id)).findFirst();
        }
    }

    /** A follow-up question is asked only when an earlier question got a given answer ("If not, ..."). */
    public record AskedIf(String question, String answer) {
    }

    /** A footnote of the chapter; {@code refersTo} names the law it describes where the editors identified it. */
    public record Footnote(String marker, String text, String refersTo, String refersToNote) {
    }

    /** "Lessons from the Field". */
    public record CaseStudy(String id, String title, String jurisdiction, List<String> paragraphs) {
    }

    /** A resource the chapter points to. {@code linkTarget} is set where the PDF's link differs from the printed URL. */
    public record Resource(String id, String text, String url, String linkTarget) {
    }

    /** The criterion with this id, if any. */
    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The provision with this id, if any. */
    public Optional<Provision> provision(String id) {
        return provisions.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The answer set with this id, if any. */
    public Optional<AnswerSet> answerSet(String id) {
        return answerSets.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Every criterion question, in table order. */
    public Stream<CriterionQuestion> questions() {
        return criteria.stream().flatMap(c -> c.questions().stream());
    }

    /** How pages refer to a question: "2.1" for the first question of criterion 2; empty if there is no such question. */
    public String questionNumber(String questionId) {
        for (Criterion criterion : criteria) {
            for (int i = 0; i < criterion.questions().size(); i++) {
                if (criterion.questions().get(i).id().equals(questionId)) {
                    return criterion.number() + "." + (i + 1);
                }
            }
        }
        return "";
    }

    /** The chapter's table rows, in order: criteria that share a row (2 and 3) are listed together, as in the chapter. */
    public List<List<Criterion>> tableRows() {
        java.util.Map<Integer, List<Criterion>> rows = new java.util.LinkedHashMap<>();
        criteria.forEach(c -> rows.computeIfAbsent(c.chapterRow(), r -> new java.util.ArrayList<>()).add(c));
        return rows.values().stream().map(List::copyOf).toList();
    }

    /** The "where to look" of criteria that share a table row, each item once, in order. */
    public List<String> whereToLook(List<Criterion> row) {
        return row.stream().flatMap(c -> c.whereToLook().stream()).distinct().toList();
    }

    /** Several questions by number, "1.2, 2.1", in the order given. */
    public String questionNumbers(java.util.Collection<String> questionIds) {
        return String.join(", ", questionIds.stream().map(this::questionNumber).toList());
    }

    /** The words of an answer code for a criterion question ("Y" → "Yes"); the code itself if unknown, null for null. */
    public String answerLabel(String questionId, String code) {
        if (code == null) {
            return null;
        }
        return criterionOf(questionId).flatMap(c -> answerSet(c.answerSet()))
                .flatMap(set -> set.options().stream().filter(o -> o.code().equals(code)).findFirst())
                .map(AnswerOption::label).orElse(code);
    }

    /** What the ideal policy asks on these provisions: its prohibitions, inclusions and strategies that concern them. */
    public List<BestPractice> practicesFor(List<String> provisionIds) {
        List<BestPractice> practices = new java.util.ArrayList<>();
        Stream.concat(bestPractices.prohibitions().stream(), bestPractices.inclusions().stream())
                .filter(p -> p.provisions().stream().anyMatch(provisionIds::contains))
                .forEach(practices::add);
        bestPractices.strategies().stream()
                .filter(s -> s.provisions().stream().anyMatch(provisionIds::contains))
                .forEach(s -> practices.add(new BestPractice(s.id(), s.text(), s.provisions())));
        return practices;
    }

    /** The criterion that asks this question, if any. */
    public Optional<Criterion> criterionOf(String questionId) {
        return criteria.stream().filter(c -> c.questions().stream().anyMatch(q -> q.id().equals(questionId))).findFirst();
    }

    /** The landscape question with this id, if any. */
    public Optional<LandscapeQuestion> landscapeQuestion(String id) {
        return landscape.questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The criterion question with this id, if any. */
    public Optional<CriterionQuestion> question(String id) {
        return questions().filter(q -> q.id().equals(id)).findFirst();
    }
}

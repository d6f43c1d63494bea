package org.sanctuaryscorecard.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.Framework.AllOf;
import org.sanctuaryscorecard.framework.Framework.AnswerIs;
import org.sanctuaryscorecard.framework.Framework.AnyOf;
import org.sanctuaryscorecard.framework.Framework.Condition;
import org.sanctuaryscorecard.framework.Framework.Criterion;
import org.sanctuaryscorecard.framework.Framework.CriterionQuestion;

/**
 * Computes criterion statuses from answers by the framework's published rules. Pure: answers in, results out.
 *
 * <p>Each condition of a rule evaluates to true, false, or unknown. An atom "q is A" is true when q is answered A,
 * false when it is answered something else, unknown when q is not answered, and unknown-for-review when q is
 * answered Other (unless the atom asks for Other). A follow-up question whose asked-if condition is false is not
 * asked and counts as No. "All" is false if any part is false; "any" is true if any part is true; otherwise an
 * unanswered part makes them unknown, before an Other part does. The rule's conditions are tried in order: met,
 * partly met, not met. The first that is true decides. The first that is unknown stops the evaluation: "not yet
 * assessed" if an unanswered question could change the result, "needs review" if only Other answers could. When
 * all are false, the rule does not cover the answers and the criterion needs review.
 */
public final class Scoring {

    /** Answers are Y, N or OTHER; these are the codes the rules use. */
    public static final String YES = "Y";
    public static final String NO = "N";
    public static final String OTHER = "OTHER";

    private Scoring() {
    }

    private enum Truth { TRUE, FALSE, UNANSWERED, OTHER }

    /** Scores every criterion and counts the results and the ideal-policy labels. */
    public static ScoreSummary summarize(Framework framework, Map<String, String> answers, Map<String, String> provisionLabels) {
        List<CriterionResult> results = new ArrayList<>();
        Map<CriterionStatus, Integer> counts = new EnumMap<>(CriterionStatus.class);
        for (CriterionStatus status : CriterionStatus.values()) {
            counts.put(status, 0);
        }
        for (Criterion criterion : framework.criteria()) {
            CriterionResult result = score(framework, criterion, answers);
            results.add(result);
            counts.merge(result.status(), 1, Integer::sum);
        }
        Map<String, Integer> labels = new LinkedHashMap<>();
        framework.provisionLabels().forEach(label -> labels.put(label.id(), 0));
        framework.provisions().forEach(p -> {
            String label = provisionLabels.get(p.id());
            if (label != null) {
                labels.merge(label, 1, Integer::sum);
            }
        });
        return new ScoreSummary(results, counts, framework.provisions().size(), labels);
    }

    /** Scores one criterion from all the answers of an assessment (question id → Y, N or OTHER; absent = unanswered). */
    public static CriterionResult score(Framework framework, Criterion criterion, Map<String, String> answers) {
        Evaluation evaluation = new Evaluation(framework, answers);
        List<String> notAsked = criterion.questions().stream().map(CriterionQuestion::id)
                .filter(id -> !evaluation.isAsked(id)).toList();
        String[] names = {"met", "partly-met", "not-met"};
        Condition[] conditions = {criterion.scoring().met(), criterion.scoring().partlyMet(), criterion.scoring().notMet()};
        CriterionStatus[] statuses = {CriterionStatus.MET, CriterionStatus.PARTLY_MET, CriterionStatus.NOT_MET};
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i] == null) {
                continue;
            }
            Outcome outcome = evaluation.eval(conditions[i]);
            switch (outcome.truth()) {
                case TRUE:
                    return new CriterionResult(criterion.id(), statuses[i], names[i], List.of(), List.of(), notAsked);
                case UNANSWERED:
                    return new CriterionResult(criterion.id(), CriterionStatus.NOT_YET_ASSESSED, null,
                            List.copyOf(outcome.unanswered()), List.of(), notAsked);
                case OTHER:
                    return new CriterionResult(criterion.id(), CriterionStatus.NEEDS_REVIEW, null, List.of(),
                            List.copyOf(outcome.other()), notAsked);
                default:
                    break;
            }
        }
        List<String> others = criterion.questions().stream().map(CriterionQuestion::id)
                .filter(id -> OTHER.equals(answers.get(id))).toList();
        return new CriterionResult(criterion.id(), CriterionStatus.NEEDS_REVIEW, null, List.of(), others, notAsked);
    }

    /** A condition's truth, with the questions that left it undecided (empty when decided). */
    private record Outcome(Truth truth, Set<String> unanswered, Set<String> other) {
        static final Outcome TRUE = new Outcome(Truth.TRUE, Set.of(), Set.of());
        static final Outcome FALSE = new Outcome(Truth.FALSE, Set.of(), Set.of());
    }

    /** Evaluates conditions over one set of answers. */
    private static final class Evaluation {
        private final Framework framework;
        private final Map<String, String> answers;

        Evaluation(Framework framework, Map<String, String> answers) {
            this.framework = framework;
            this.answers = answers;
        }

        /** False only when the question is a follow-up whose asked-if condition is definitely false. */
        boolean isAsked(String questionId) {
            CriterionQuestion question = framework.question(questionId)
                    .orElseThrow(() -> new IllegalArgumentException("no question " + questionId));
            if (question.askedIf() == null) {
                return true;
            }
            String earlier = question.askedIf().question();
            if (!isAsked(earlier)) {
                return false;
            }
            String answer = answers.get(earlier);
            return answer == null || OTHER.equals(answer) || answer.equals(question.askedIf().answer());
        }

        Outcome eval(Condition condition) {
            if (condition instanceof AnswerIs is) {
                return atom(is);
            }
            boolean all = condition instanceof AllOf;
            List<Condition> parts = all ? ((AllOf) condition).conditions() : ((AnyOf) condition).conditions();
            Truth decisive = all ? Truth.FALSE : Truth.TRUE;
            Set<String> unanswered = new LinkedHashSet<>();
            Set<String> other = new LinkedHashSet<>();
            for (Condition part : parts) {
                Outcome outcome = eval(part);
                if (outcome.truth() == decisive) {
                    return all ? Outcome.FALSE : Outcome.TRUE;
                }
                unanswered.addAll(outcome.unanswered());
                other.addAll(outcome.other());
            }
            if (!unanswered.isEmpty()) {
                return new Outcome(Truth.UNANSWERED, unanswered, other);
            }
            if (!other.isEmpty()) {
                return new Outcome(Truth.OTHER, Set.of(), other);
            }
            return all ? Outcome.TRUE : Outcome.FALSE;
        }

        private Outcome atom(AnswerIs is) {
            if (!isAsked(is.question())) {
                return NO.equals(is.answer()) ? Outcome.TRUE : Outcome.FALSE;
            }
            String answer = answers.get(is.question());
            if (answer == null) {
                return new Outcome(Truth.UNANSWERED, Set.of(is.question()), Set.of());
            }
            if (answer.equals(is.answer())) {
                return Outcome.TRUE;
            }
            if (OTHER.equals(answer)) {
                return new Outcome(Truth.OTHER, Set.of(), Set.of(is.question()));
            }
            return Outcome.FALSE;
        }
    }
}

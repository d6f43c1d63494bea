package org.sanctuaryscorecard.secondcoding;

/**
 * One question of a comparison: both codings, how they compare, the decision if any, and the assessment's answer now.
 *
 * @param number         how pages refer to the question ("2.1")
 * @param second         the second coder's answer, or null when they did not answer
 * @param reconciliation the reviewer's decision, or null
 * @param currentAnswer  the assessment's answer code now (it may have changed since the comparison)
 * @param currentVersion the assessment's version of the answer now: a decision must be based on it
 */
public record QuestionComparison(String questionId, String number, String text, FirstAnswer first, SecondAnswer second,
                                 Agreement agreement, Reconciliation reconciliation, String currentAnswer,
                                 int currentVersion) {

    /** A difference that still waits for a decision. */
    public boolean awaitingDecision() {
        return agreement.decidable() && reconciliation == null;
    }
}

package org.sanctuaryscorecard.scoring;

import java.util.List;

/**
 * The status of one criterion and why.
 *
 * @param criterionId the criterion
 * @param status      met, partly met, not met, needs review or not yet assessed
 * @param decidedBy   which condition of the rule decided ("met", "partly-met", "not-met"), or null when none did
 * @param unanswered  for "not yet assessed": the unanswered questions the decision waits for
 * @param needReview  for "needs review": the questions answered Other that the rule cannot place
 * @param notAsked    follow-up questions that do not apply because of an earlier answer (they count as No)
 */
public record CriterionResult(String criterionId, CriterionStatus status, String decidedBy, List<String> unanswered,
                              List<String> needReview, List<String> notAsked) {

    public CriterionResult {
        unanswered = List.copyOf(unanswered);
        needReview = List.copyOf(needReview);
        notAsked = List.copyOf(notAsked);
    }
}

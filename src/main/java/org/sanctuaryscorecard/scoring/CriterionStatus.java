package org.sanctuaryscorecard.scoring;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a jurisdiction stands on one criterion, computed from the answers by the criterion's published rule. */
public enum CriterionStatus {
    /** The rule's "met" condition holds. */
    MET("met"),
    /** The rule's "partly met" condition holds. */
    PARTLY_MET("partly-met"),
    /** The rule's "not met" condition holds. */
    NOT_MET("not-met"),
    /** An "Other" answer that the rule cannot place, or a combination of answers the rule does not cover. */
    NEEDS_REVIEW("needs-review"),
    /** Questions the decision depends on are not answered yet. Unknown is not no: this is never a pass or a fail. */
    NOT_YET_ASSESSED("not-yet-assessed");

    private final String id;

    CriterionStatus(String id) {
        this.id = id;
    }

    /** The stable name used in the API and in messages. */
    @JsonValue
    public String id() {
        return id;
    }
}

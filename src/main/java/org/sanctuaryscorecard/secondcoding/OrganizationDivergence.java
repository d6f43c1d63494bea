package org.sanctuaryscorecard.secondcoding;

import java.time.Instant;
import java.util.List;

/**
 * An organization's second codings and their divergence: each submitted round, and the total over all of them.
 *
 * @param assessments how many assessments were second-coded (a round submitted), each counted once
 */
public record OrganizationDivergence(long organizationId, String organizationName, int assessments, Divergence total,
                                     List<Round> rounds) {

    public OrganizationDivergence {
        rounds = List.copyOf(rounds);
    }

    /** One submitted second coding of one assessment. */
    public record Round(long requestId, long assessmentId, String assessmentTitle, String coderName, CodingState state,
                        Instant submittedAt, Divergence divergence) {
    }
}

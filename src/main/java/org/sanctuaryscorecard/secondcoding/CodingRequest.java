package org.sanctuaryscorecard.secondcoding;

import java.time.Instant;

/**
 * A reviewer's request that a second editor code an assessment blind.
 *
 * @param coderName        the second coder's name as it was when asked
 * @param comparedRevision the assessment's revision the second coding was compared with (at submission), or null
 * @param closedAt         when it was reconciled or cancelled, or null
 * @param viewedAt         the first time the coder opened the assessment's answers while coding blind, or null
 * @param viewedWhere      the address they opened then, or null
 */
public record CodingRequest(long id, long assessmentId, long organizationId, long coderId, String coderName,
                            long requestedById, String requestedByName, Instant requestedAt, CodingState state,
                            Instant submittedAt, Integer comparedRevision, Instant closedAt, Instant viewedAt,
                            String viewedWhere) {
}

package org.sanctuaryscorecard.secondcoding;

import java.time.Instant;

/**
 * A reviewer's decision on one question where the two codings differ.
 *
 * @param answer   the answer written into the assessment (Y, N, OTHER or null)
 * @param revision the assessment's revision after the decision was written
 */
public record Reconciliation(String questionId, String answer, String explanation, Followed followed, long decidedById,
                             String decidedByName, Instant decidedAt, int revision) {
}

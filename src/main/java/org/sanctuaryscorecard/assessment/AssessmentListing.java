package org.sanctuaryscorecard.assessment;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a jurisdiction's list of assessments. */
public record AssessmentListing(long id, String jurisdictionGeoid, long organizationId, String title, String author, LocalDate asOf,
                                AssessmentStatus status, boolean example, int revision, Instant updatedAt) {
}

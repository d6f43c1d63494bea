package org.sanctuaryscorecard.correction;

import java.time.Instant;

/**
 * A stored correction request, as its organization's reviewers see it (contact details included).
 *
 * @param assessmentRevision the assessment's revision the requester saw
 * @param origin             the client's address as the server saw it, or null
 * @param file               the file sent with it (without its bytes), or null
 * @param note               the reviewer's note when answered or dismissed, or null
 * @param handledBy          the name of the reviewer who handled it last, or null
 * @param version            increases with every change; a reviewer's change names the version they saw
 */
public record CorrectionRequest(long id, long assessmentId, long organizationId, int assessmentRevision, Instant receivedAt,
                                String origin, String name, String organization, String email, String part,
                                String whatIsWrong, String shouldSay, String citation, String link, CorrectionFile file,
                                CorrectionStatus status, String note, String handledBy, Instant handledAt, int version) {
}

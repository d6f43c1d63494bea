package org.sanctuaryscorecard.audit;

import java.time.Instant;

/**
 * One recorded change.
 *
 * @param id             its number, increasing
 * @param at             when
 * @param actorId        the account that made it, or null (the system)
 * @param actorName      the actor's name at the time
 * @param origin         the client's address, or null
 * @param organizationId the organization it concerns, or null (an installation-wide change)
 * @param targetType     what kind of thing changed: assessment, membership, account, organization, setting ...
 * @param targetId       which one ("17", "17/answer/question.detainers.formal-policy", "ana")
 * @param action         what was done: save, create, add, remove, change-role, status, login-failed ...
 * @param before         the value before, as JSON, or null
 * @param after          the value after, as JSON, or null
 */
public record AuditEvent(long id, Instant at, Long actorId, String actorName, String origin, Long organizationId,
                         String targetType, String targetId, String action, String before, String after) {
}

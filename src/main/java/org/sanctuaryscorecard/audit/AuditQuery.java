package org.sanctuaryscorecard.audit;

import java.time.Instant;

/**
 * Which events to read. Every part may be null, meaning "any".
 *
 * @param organizationId only the events of this organization; null for the whole installation's
 * @param from           only events at or after this time
 * @param until          only events before this time
 * @param actorId        only events made by this account
 * @param action         only events with this action ("change-role", "save" ...)
 */
public record AuditQuery(Long organizationId, Instant from, Instant until, Long actorId, String action) {

    /** Every event of the installation. */
    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null);
    }

    /** Every event of one organization (null: of the installation). */
    public static AuditQuery of(Long organizationId) {
        return new AuditQuery(organizationId, null, null, null, null);
    }

    /** Whether anything but the organization narrows the events. */
    public boolean filtered() {
        return from != null || until != null || actorId != null || action != null;
    }
}

package org.sanctuaryscorecard.reference;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One public list as loaded, with its provenance.
 *
 * @param listDate     the date of the list itself, as its publisher dated it
 * @param origin       "shipped" (loaded from the application's own files) or "imported" (by a person)
 * @param loadedBy     who loaded it and how
 * @param supersededBy the newer list of the same kind that replaced it, or null while it is the current one
 * @param rows         how many rows it has; {@code matched} of them are matched to a jurisdiction
 */
public record ReferenceList(long id, ReferenceKind kind, LocalDate listDate, String source, String fileName, String sha256,
                            String origin, Instant loadedAt, String loadedBy, Long supersededBy, Instant supersededAt,
                            int rows, int matched) {

    public boolean current() {
        return supersededBy == null;
    }

    public boolean shipped() {
        return "shipped".equals(origin);
    }

    /** When it was loaded, to the minute, in UTC ("2026-11-27 13:22 UTC"). */
    public String loadedAtUtc() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                .format(loadedAt);
    }

    public int unmatched() {
        return rows - matched;
    }
}

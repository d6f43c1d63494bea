package org.sanctuaryscorecard.assessment;

import java.time.Instant;
import java.util.List;

/**
 * One saved change to an assessment: when, who, what (a short summary) and each field's old and new value.
 *
 * @param number  1 for the creation, then one more for each save
 * @param changes the fields changed; an old or new value of null means the field was absent
 */
public record Revision(int number, Instant createdAt, String editor, String summary, List<FieldChange> changes, Long actorId) {

    public Revision {
        changes = List.copyOf(changes);
    }

    /** One field's value before and after. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }
}

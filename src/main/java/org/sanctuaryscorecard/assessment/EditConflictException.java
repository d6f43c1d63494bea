package org.sanctuaryscorecard.assessment;

import java.time.Instant;
import java.util.Map;

/**
 * A save refused because someone else changed the same item since the client loaded it (optimistic locking). Nothing
 * was stored; the exception carries the other person's version so that the client can show it.
 *
 * @param item           the item, such as "answer/question.detainers.formal-policy"
 * @param sentVersion    the version the client based its change on
 * @param currentVersion the version now stored
 * @param editor         who made the current version
 * @param changedAt      when
 * @param currentFields  the item's current fields (field → value), the other person's version
 */
public final class EditConflictException extends RuntimeException {

    private final String item;
    private final int sentVersion;
    private final int currentVersion;
    private final String editor;
    private final Instant changedAt;
    private final Map<String, String> currentFields;

    public EditConflictException(String item, int sentVersion, int currentVersion, String editor, Instant changedAt,
                                 Map<String, String> currentFields) {
        super(item + " was changed by " + editor + " (version " + currentVersion + ", you had " + sentVersion + ")");
        this.item = item;
        this.sentVersion = sentVersion;
        this.currentVersion = currentVersion;
        this.editor = editor;
        this.changedAt = changedAt;
        this.currentFields = Map.copyOf(currentFields);
    }

    public String item() {
        return item;
    }

    public int sentVersion() {
        return sentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String editor() {
        return editor;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Map<String, String> currentFields() {
        return currentFields;
    }
}

package org.sanctuaryscorecard.secondcoding;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the two codings of one question compare. Only questions both coders answered count in the divergence rate. */
public enum Agreement {
    SAME("same"),
    DIFFERENT("different"),
    FIRST_ONLY("first-only"),
    SECOND_ONLY("second-only"),
    UNANSWERED("unanswered");

    private final String id;

    Agreement(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The agreement of two answer codes (null = not answered). */
    public static Agreement of(String first, String second) {
        if (first == null && second == null) {
            return UNANSWERED;
        }
        if (first == null) {
            return SECOND_ONLY;
        }
        if (second == null) {
            return FIRST_ONLY;
        }
        return Objects.equals(first, second) ? SAME : DIFFERENT;
    }

    /** Whether a reviewer may decide this question: the answers differ, or only one coder answered. */
    public boolean decidable() {
        return this == DIFFERENT || this == FIRST_ONLY || this == SECOND_ONLY;
    }
}

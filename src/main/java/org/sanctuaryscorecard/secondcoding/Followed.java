package org.sanctuaryscorecard.secondcoding;

import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whose answer a reconciliation kept: the first coder's (the assessment's), the second coder's, or neither. */
public enum Followed {
    FIRST("first"),
    SECOND("second"),
    NEITHER("neither");

    private final String id;

    Followed(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<Followed> of(String id) {
        return Stream.of(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}

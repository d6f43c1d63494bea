package org.sanctuaryscorecard.secondcoding;

import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a second-coding request stands. */
public enum CodingState {
    /** the second coder is answering, blind */
    OPEN("open"),
    /** the second coder submitted; differences wait for a reviewer's decision */
    SUBMITTED("submitted"),
    /** every difference where both coders answered has been decided */
    RECONCILED("reconciled"),
    /** a reviewer withdrew the request */
    CANCELLED("cancelled");

    private final String id;

    CodingState(String id) {
        this.id = id;
    }

    /** The stable name used in storage, the API and messages. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Whether this request still blocks a new one for the same assessment. */
    public boolean active() {
        return this == OPEN || this == SUBMITTED;
    }

    /** Whether the second coding has been handed in (and can be compared). */
    public boolean compared() {
        return this == SUBMITTED || this == RECONCILED;
    }

    public static Optional<CodingState> of(String id) {
        return Stream.of(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}

package org.sanctuaryscorecard.assessment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;
import java.util.stream.Stream;

/** Where an assessment is in its life: a draft, in review, or published. */
public enum AssessmentStatus {
    DRAFT("draft"),
    IN_REVIEW("in-review"),
    PUBLISHED("published");

    private final String id;

    AssessmentStatus(String id) {
        this.id = id;
    }

    /** The stable name used in storage, the API and messages. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The status with this name, if any. */
    public static Optional<AssessmentStatus> of(String id) {
        return Stream.of(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}

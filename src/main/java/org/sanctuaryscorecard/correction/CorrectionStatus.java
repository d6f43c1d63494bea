package org.sanctuaryscorecard.correction;

import java.util.Optional;
import java.util.stream.Stream;

/** Where a correction request stands: new (not handled yet), answered, or dismissed. */
public enum CorrectionStatus {
    NEW("new"),
    ANSWERED("answered"),
    DISMISSED("dismissed");

    private final String id;

    CorrectionStatus(String id) {
        this.id = id;
    }

    /** The stable name used in storage, addresses and messages. */
    public String id() {
        return id;
    }

    /** The status with this name, if any. */
    public static Optional<CorrectionStatus> of(String id) {
        return Stream.of(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}

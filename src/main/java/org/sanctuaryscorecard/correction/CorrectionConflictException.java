package org.sanctuaryscorecard.correction;

import java.time.Instant;

/** A reviewer's change based on an old version of the request: someone else handled it meanwhile. Nothing was changed. */
public final class CorrectionConflictException extends RuntimeException {

    private final String handledBy;
    private final Instant handledAt;

    public CorrectionConflictException(String handledBy, Instant handledAt) {
        super("changed meanwhile by " + handledBy, null, false, false);
        this.handledBy = handledBy;
        this.handledAt = handledAt;
    }

    public String handledBy() {
        return handledBy;
    }

    public Instant handledAt() {
        return handledAt;
    }
}

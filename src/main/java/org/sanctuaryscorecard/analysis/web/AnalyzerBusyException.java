package org.sanctuaryscorecard.analysis.web;

import java.time.Duration;

/** Every analysis place is taken; the client should try again after {@link #retryAfter()}. */
final class AnalyzerBusyException extends RuntimeException {

    private final transient Duration retryAfter;

    AnalyzerBusyException(Duration retryAfter) {
        super("the analyzer is busy", null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** The Retry-After header's value: whole seconds, at least 1. */
    String retryAfterSeconds() {
        return String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}

package org.sanctuaryscorecard.correction;

import java.time.Duration;

/**
 * A request over one of the rate limits: nothing was stored; the client may try again after {@link #retryAfter()}.
 * The message key says which limit (correction.limit.clientHour, clientDay or assessmentDay); its arguments are
 * the limit and the wait in minutes.
 */
public final class CorrectionLimitException extends RuntimeException {

    private final String messageKey;
    private final int limit;
    private final transient Duration retryAfter;

    public CorrectionLimitException(String messageKey, int limit, Duration retryAfter) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public String messageKey() {
        return messageKey;
    }

    public int limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, at least 1 (for the Retry-After header). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The wait in whole minutes, at least 1 (for people). */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }
}

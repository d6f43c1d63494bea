package org.sanctuaryscorecard.analysis.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most so many analyses at once. Reading and labeling a document is CPU-heavy; a request beyond the limit is
 * refused at once ({@link AnalyzerBusyException}, answered 503 with Retry-After) rather than queued, so that a burst
 * cannot pile up threads and memory.
 */
final class AnalysisGate {

    private final Semaphore permits;
    private final int limit;
    private final Duration retryAfter;

    AnalysisGate(int limit, Duration retryAfter) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one analysis must be allowed at once, not " + limit);
        }
        this.permits = new Semaphore(limit);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** Runs the work if a place is free, else throws {@link AnalyzerBusyException}. */
    <T> T run(Supplier<T> work) {
        if (!permits.tryAcquire()) {
            throw new AnalyzerBusyException(retryAfter);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** How many analyses may run at once. */
    int limit() {
        return limit;
    }

    /** For tests: takes every free place (returns how many), so that the next request finds the analyzer busy. */
    int occupyAll() {
        return permits.drainPermits();
    }

    /** For tests: gives back places taken by {@link #occupyAll()}. */
    void free(int taken) {
        permits.release(taken);
    }
}

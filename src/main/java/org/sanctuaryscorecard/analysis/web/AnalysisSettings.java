package org.sanctuaryscorecard.analysis.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The analyzer's load and memory limits on the web ({@code scorecard.analysis.*} in application.properties).
 *
 * @param concurrent      analyses allowed at once; 0 means one per processor
 * @param retryAfter      what a busy answer tells the client to wait
 * @param keep            how long a result stays in memory for the results page and the apply step
 * @param cacheEntries    the most results kept at once
 * @param cacheCharacters the most document text kept at once, all results together
 * @param maxJsonRequest  the largest JSON body {@code POST /api/analyze} reads
 */
@ConfigurationProperties("scorecard.analysis")
record AnalysisSettings(int concurrent, Duration retryAfter, Duration keep, int cacheEntries, long cacheCharacters,
                        DataSize maxJsonRequest) {

    AnalysisSettings {
        if (concurrent < 0 || cacheEntries < 1 || cacheCharacters < 1) {
            throw new IllegalArgumentException("scorecard.analysis: concurrent must be 0 or more, cache-entries and "
                    + "cache-characters 1 or more");
        }
        retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
        keep = keep == null ? Duration.ofMinutes(60) : keep;
        maxJsonRequest = maxJsonRequest == null ? DataSize.ofMegabytes(16) : maxJsonRequest;
    }

    /** The number of analyses allowed at once. */
    int permits() {
        return concurrent == 0 ? Runtime.getRuntime().availableProcessors() : concurrent;
    }
}

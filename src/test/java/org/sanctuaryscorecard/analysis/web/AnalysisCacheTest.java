package org.sanctuaryscorecard.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.DocumentText;

/** Results are kept for a while, within bounds, under ids nobody can guess. */
class AnalysisCacheTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static DocumentText text(int length) {
        return new DocumentText("d", "text", "x".repeat(length), List.of(), List.of());
    }

    private static Analysis analysis() {
        return new Analysis("d", "text", 1, true, "", java.util.Map.of(), List.of(), List.of(), List.of());
    }

    @Test
    void anEntryExpiresAfterTheTimeToKeepIt() {
        MovableClock clock = new MovableClock();
        AnalysisCache cache = new AnalysisCache(Duration.ofMinutes(60), 10, 1_000, clock);
        String id = cache.put(text(5), analysis()).id();

        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(cache.find(id)).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(cache.find(id)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theOldestGoFirstBeyondTheNumberOfEntriesOrTheAmountOfText() {
        MovableClock clock = new MovableClock();
        AnalysisCache cache = new AnalysisCache(Duration.ofMinutes(60), 3, 100, clock);
        String first = cache.put(text(10), analysis()).id();
        String second = cache.put(text(10), analysis()).id();
        String third = cache.put(text(10), analysis()).id();
        String fourth = cache.put(text(10), analysis()).id();
        assertThat(cache.find(first)).isEmpty();
        assertThat(cache.find(second)).isPresent();

        String big = cache.put(text(91), analysis()).id();
        assertThat(cache.find(second)).isEmpty();
        assertThat(cache.find(third)).isEmpty();
        assertThat(cache.find(fourth)).isEmpty();
        assertThat(cache.find(big)).isPresent();

        // one document larger than the whole bound is still kept, alone
        String huge = cache.put(text(500), analysis()).id();
        assertThat(cache.find(huge)).isPresent();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void idsAreRandomUrlSafeAndUnknownOnesFindNothing() {
        AnalysisCache cache = new AnalysisCache(Duration.ofMinutes(60), 1_000, 1_000_000, new MovableClock());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ids.add(cache.put(text(1), analysis()).id());
        }
        assertThat(ids).hasSize(500).allMatch(id -> id.matches("[A-Za-z0-9_-]{22}"));
        assertThat(cache.find("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(cache.find(null)).isEmpty();
    }
}

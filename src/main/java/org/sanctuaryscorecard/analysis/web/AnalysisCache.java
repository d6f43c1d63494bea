package org.sanctuaryscorecard.analysis.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.DocumentText;

/**
 * Recent analyses in memory, between the results page and the apply step, so that what is saved into an assessment
 * comes from the analysis itself and not from quotes posted back by a browser. Documents can be sensitive: entries
 * are never written to disk, expire after {@code keep}, and the oldest go first when there are more than
 * {@code maxEntries} or more than {@code maxCharacters} of text in all. Ids are 128 random bits.
 */
final class AnalysisCache {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration keep;
    private final int maxEntries;
    private final long maxCharacters;
    private final Clock clock;
    private final LinkedHashMap<String, AnalyzedDocument> entries = new LinkedHashMap<>();
    private long characters;

    AnalysisCache(Duration keep, int maxEntries, long maxCharacters, Clock clock) {
        this.keep = keep;
        this.maxEntries = maxEntries;
        this.maxCharacters = maxCharacters;
        this.clock = clock;
    }

    /** Keeps an analysis and returns its entry, with a new id. */
    synchronized AnalyzedDocument put(DocumentText text, Analysis analysis) {
        AnalyzedDocument entry = new AnalyzedDocument(newId(), text, analysis, clock.instant());
        dropExpired();
        entries.put(entry.id(), entry);
        characters += entry.characters();
        Iterator<AnalyzedDocument> oldest = entries.values().iterator();
        while ((entries.size() > maxEntries || characters > maxCharacters) && entries.size() > 1) {
            characters -= oldest.next().characters();
            oldest.remove();
        }
        return entry;
    }

    /** The analysis with this id, unless it has expired or was never made. */
    synchronized Optional<AnalyzedDocument> find(String id) {
        dropExpired();
        return Optional.ofNullable(id == null ? null : entries.get(id));
    }

    /** How long an entry is kept. */
    Duration keep() {
        return keep;
    }

    synchronized int size() {
        return entries.size();
    }

    private void dropExpired() {
        Instant limit = clock.instant().minus(keep);
        Iterator<Map.Entry<String, AnalyzedDocument>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            AnalyzedDocument entry = it.next().getValue();
            if (entry.analyzed().isAfter(limit)) {
                break;
            }
            characters -= entry.characters();
            it.remove();
        }
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

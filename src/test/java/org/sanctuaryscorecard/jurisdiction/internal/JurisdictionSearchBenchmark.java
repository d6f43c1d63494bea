package org.sanctuaryscorecard.jurisdiction.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;

/**
 * Time of one typeahead search over all 35,641 jurisdictions, per query, against a baseline that applies the same
 * matching rules to every name without an index. Run with {@code bench/jurisdiction-search.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JurisdictionSearchBenchmark {

    /** Whole names, prefixes as typed, a state qualifier, typos, and one-letter worst cases. */
    @Param({"santa clara", "santa cl", "st louis", "springfield il", "city of san jose", "sanat clra", "philadelphai", "s"})
    public String query;

    private JurisdictionCatalog catalog;
    private List<Jurisdiction> all;
    private List<String[]> tokens;

    @Setup
    public void setUp() {
        catalog = JurisdictionCatalog.fromCensusFiles();
        all = new ArrayList<>(catalog.all());
        tokens = new ArrayList<>(all.size());
        for (Jurisdiction j : all) {
            List<String> words = new ArrayList<>(PlaceNames.tokens(j.name()));
            words.addAll(PlaceNames.tokens(catalog.stateOf(j).name()));
            words.add(j.stateCode().toLowerCase(java.util.Locale.ROOT));
            tokens.add(words.toArray(String[]::new));
        }
    }

    @Benchmark
    public List<Jurisdiction> indexedSearch() {
        return catalog.search(query, 10);
    }

    /** The baseline: every name is compared with every query word, then the ten most populous matches are kept. */
    @Benchmark
    public List<Jurisdiction> linearScanBaseline() {
        List<String> words = PlaceNames.queryTokens(query);
        PriorityQueue<Jurisdiction> best = new PriorityQueue<>(
                Comparator.comparingLong((Jurisdiction j) -> j.population() == null ? 0 : j.population()));
        for (int i = 0; i < all.size(); i++) {
            boolean matches = true;
            for (String word : words) {
                int quality = 0;
                for (String token : tokens.get(i)) {
                    quality = Math.max(quality, NameIndex.quality(word, token));
                }
                if (quality == 0) {
                    matches = false;
                    break;
                }
            }
            if (matches) {
                best.add(all.get(i));
                if (best.size() > 10) {
                    best.poll();
                }
            }
        }
        return new ArrayList<>(best);
    }
}

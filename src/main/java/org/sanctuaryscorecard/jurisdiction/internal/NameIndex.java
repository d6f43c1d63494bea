package org.sanctuaryscorecard.jurisdiction.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Function;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;

/**
 * An in-memory index of jurisdiction names for typeahead search: every query word must match a word of the name
 * or of its state, exactly, as a prefix, or (for words of four letters or more) within one or two typos after the
 * first letter. Results
 * are ranked by how well the name matches, then by population.
 */
public final class NameIndex {

    /** How well one query word matched one name word. */
    private static final int NONE = 0;
    private static final int FUZZY = 1;
    private static final int PREFIX = 2;
    private static final int EXACT = 3;

    private final Jurisdiction[] entries;
    private final String[][] nameTokens;
    private final String[][] contextTokens;
    private final String[] shortKeys;
    private final String[] fullKeys;
    private final long[] populations;
    private final String[] vocabulary;
    private final int[][] postings;

    /**
     * Builds the index.
     *
     * @param jurisdictions every jurisdiction to find
     * @param stateOf       the state a jurisdiction lies in, whose name and code also match it
     */
    public NameIndex(List<Jurisdiction> jurisdictions, Function<Jurisdiction, Jurisdiction> stateOf) {
        int n = jurisdictions.size();
        entries = jurisdictions.toArray(Jurisdiction[]::new);
        nameTokens = new String[n][];
        contextTokens = new String[n][];
        shortKeys = new String[n];
        fullKeys = new String[n];
        populations = new long[n];
        Map<String, List<Integer>> byToken = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Jurisdiction j = entries[i];
            List<String> name = PlaceNames.tokens(j.name());
            nameTokens[i] = name.toArray(String[]::new);
            fullKeys[i] = PlaceNames.key(name);
            shortKeys[i] = PlaceNames.key(PlaceNames.tokens(j.shortName()));
            populations[i] = j.population() == null ? 0 : j.population();
            Jurisdiction state = stateOf.apply(j);
            List<String> context = new ArrayList<>();
            if (state != null && state != j) {
                context.addAll(PlaceNames.tokens(state.name()));
            }
            context.add(j.stateCode().toLowerCase(java.util.Locale.ROOT));
            contextTokens[i] = context.toArray(String[]::new);
            final int entry = i;
            for (String token : name) {
                byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(entry);
            }
            for (String token : context) {
                byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(entry);
            }
        }
        vocabulary = new TreeSet<>(byToken.keySet()).toArray(String[]::new);
        postings = new int[vocabulary.length][];
        for (int t = 0; t < vocabulary.length; t++) {
            postings[t] = byToken.get(vocabulary[t]).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
    }

    /** Number of names indexed. */
    public int size() {
        return entries.length;
    }

    /** The best matches for what a person typed, best first; empty when nothing matches. */
    public List<Jurisdiction> search(String query, int limit) {
        List<String> words = PlaceNames.queryTokens(query);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        BitSet candidates = candidates(words, false);
        if (candidates.cardinality() < limit) {
            candidates.or(candidates(words, true));
        }
        String queryKey = PlaceNames.key(words);
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, RANKING.reversed());
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Scored scored = score(i, words, queryKey);
            if (scored == null) {
                continue;
            }
            best.add(scored);
            if (best.size() > limit) {
                best.poll();
            }
        }
        Scored[] ranked = best.toArray(Scored[]::new);
        Arrays.sort(ranked, RANKING);
        return Arrays.stream(ranked).map(s -> entries[s.entry]).toList();
    }

    private static final Comparator<Scored> RANKING = Comparator
            .comparingInt((Scored s) -> -s.tier)
            .thenComparingInt(s -> s.startsWithQuery ? 0 : 1)
            .thenComparingLong(s -> -s.population)
            .thenComparingInt(s -> s.entry);

    private record Scored(int entry, int tier, boolean startsWithQuery, long population) {
    }

    /** Entries in which every query word matches some word (exactly or as a prefix; with typos when fuzzy). */
    private BitSet candidates(List<String> words, boolean fuzzy) {
        BitSet result = null;
        for (String word : words) {
            BitSet matches = new BitSet(entries.length);
            boolean any = addPrefixMatches(word, matches);
            if (fuzzy || !any) {
                addFuzzyMatches(word, matches);
            }
            if (result == null) {
                result = matches;
            } else {
                result.and(matches);
            }
            if (result.isEmpty()) {
                break;
            }
        }
        return result;
    }

    private boolean addPrefixMatches(String word, BitSet matches) {
        int from = Arrays.binarySearch(vocabulary, word);
        if (from < 0) {
            from = -from - 1;
        }
        boolean any = false;
        for (int t = from; t < vocabulary.length && vocabulary[t].startsWith(word); t++) {
            for (int entry : postings[t]) {
                matches.set(entry);
            }
            any = true;
        }
        return any;
    }

    private void addFuzzyMatches(String word, BitSet matches) {
        int allowed = allowedTypos(word);
        if (allowed == 0) {
            return;
        }
        // Typos are forgiven after the first letter (as Lucene's fuzzy query does with a prefix length of 1), so
        // only the slice of the sorted vocabulary that starts with that letter is compared.
        String first = word.substring(0, 1);
        int from = Arrays.binarySearch(vocabulary, first);
        if (from < 0) {
            from = -from - 1;
        }
        for (int t = from; t < vocabulary.length && vocabulary[t].startsWith(first); t++) {
            if (quality(word, vocabulary[t]) == FUZZY) {
                for (int entry : postings[t]) {
                    matches.set(entry);
                }
            }
        }
    }

    private Scored score(int entry, List<String> words, String queryKey) {
        int weakest = EXACT;
        boolean startsWithQuery = false;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int inName = bestQuality(word, nameTokens[entry]);
            int inState = bestQuality(word, contextTokens[entry]);
            int quality = Math.max(inName, inState);
            if (quality == NONE) {
                return null;
            }
            weakest = Math.min(weakest, quality);
            if (w == 0 && inName >= PREFIX && quality(word, nameTokens[entry][0]) >= PREFIX) {
                startsWithQuery = true;
            }
        }
        boolean wholeName = queryKey.equals(shortKeys[entry]) || queryKey.equals(fullKeys[entry]);
        int tier = wholeName ? EXACT + 1 : weakest;
        return new Scored(entry, tier, startsWithQuery, populations[entry]);
    }

    private static int bestQuality(String word, String[] tokens) {
        int best = NONE;
        for (String token : tokens) {
            best = Math.max(best, quality(word, token));
            if (best == EXACT) {
                break;
            }
        }
        return best;
    }

    /** How a query word matches one token: exactly, as its prefix, within the allowed typos, or not at all. */
    static int quality(String word, String token) {
        if (token.equals(word)) {
            return EXACT;
        }
        if (token.startsWith(word)) {
            return PREFIX;
        }
        int allowed = allowedTypos(word);
        if (allowed == 0 || token.isEmpty() || token.charAt(0) != word.charAt(0)
                || Math.abs(token.length() - word.length()) > allowed && token.length() < word.length()) {
            return NONE;
        }
        if (editDistance(word, token, allowed) <= allowed) {
            return FUZZY;
        }
        // a mistyped beginning of a longer word ("clra" for "clara"): compare with the token's start
        if (token.length() > word.length()
                && editDistance(word, token.substring(0, Math.min(token.length(), word.length() + 1)), allowed) <= allowed) {
            return FUZZY;
        }
        return NONE;
    }

    static int allowedTypos(String word) {
        if (word.length() < 4) {
            return 0;
        }
        return word.length() < 8 ? 1 : 2;
    }

    /** Levenshtein distance with adjacent transpositions, abandoned once it must exceed {@code max}. */
    static int editDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}

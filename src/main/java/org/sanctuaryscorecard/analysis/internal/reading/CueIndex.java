package org.sanctuaryscorecard.analysis.internal.reading;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, in one pass over a clause, which of the vocabulary's cues it contains (an Aho-Corasick automaton over
 * the cue strings of every expression, see {@link Cues}). The analyzer then runs only the expressions whose cues
 * are present: most clauses mention two or three provisions at most, and the expressions of the rest are skipped
 * without being tried.
 */
public final class CueIndex {

    private static final int ALPHABET = 128;

    private final int[] next;
    private final int[][] out;
    private final boolean[] emits;
    private final int count;

    private CueIndex(int[][] next, int[][] out, int count) {
        this.next = new int[next.length * ALPHABET];
        for (int s = 0; s < next.length; s++) {
            System.arraycopy(next[s], 0, this.next, s * ALPHABET, ALPHABET);
        }
        this.out = out;
        this.emits = new boolean[out.length];
        for (int s = 0; s < out.length; s++) {
            emits[s] = out[s].length > 0;
        }
        this.count = count;
    }

    /** Collects cue strings and gives each an id. */
    public static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> cues = new ArrayList<>();

        /** The id of a cue, given on first sight. */
        public int id(String cue) {
            return ids.computeIfAbsent(cue, c -> {
                cues.add(c);
                return cues.size() - 1;
            });
        }

        public CueIndex build() {
            List<int[]> trie = new ArrayList<>();
            List<List<Integer>> ends = new ArrayList<>();
            trie.add(new int[ALPHABET]);
            ends.add(new ArrayList<>());
            for (int id = 0; id < cues.size(); id++) {
                int state = 0;
                String cue = cues.get(id);
                boolean ascii = cue.chars().allMatch(c -> c < ALPHABET);
                if (!ascii) {
                    continue; // never found by the automaton: Cues with such a cue are always tried (see Cues.of)
                }
                for (int i = 0; i < cue.length(); i++) {
                    char c = cue.charAt(i);
                    if (trie.get(state)[c] == 0) {
                        trie.add(new int[ALPHABET]);
                        ends.add(new ArrayList<>());
                        trie.get(state)[c] = trie.size() - 1;
                    }
                    state = trie.get(state)[c];
                }
                ends.get(state).add(id);
            }
            int states = trie.size();
            int[][] next = trie.toArray(new int[0][]);
            int[] fail = new int[states];
            int[][] out = new int[states][];
            List<List<Integer>> outputs = new ArrayList<>(ends);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int c = 0; c < ALPHABET; c++) {
                if (next[0][c] != 0) {
                    fail[next[0][c]] = 0;
                    queue.add(next[0][c]);
                }
            }
            while (!queue.isEmpty()) {
                int state = queue.poll();
                List<Integer> merged = new ArrayList<>(outputs.get(state));
                merged.addAll(outputs.get(fail[state]));
                outputs.set(state, merged);
                for (int c = 0; c < ALPHABET; c++) {
                    int child = next[state][c];
                    if (child != 0) {
                        fail[child] = next[fail[state]][c];
                        queue.add(child);
                    } else {
                        next[state][c] = next[fail[state]][c];
                    }
                }
            }
            for (int s = 0; s < states; s++) {
                out[s] = outputs.get(s).stream().distinct().mapToInt(Integer::intValue).toArray();
            }
            return new CueIndex(next, out, cues.size());
        }
    }

    /** The ids of the cues the text contains. */
    public BitSet scan(String text) {
        BitSet present = new BitSet(count);
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ALPHABET) {
                state = 0;
                continue;
            }
            state = next[state * ALPHABET + c];
            if (emits[state]) {
                for (int id : out[state]) {
                    present.set(id);
                }
            }
        }
        return present;
    }
}

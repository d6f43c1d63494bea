package org.sanctuaryscorecard.analysis.internal.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a block of legal text into sentences without breaking at the abbreviations and citations legal drafting is
 * full of ("8 U.S.C. Sec. 1373", "Pub. L. 104-208", "et seq.", "v.", initials).
 */
public final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("u.s", "u.s.c", "sec", "secs", "no", "nos", "stat", "e.g", "i.e",
            "v", "vs", "inc", "mr", "ms", "mrs", "dr", "st", "seq", "al", "art", "arts", "ch", "chap", "para", "paras", "subd",
            "subsec", "p", "pp", "cf", "gov", "govt", "rev", "ann", "id", "ord", "res", "h.r", "s.b", "a.b", "h.b", "corp", "dept",
            "co", "pub", "l", "c.f.r", "fed", "reg", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov",
            "dec", "approx", "etc", "cal", "ill", "mass", "minn", "fla", "ga", "tex", "ariz", "colo", "or", "n.y", "d.c", "n.j",
            "admin", "exec", "ltd", "jr", "sr", "atty", "ct", "app", "supp", "cir", "f", "u.s.a", "ops", "op", "ex", "amend");

    private Sentences() {
    }

    /** Sentence spans {@code [start, end)} of {@code text[from, to)}, white space trimmed. */
    public static List<int[]> split(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        int start = skipSpace(text, from, to);
        int i = start;
        while (i < to) {
            if (i - start >= MAX_SENTENCE) {
                // a run-on "sentence" (a table, a list without punctuation, hostile text): cut at a clause or word
                // boundary, so that the reading of any one sentence stays bounded
                int cut = lastBoundary(text, start + MAX_SENTENCE / 2, i);
                spans.add(new int[] {start, cut});
                start = skipSpace(text, cut, to);
                i = start;
                continue;
            }
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && endsSentence(text, i, to, start)) {
                int end = i + 1;
                while (end < to && (text.charAt(end) == '"' || text.charAt(end) == '”' || text.charAt(end) == ')'
                        || text.charAt(end) == '\'' || text.charAt(end) == '’')) {
                    end++;
                }
                spans.add(new int[] {start, end});
                start = skipSpace(text, end, to);
                i = start;
                continue;
            }
            i++;
        }
        int end = to;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new int[] {start, end});
        }
        return spans;
    }

    /** The longest stretch read as one sentence. */
    public static final int MAX_SENTENCE = 3000;

    private static int lastBoundary(String text, int from, int to) {
        for (String marks : new String[] {";", ",", " \n\t"}) {
            for (int j = to - 1; j > from; j--) {
                if (marks.indexOf(text.charAt(j)) >= 0) {
                    return j + 1;
                }
            }
        }
        return to;
    }

    private static int skipSpace(String text, int i, int to) {
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsSentence(String text, int dot, int to, int sentenceStart) {
        int next = dot + 1;
        while (next < to && "\"”)'’".indexOf(text.charAt(next)) >= 0) {
            next++;
        }
        if (next < to && !Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        int after = skipSpace(text, next, to);
        if (after >= to) {
            return false;
        }
        char first = text.charAt(after);
        if (!(Character.isUpperCase(first) || first == '(' || first == '"' || first == '“' || first == '§' || first == '[')) {
            return false;
        }
        if (text.charAt(dot) != '.') {
            return true;
        }
        int w = dot;
        while (w > sentenceStart && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '(') {
            w--;
        }
        while (w < dot && "\"“'([".indexOf(text.charAt(w)) >= 0) {
            w++;
        }
        if (dot - w > 8) {
            // no abbreviation is this long: an ordinary word ends the sentence
            return dot - sentenceStart > 3;
        }
        String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return true;
        }
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return false;
        }
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        // a section number right after "section" or "§": "section 7283. The"
        return dot - sentenceStart > 3;
    }
}

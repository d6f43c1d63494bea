package org.sanctuaryscorecard.analysis.internal.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression with the literal strings any match of it must contain ("cues"), worked out from the
 * expression itself: {@code '(share|sharing|disclos\w+),? .{0,80}(information|records|data)'} cannot match a text
 * that contains none of "information", "records", "data". Testing the cues with {@link String#contains} first
 * skips most expressions for most clauses, which is where the analyzer's speed comes from. An expression whose
 * cues cannot be worked out (too short, or everything optional) is always tried.
 *
 * <p>The analysis understands the parts of the regular-expression language the vocabulary uses: literals, escapes,
 * classes, groups with alternatives, look-arounds and quantifiers. It errs on the safe side: a part it does not
 * understand gives no cue, never a wrong one.
 */
public record Cues(Pattern pattern, String[] cues, int[] ids, Pattern fast, String[] starts, boolean boundary) {

    private static final Pattern LITERAL_AFTER_BOUNDARY = Pattern.compile("^\\\\b[a-z0-9][a-z0-9 ]{2}");

    private static final int SHORTEST_USEFUL = 3;

    /** A compiled expression and its cues, numbered in the index being built. */
    public static Cues of(Pattern pattern, CueIndex.Builder index) {
        List<String> found = required(pattern.pattern());
        if (found != null && found.stream().anyMatch(c -> c.chars().anyMatch(ch -> ch >= 128))) {
            found = null; // the index reads ASCII only: such an expression is always tried
        }
        int[] ids = found == null ? null : found.stream().mapToInt(index::id).toArray();
        // "\\bdetainers?\\b" is searched as "detainers?\\b" (Boyer-Moore on the literal start), the boundary checked by hand
        String regex = pattern.pattern();
        boolean alternatives = hasTopLevelAlternatives(regex);
        Pattern fast = !alternatives && LITERAL_AFTER_BOUNDARY.matcher(regex).find() ? Pattern.compile(regex.substring(2)) : null;
        boolean boundary = regex.startsWith("\\b");
        List<String> starts = alternatives ? null : startLiterals(boundary ? regex.substring(2) : regex);
        return new Cues(pattern, found == null ? null : found.toArray(String[]::new), ids, fast,
                starts == null ? null : starts.toArray(String[]::new), boundary);
    }

    /** The matches in {@code t[from, to)}, as {@code Matcher.find} would give them: {start, end} pairs. */
    public List<int[]> spans(String t, int from, int to) {
        List<int[]> spans = new ArrayList<>(2);
        if (starts != null) {
            // every match starts with one of a few literals: try the expression only where one of them is
            int[] candidates = candidates(t, from, to);
            if (candidates.length == 0) {
                return spans;
            }
            Matcher m = pattern.matcher(t);
            m.useTransparentBounds(true);
            int at = from;
            for (int c : candidates) {
                if (c < at) {
                    continue;
                }
                m.region(c, to);
                if (m.lookingAt()) {
                    spans.add(new int[] {c, m.end()});
                    at = m.end() == c ? c + 1 : m.end();
                }
            }
            return spans;
        }
        Matcher m = (fast != null ? fast : pattern).matcher(t).region(from, to);
        int at = from;
        while (at <= to && m.find()) {
            int start = m.start();
            if (fast != null && start > 0 && isWord(t.charAt(start - 1))) {
                at = start + 1;
                m.region(at, to);
                continue;
            }
            spans.add(new int[] {start, m.end()});
            at = m.end() == start ? start + 1 : m.end();
            if (at > to) {
                break;
            }
            m.region(at, to);
        }
        return spans;
    }

    /** Where, in {@code t[from, to)}, one of the start literals begins (and a word begins, if the expression says so). */
    private int[] candidates(String t, int from, int to) {
        int[] found = new int[4];
        int n = 0;
        for (String start : starts) {
            int i = t.indexOf(start, from);
            while (i >= 0 && i + start.length() <= to) {
                if (!boundary || i == 0 || !isWord(t.charAt(i - 1))) {
                    if (n == found.length) {
                        found = java.util.Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i;
                }
                i = t.indexOf(start, i + 1);
            }
        }
        int[] sorted = java.util.Arrays.copyOf(found, n);
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    /** All matches in {@code t}. */
    public List<int[]> spans(String t) {
        return spans(t, 0, t.length());
    }

    /** The first match in {@code t[from, to)}, or null. */
    public int[] first(String t, int from, int to) {
        if (starts != null) {
            Matcher m = null;
            for (int c : candidates(t, from, to)) {
                if (m == null) {
                    m = pattern.matcher(t);
                    m.useTransparentBounds(true);
                }
                m.region(c, to);
                if (m.lookingAt()) {
                    return new int[] {c, m.end()};
                }
            }
            return null;
        }
        Matcher m = (fast != null ? fast : pattern).matcher(t).region(from, to);
        while (m.find()) {
            int start = m.start();
            if (fast != null && start > 0 && isWord(t.charAt(start - 1))) {
                if (start + 1 > to) {
                    return null;
                }
                m.region(start + 1, to);
                continue;
            }
            return new int[] {start, m.end()};
        }
        return null;
    }

    /** Whether the expression matches somewhere in {@code t}, a text whose cues are {@code present}. */
    public boolean find(String t, java.util.BitSet present) {
        return mayMatch(present) && first(t, 0, t.length()) != null;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Whether a text whose cues are {@code present} (from {@link CueIndex#scan}) could hold a match. */
    public boolean mayMatch(java.util.BitSet present) {
        if (ids == null) {
            return true;
        }
        for (int id : ids) {
            if (present.get(id)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text could hold a match: it contains a cue, or there are no cues to test. */
    public boolean mayMatch(String text) {
        if (cues == null) {
            return true;
        }
        for (String cue : cues) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /** A matcher over the text, or null when the cues rule a match out. */
    public Matcher matcherOrNull(String text) {
        return mayMatch(text) ? pattern.matcher(text) : null;
    }

    /** Whether the expression matches somewhere in the text. */
    public boolean find(String text) {
        return mayMatch(text) && first(text, 0, text.length()) != null;
    }

    /** Whether the expression is "a|b" at its top level (outside any group). */
    static boolean hasTopLevelAlternatives(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The literals every match starts with: "(report\\w*|send\\w*)\\b..." starts with "report" or "send". Null when
     * the expression does not begin with a literal (or a group of literal alternatives) of at least two characters.
     */
    static List<String> startLiterals(String regex) {
        List<String> alternatives = new ArrayList<>();
        if (regex.startsWith("(") && !regex.startsWith("(?")) {
            int depth = 0;
            int close = -1;
            for (int i = 0; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    close = i;
                    break;
                }
            }
            if (close < 0 || close + 1 < regex.length() && "?*{".indexOf(regex.charAt(close + 1)) >= 0) {
                return null;
            }
            String inside = regex.substring(1, close);
            int level = 0;
            int begin = 0;
            for (int i = 0; i <= inside.length(); i++) {
                char c = i < inside.length() ? inside.charAt(i) : '|';
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    level++;
                } else if (c == ')') {
                    level--;
                } else if (c == '|' && level == 0) {
                    alternatives.add(inside.substring(begin, i));
                    begin = i + 1;
                }
            }
        } else {
            alternatives.add(regex);
        }
        List<String> literals = new ArrayList<>();
        for (String alternative : alternatives) {
            String literal = literalPrefix(alternative);
            if (literal == null || literal.length() < 2) {
                return null;
            }
            literals.add(literal);
        }
        return literals;
    }

    /** The literal characters an expression starts with, without one a quantifier makes optional. */
    private static String literalPrefix(String regex) {
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '\'' || c == ',' || c == '"') {
                if (i + 1 < regex.length() && "?*{".indexOf(regex.charAt(i + 1)) >= 0) {
                    break;
                }
                literal.append(c);
            } else {
                break;
            }
        }
        return literal.toString();
    }

    /** The cues of a regular expression: a set of literals one of which every match contains, or null. */
    static List<String> required(String regex) {
        try {
            Parser parser = new Parser(regex);
            Set<String> set = parser.alternatives();
            if (parser.at != regex.length() || set == null || set.isEmpty()) {
                return null;
            }
            for (String s : set) {
                if (s.length() < SHORTEST_USEFUL) {
                    return null;
                }
            }
            return List.copyOf(set);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final class Parser {
        private final String regex;
        private int at;

        Parser(String regex) {
            this.regex = regex;
        }

        /** Alternatives up to ')' or the end: the union of each alternative's best set, or null if one has none. */
        Set<String> alternatives() {
            Set<String> union = new LinkedHashSet<>();
            boolean all = true;
            while (true) {
                Set<String> one = sequence();
                if (one == null) {
                    all = false;
                } else {
                    union.addAll(one);
                }
                if (at < regex.length() && regex.charAt(at) == '|') {
                    at++;
                    continue;
                }
                return all ? union : null;
            }
        }

        /** A sequence: the best of its required literal runs and required groups. */
        private Set<String> sequence() {
            List<Set<String>> candidates = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            while (at < regex.length()) {
                char c = regex.charAt(at);
                if (c == '|' || c == ')') {
                    break;
                }
                if (c == '(') {
                    flush(run, candidates);
                    at++;
                    boolean lookaround = false;
                    if (at < regex.length() && regex.charAt(at) == '?') {
                        at++;
                        char kind = regex.charAt(at);
                        if (kind == ':') {
                            at++;
                        } else if (kind == '=' || kind == '!') {
                            at++;
                            lookaround = true;
                        } else if (kind == '<' && (regex.charAt(at + 1) == '=' || regex.charAt(at + 1) == '!')) {
                            at += 2;
                            lookaround = true;
                        } else {
                            throw new IllegalArgumentException("unsupported group");
                        }
                    }
                    Set<String> inner = alternatives();
                    if (at >= regex.length() || regex.charAt(at) != ')') {
                        throw new IllegalArgumentException("unbalanced");
                    }
                    at++;
                    boolean optional = quantifierMakesOptional();
                    if (!lookaround && !optional && inner != null) {
                        candidates.add(inner);
                    }
                    continue;
                }
                if (c == '[') {
                    flush(run, candidates);
                    skipClass();
                    quantifierMakesOptional();
                    continue;
                }
                if (c == '.') {
                    flush(run, candidates);
                    at++;
                    quantifierMakesOptional();
                    continue;
                }
                if (c == '^' || c == '$') {
                    at++;
                    continue;
                }
                if (c == '\\') {
                    char e = regex.charAt(at + 1);
                    at += 2;
                    if (e == 'b' || e == 'B') {
                        continue;
                    }
                    if (Character.isLetterOrDigit(e)) {
                        // \w, \s, \d, \p{..} and the like: not a literal
                        if (e == 'p' || e == 'P') {
                            skipBraces();
                        }
                        flush(run, candidates);
                        quantifierMakesOptional();
                        continue;
                    }
                    appendLiteral(run, candidates, e);
                    continue;
                }
                if ("*+?{".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("dangling quantifier");
                }
                at++;
                appendLiteral(run, candidates, c);
            }
            flush(run, candidates);
            Set<String> best = null;
            int bestLength = -1;
            for (Set<String> candidate : candidates) {
                int shortest = candidate.stream().mapToInt(String::length).min().orElse(0);
                if (shortest > bestLength || shortest == bestLength && candidate.size() < best.size()) {
                    best = candidate;
                    bestLength = shortest;
                }
            }
            return best;
        }

        /** A literal character: kept in the run unless a quantifier makes it optional or repeats it. */
        private void appendLiteral(StringBuilder run, List<Set<String>> candidates, char c) {
            if (at < regex.length() && "*+?{".indexOf(regex.charAt(at)) >= 0) {
                boolean optional = quantifierMakesOptional();
                if (!optional) {
                    run.append(c);
                }
                flush(run, candidates);
                return;
            }
            run.append(c);
        }

        private void flush(StringBuilder run, List<Set<String>> candidates) {
            if (run.length() > 0) {
                candidates.add(Set.of(run.toString()));
                run.setLength(0);
            }
        }

        /** Consumes a quantifier, if any; true when it allows zero repetitions. */
        private boolean quantifierMakesOptional() {
            if (at >= regex.length()) {
                return false;
            }
            char q = regex.charAt(at);
            boolean optional;
            if (q == '?' || q == '*') {
                at++;
                optional = true;
            } else if (q == '+') {
                at++;
                optional = false;
            } else if (q == '{') {
                int close = regex.indexOf('}', at);
                String inside = regex.substring(at + 1, close);
                at = close + 1;
                optional = inside.startsWith("0");
            } else {
                return false;
            }
            if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
                at++;
            }
            return optional;
        }

        private void skipClass() {
            at++;
            if (at < regex.length() && regex.charAt(at) == '^') {
                at++;
            }
            if (at < regex.length() && regex.charAt(at) == ']') {
                at++;
            }
            while (regex.charAt(at) != ']') {
                if (regex.charAt(at) == '\\') {
                    at++;
                } else if (regex.charAt(at) == '[') {
                    skipClass();
                    continue;
                }
                at++;
            }
            at++;
        }

        private void skipBraces() {
            if (at < regex.length() && regex.charAt(at) == '{') {
                at = regex.indexOf('}', at) + 1;
            }
        }
    }
}

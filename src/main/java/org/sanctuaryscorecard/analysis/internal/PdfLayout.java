package org.sanctuaryscorecard.analysis.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.analysis.DocumentText;

/**
 * Turns the lines of a PDF's pages (as PDFBox lays them out) into running text, with these repairs, each counted in
 * the result's {@code repairs}:
 * <ol>
 *   <li><b>Lines</b>: each line is stripped of surrounding white space; a run of blank lines (a paragraph break, as
 *       PDFBox marks one) becomes one blank line; blank lines at the top and bottom of a page are dropped.</li>
 *   <li><b>Running headers and footers</b>: look at the first {@value #EDGE_LINES} and the last {@value #EDGE_LINES}
 *       non-blank lines of each page. Lines are compared lower-cased with white space collapsed, either exactly or
 *       with one run of digits that follows the page number (its value minus the page's number is the same on each
 *       page: "Page 3 of 9" on page 3 and "Page 4 of 9" on page 4; a Bates number "CITY000123"). When the document has
 *       {@value #MIN_PAGES_FOR_RUNNING_LINES} or more pages, a line that is among the top lines of at least half of
 *       the pages (and at least two) is removed wherever it is among a page's top lines; the same for the bottom. On
 *       any page, a lone page number that is the first or last line of the page (after removed lines) is removed
 *       too: "3", "Page 3", "Page 3 of 9", "3 of 9", "3/9", "- 3 -", "[3]", "p. 3", or a lower-case Roman numeral
 *       up to 399 ("iv", but not "civil").</li>
 *   <li><b>Words hyphenated at line ends</b> (also across a page break): when a line ends with a lower-case letter
 *       and a hyphen ({@code -} or U+2010) and the next line starts with a lower-case letter, the two lines are
 *       joined. The hyphen is dropped ("enforce-" + "ment" = "enforcement") unless the part after it is a common
 *       second element of a compound ({@link #SECOND_ELEMENTS}: "based", "related", "level", "public", "wide",
 *       "time", ...) or the part before it is a prefix that is written with a hyphen ({@link #FIRST_ELEMENTS}:
 *       "non", "self", ...), in which case it is kept ("non-" + "public" = "non-public"); but a part after it that
 *       is a common suffix ({@link #SUFFIXES}: "ing", "ment", "tion", ...) always drops the hyphen. A soft hyphen
 *       (U+00AD) at a line end is always dropped and the lines joined. A line ending in a hyphen after anything
 *       other than a letter or a space ("COVID-19-", "287(g)-") followed by a lower-case letter is joined with its
 *       hyphen kept.</li>
 *   <li><b>Lines broken inside a sentence</b>: a line that does not end with sentence-final punctuation or a colon
 *       ({@code . ! ? :}, possibly followed by closing quotes or brackets), followed in the same paragraph (no blank
 *       line between) by a line that starts with a lower-case letter and is not a list item ("a.", "(a)", "a)",
 *       "(iv)", "iv."), is joined to it with a space. Lines that start with anything else ("(a)", "1.", "§",
 *       "Sec.", "Section", a bullet, a capital letter, a digit) always stay on their own line, and so do blank lines
 *       between paragraphs.</li>
 * </ol>
 * Page offsets: every character keeps the page it came from; the separator written between two lines (a line feed,
 * a blank line or a space) belongs to the earlier page.
 */
final class PdfLayout {

    static final int EDGE_LINES = 3;
    static final int MIN_PAGES_FOR_RUNNING_LINES = 3;

    /** After a line-end hyphen, these keep it: "non-" + "public", "community-" + "based". */
    static final Set<String> SECOND_ELEMENTS = Set.of("based", "related", "level", "public", "wide", "time", "term",
            "specific", "free", "like", "making", "owned", "funded", "sponsored", "party", "oriented", "focused",
            "led", "run", "up", "in", "out", "off", "on", "by", "year", "old", "day");
    /** Before a line-end hyphen, these keep it: "non-" + "citizen", "self-" + "governing". */
    static final Set<String> FIRST_ELEMENTS = Set.of("non", "self", "quasi", "well", "half", "cross", "anti");
    /** After a line-end hyphen, these are always the end of one word: "self-" + "ish" = "selfish". */
    static final Set<String> SUFFIXES = Set.of("ing", "ings", "ed", "er", "ers", "est", "ly", "ment", "ments", "tion",
            "tions", "sion", "sions", "ness", "ity", "ities", "able", "ible", "al", "ally", "ous", "ive", "ish", "ism",
            "ist", "ists", "ize", "ized", "izes", "ise", "ised", "ance", "ence", "ant", "ent", "ate", "ated", "ates",
            "ful", "less", "ship", "ward", "wards");

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i:(?:page|pg\\.?|p\\.)\\s*)?\\d{1,4}(?:\\s*(?i:of|/)\\s*\\d{1,4})?"
            + "|[-\u2013\u2014]\\s*\\d{1,4}\\s*[-\u2013\u2014]|\\[\\d{1,4}]"
            + "|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})");
    private static final Pattern LOWER_CASE_LIST_ITEM = Pattern.compile(
            "(?:\\((?:[a-z]{1,3}|[ivxlcdm]{1,6})\\)|(?:[a-z]|[ivxlcdm]{1,6})[.)])(?:\\s|$)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    record Result(String text, List<DocumentText.Page> pages, List<String> repairs) {
    }

    private PdfLayout() {
    }

    static Result repair(List<String> pageTexts) {
        List<List<String>> pages = new ArrayList<>(pageTexts.size());
        for (String raw : pageTexts) {
            pages.add(lines(raw));
        }
        List<String> repairs = new ArrayList<>();
        removeRunningLines(pages, repairs);
        return join(pages, repairs);
    }

    /** A page's lines, stripped, with each run of blank lines as one "" and none at either end. */
    static List<String> lines(String raw) {
        List<String> lines = new ArrayList<>();
        boolean blank = false;
        for (String line : raw.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                blank = !lines.isEmpty();
                continue;
            }
            if (blank) {
                lines.add("");
                blank = false;
            }
            lines.add(stripped);
        }
        return lines;
    }

    /**
     * The forms under which a line on a page counts as the same line on other pages: its text (lower-cased, white
     * space collapsed), and for each of its first four runs of digits, the text with that run replaced by its offset
     * from the page number ("page 3 of 9" on page 3 is also "page {p+0} of 9").
     */
    static Set<String> keys(String line, int page) {
        String text = SPACES.matcher(line.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        Set<String> keys = new HashSet<>();
        keys.add(text);
        Matcher digits = DIGITS.matcher(text);
        for (int run = 0; run < 4 && digits.find(); run++) {
            if (digits.end() - digits.start() <= 12) {
                long offset = Long.parseLong(digits.group()) - page;
                keys.add(text.substring(0, digits.start()) + "{p" + (offset < 0 ? "" : "+") + offset + "}"
                        + text.substring(digits.end()));
            }
        }
        return keys;
    }

    static boolean isPageNumber(String line) {
        return PAGE_NUMBER.matcher(line).matches();
    }

    private static void removeRunningLines(List<List<String>> pages, List<String> repairs) {
        int pageCount = pages.size();
        boolean running = pageCount >= MIN_PAGES_FOR_RUNNING_LINES;
        Map<String, Integer> topCounts = new HashMap<>();
        Map<String, Integer> bottomCounts = new HashMap<>();
        if (running) {
            for (int p = 0; p < pageCount; p++) {
                List<String> page = pages.get(p);
                List<Integer> text = nonBlank(page);
                Set<String> top = new HashSet<>();
                Set<String> bottom = new HashSet<>();
                for (int i = 0; i < Math.min(EDGE_LINES, text.size()); i++) {
                    top.addAll(keys(page.get(text.get(i)), p + 1));
                    bottom.addAll(keys(page.get(text.get(text.size() - 1 - i)), p + 1));
                }
                top.forEach(k -> topCounts.merge(k, 1, Integer::sum));
                bottom.forEach(k -> bottomCounts.merge(k, 1, Integer::sum));
            }
        }
        int threshold = Math.max(2, (pageCount + 1) / 2);
        int removed = 0;
        int pagesTouched = 0;
        Set<String> examples = new LinkedHashSet<>();
        Set<String> exampleKeys = new HashSet<>();
        for (int p = 0; p < pageCount; p++) {
            List<String> page = pages.get(p);
            List<Integer> text = nonBlank(page);
            boolean[] drop = new boolean[page.size()];
            boolean edge = true;
            for (int i = 0; i < Math.min(EDGE_LINES, text.size()); i++) {
                String line = page.get(text.get(i));
                boolean repeated = running && repeated(keys(line, p + 1), topCounts, threshold);
                if (repeated || edge && isPageNumber(line)) {
                    drop[text.get(i)] = true;
                } else {
                    edge = false;
                }
            }
            edge = true;
            for (int i = text.size() - 1; i >= Math.max(0, text.size() - EDGE_LINES); i--) {
                String line = page.get(text.get(i));
                boolean repeated = running && repeated(keys(line, p + 1), bottomCounts, threshold);
                if (drop[text.get(i)] || repeated || edge && isPageNumber(line)) {
                    drop[text.get(i)] = true;
                } else {
                    edge = false;
                }
            }
            List<String> kept = new ArrayList<>(page.size());
            int dropped = 0;
            for (int i = 0; i < page.size(); i++) {
                if (drop[i]) {
                    dropped++;
                    if (examples.size() < 3 && exampleKeys.add(DIGITS.matcher(page.get(i)).replaceAll("#"))) {
                        examples.add("\u201c" + page.get(i) + "\u201d");
                    }
                } else {
                    kept.add(page.get(i));
                }
            }
            if (dropped > 0) {
                removed += dropped;
                pagesTouched++;
                pages.set(p, lines(String.join("\n", kept)));
            }
        }
        if (removed > 0) {
            repairs.add("Removed " + removed + " running header, footer and page-number line" + plural(removed)
                    + " from " + pagesTouched + " page" + plural(pagesTouched) + ", for example "
                    + String.join(", ", examples) + ".");
        }
    }

    private static boolean repeated(Set<String> keys, Map<String, Integer> counts, int threshold) {
        for (String key : keys) {
            if (counts.getOrDefault(key, 0) >= threshold) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> nonBlank(List<String> page) {
        List<Integer> indexes = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            if (!page.get(i).isEmpty()) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static Result join(List<List<String>> pages, List<String> repairs) {
        int pageCount = pages.size();
        int size = 0;
        for (List<String> page : pages) {
            for (String line : page) {
                size += line.length() + 1;
            }
        }
        StringBuilder out = new StringBuilder(size);
        int[] starts = new int[pageCount + 2];
        int current = 0; // the last page whose start is recorded
        int joined = 0;
        int kept = 0;
        int unwrapped = 0;
        String joinedExample = null;
        String keptExample = null;
        boolean blankPending = false;
        for (int p = 1; p <= pageCount; p++) {
            for (String line : pages.get(p - 1)) {
                if (line.isEmpty()) {
                    blankPending = out.length() > 0;
                    continue;
                }
                int end = out.length();
                char last = end > 0 ? out.charAt(end - 1) : '\n';
                char beforeLast = end > 1 ? out.charAt(end - 2) : '\n';
                char first = line.charAt(0);
                boolean sameParagraph = end > 0 && !blankPending;
                boolean continues = sameParagraph && Character.isLowerCase(first) && !isLowerCaseListItem(line);
                if (sameParagraph && last == '\u00AD' && Character.isLetter(first)) {
                    out.setLength(end - 1);
                    joined++;
                } else if (continues && (last == '-' || last == '\u2010') && Character.isLowerCase(beforeLast)) {
                    String before = wordBefore(out, end - 1);
                    String after = wordAfter(line);
                    boolean keepHyphen = !SUFFIXES.contains(after)
                            && (SECOND_ELEMENTS.contains(after) || FIRST_ELEMENTS.contains(before));
                    if (keepHyphen) {
                        kept++;
                        if (keptExample == null) {
                            keptExample = before + "-" + after;
                        }
                    } else {
                        out.setLength(end - 1);
                        joined++;
                        if (joinedExample == null) {
                            joinedExample = before + "-" + after + "\u201d \u2192 \u201c" + before + after;
                        }
                    }
                } else if (continues && (last == '-' || last == '\u2010') && !Character.isWhitespace(beforeLast)
                        && !Character.isLetter(beforeLast)) {
                    kept++;
                } else if (continues && !endsSentence(out)) {
                    out.append(' ');
                    unwrapped++;
                } else if (end > 0) {
                    out.append(blankPending ? "\n\n" : "\n");
                }
                blankPending = false;
                while (current < p) {
                    starts[++current] = out.length();
                }
                out.append(line);
            }
        }
        while (current < pageCount) {
            starts[++current] = out.length();
        }
        starts[pageCount + 1] = out.length();
        List<DocumentText.Page> pageSpans = new ArrayList<>(pageCount);
        for (int p = 1; p <= pageCount; p++) {
            pageSpans.add(new DocumentText.Page(p, starts[p], starts[p + 1]));
        }
        if (joined > 0) {
            repairs.add("Joined " + joined + " word" + plural(joined) + " hyphenated at line ends"
                    + (joinedExample != null ? " (for example \u201c" + joinedExample + "\u201d)" : "") + ".");
        }
        if (kept > 0) {
            repairs.add("Joined " + kept + " compound" + plural(kept) + " split after a hyphen at line ends, keeping "
                    + "the hyphen" + (keptExample != null ? " (for example \u201c" + keptExample + "\u201d)" : "")
                    + ".");
        }
        if (unwrapped > 0) {
            repairs.add("Joined " + unwrapped + " line" + plural(unwrapped) + " broken inside sentences.");
        }
        return new Result(out.toString(), pageSpans, repairs);
    }

    static boolean isLowerCaseListItem(String line) {
        return LOWER_CASE_LIST_ITEM.matcher(line).lookingAt();
    }

    /** The text ends with . ! ? or :, possibly followed by closing quotes and brackets. */
    private static boolean endsSentence(CharSequence text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if ("\"'\u201d\u2019)]".indexOf(c) >= 0) {
                continue;
            }
            return c == '.' || c == '!' || c == '?' || c == ':';
        }
        return true;
    }

    /** The letters just before {@code end}, lower-cased. */
    private static String wordBefore(CharSequence text, int end) {
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
    }

    /** The letters at the start of the line, lower-cased. */
    private static String wordAfter(String line) {
        int end = 0;
        while (end < line.length() && Character.isLetter(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}

package org.sanctuaryscorecard.analysis.internal.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a legal text into blocks (a section heading, a paragraph, a list item such as "(a)", "(1)", "(A)", "(i)",
 * "1.", "a.") and works out, for each block, the section it belongs to and the lead-ins it hangs from: in
 * "no agency shall: (1) stop, arrest or detain a person (C) based upon an immigration detainer", item (C) reads
 * with both lead-ins above it. Offsets index into the original text; wrapped lines are one block.
 */
public final class Segmenter {

    /** What kind of enumerator starts a block. */
    public enum Kind { NONE, SECTION, PAREN_LOWER, PAREN_DIGIT, PAREN_UPPER, PAREN_ROMAN, DIGIT_DOT, LOWER_DOT, UPPER_DOT, BULLET, LOWER_ITEM }

    /**
     * A block of the text.
     *
     * @param start      original offset of its first character (after leading white space)
     * @param end        original offset after its last character
     * @param kind       its enumerator's kind
     * @param label      the enumerator as written ("(a)", "§ 7310.", "2-173-020"), or ""
     * @param heading    a heading or table-of-contents line: no rule in it
     * @param leadIn     it introduces the items that follow ("... shall:")
     * @param section    index of the section it belongs to (0 before the first section heading)
     * @param path       readable path of enumerators down to it ("§ 7310 (a)")
     * @param frames     the lead-ins it hangs from, outermost first
     */
    public record Block(int start, int end, Kind kind, String label, boolean heading, boolean leadIn, int section,
                        String path, List<Block> frames) {
    }

    private static final Pattern SECTION_WORD = Pattern.compile("(sec|sect|section|art|article|chapter)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile(
            "^(§+\\s*[0-9][0-9A-Za-z.\\-–]*|(sec|sect|section|art|article)\\.?\\s+[0-9IVX][0-9A-Za-z.\\-]*\\.?|"
                    + "[0-9]{1,3}(\\.[0-9]+|-[0-9]+)+[A-Za-z]?\\.?(?=\\s+([A-Z\"]|[0-9]{1,3}\\.\\s|\\([0-9a-z]{1,3}\\)))|chapter\\s+[0-9A-Z.]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PAREN = Pattern.compile("^\\(([0-9]{1,3}|[a-z]{1,3}|[A-Z]{1,3})\\)");
    private static final Pattern DIGIT_DOT = Pattern.compile("^[0-9]{1,3}[.)](?=\\s)");
    private static final Pattern LETTER_DOT = Pattern.compile("^([a-z]|[A-Z])\\.(?=\\s)");
    private static final Pattern BULLET = Pattern.compile("^[-•*▪◦·](?=\\s)");
    private static final Pattern ROMAN = Pattern.compile("^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)$");

    private Segmenter() {
    }

    /** The blocks of a text, in order. */
    public static List<Block> blocks(String text) {
        // a text set in capitals (new matter in a New York bill) has no headings to tell by their capitals
        boolean shouting = inCapitals(text.length() > 20000 ? text.substring(0, 20000) : text);
        List<int[]> spans = rawBlocks(text, shouting);
        int n = spans.size();
        Kind[] kinds = new Kind[n];
        String[] labels = new String[n];
        boolean[] headings = new boolean[n];
        for (int i = 0; i < n; i++) {
            String body = text.substring(spans.get(i)[0], spans.get(i)[1]);
            String[] kindAndLabel = enumerator(body);
            kinds[i] = Kind.valueOf(kindAndLabel[0]);
            labels[i] = kindAndLabel[1];
            headings[i] = isHeading(body, kinds[i], shouting);
        }
        // roman numerals that continue a letter list are letters: (h) then (i)
        for (int i = 0; i < n; i++) {
            if (kinds[i] == Kind.PAREN_ROMAN && labels[i].equals("(i)") || kinds[i] == Kind.PAREN_ROMAN && labels[i].equals("(v)")
                    || kinds[i] == Kind.PAREN_ROMAN && labels[i].equals("(x)")) {
                char predecessor = (char) (labels[i].charAt(1) - 1);
                for (int j = i - 1; j >= 0 && j >= i - 40; j--) {
                    if (kinds[j] == Kind.PAREN_LOWER) {
                        if (labels[j].equals("(" + predecessor + ")")) {
                            kinds[i] = Kind.PAREN_LOWER;
                        }
                        break;
                    }
                    if (kinds[j] == Kind.PAREN_ROMAN) {
                        break;
                    }
                }
            }
        }
        boolean[] leadIns = new boolean[n];
        for (int i = 0; i < n; i++) {
            String body = text.substring(spans.get(i)[0], spans.get(i)[1]).strip();
            boolean colon = body.endsWith(":") || body.endsWith("—") || body.endsWith(":\"") || body.endsWith(": ");
            boolean open = !body.isEmpty() && ".;!?)\"”".indexOf(body.charAt(body.length() - 1)) < 0;
            boolean nextIsItem = i + 1 < n && kinds[i + 1] != Kind.NONE && kinds[i + 1] != Kind.SECTION && kinds[i + 1] != kinds[i];
            boolean nextIsLowerItem = i + 1 < n && kinds[i + 1] == Kind.NONE && startsLower(text, spans.get(i + 1)[0]);
            leadIns[i] = !headings[i] && (colon || open && (nextIsItem || nextIsLowerItem));
        }

        List<Block> blocks = new ArrayList<>(n);
        List<Entry> stack = new ArrayList<>();
        int section = 0;
        String sectionLabel = "";
        for (int i = 0; i < n; i++) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            Kind kind = kinds[i];
            if (kind == Kind.NONE && startsLower(text, start) && !stack.isEmpty() && stack.get(stack.size() - 1).block.leadIn()) {
                kind = Kind.LOWER_ITEM;
            }
            boolean underLeadIn = false;
            for (Entry entry : stack) {
                underLeadIn |= entry.block.leadIn();
            }
            if (headings[i] && underLeadIn && kind != Kind.SECTION && !(inCapitals(text.substring(start, end)) && !shouting && end - start < 80)) {
                // "a. Inform persons of ...": an item of a list, however short
                headings[i] = false;
            }
            if (headings[i] && kind != Kind.NONE && kind != Kind.SECTION && kind != Kind.LOWER_ITEM) {
                // "(b) Cooperation": an enumerated heading opens a new part of the section
                stack.clear();
            }
            if (kind == Kind.SECTION) {
                stack.clear();
                section++;
                sectionLabel = labels[i];
            } else if (kind == Kind.NONE) {
                Entry top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                boolean firstItemOfLeadIn = top != null && top.block.leadIn() && top.childKind == null && !headings[i];
                if (!firstItemOfLeadIn) {
                    stack.clear();
                } else {
                    top.childKind = Kind.NONE;
                }
            } else {
                int sibling = -1;
                for (int s = stack.size() - 1; s >= 0; s--) {
                    if (stack.get(s).childKind == kind) {
                        sibling = s;
                        break;
                    }
                }
                if (sibling >= 0) {
                    while (stack.size() > sibling + 1) {
                        stack.remove(stack.size() - 1);
                    }
                } else if (!stack.isEmpty()) {
                    Entry top = stack.get(stack.size() - 1);
                    if (top.childKind == null) {
                        top.childKind = kind;
                    } else {
                        // a new kind of list under the latest item
                        stack.get(stack.size() - 1).childKind = top.childKind;
                    }
                }
            }
            List<Block> frames = new ArrayList<>();
            StringBuilder path = new StringBuilder(sectionLabel);
            for (Entry entry : stack) {
                if (entry.block.leadIn()) {
                    frames.add(entry.block);
                }
                if (entry.block.kind() != Kind.SECTION && !entry.block.label().isEmpty()) {
                    path.append(path.length() == 0 ? "" : " ").append(entry.block.label());
                }
            }
            if (kind != Kind.SECTION && !labels[i].isEmpty()) {
                path.append(path.length() == 0 ? "" : " ").append(labels[i]);
            }
            Block block = new Block(start, end, kind, labels[i], headings[i], leadIns[i], section, path.toString().strip(),
                    List.copyOf(frames));
            blocks.add(block);
            String[] inline = kind == Kind.SECTION ? enumerator(afterLabel(text.substring(start, end), labels[i])) : null;
            if (inline != null && !inline[0].equals("NONE") && !inline[0].equals("SECTION")) {
                // "67.307. 1. As used in ...": the section heading carries its first item; "2." is that item's sibling
                Entry wrapper = new Entry(new Block(start, start, Kind.SECTION, labels[i], true, false, section, sectionLabel, List.of()));
                wrapper.childKind = Kind.valueOf(inline[0]);
                stack.add(wrapper);
                if (block.leadIn()) {
                    stack.add(new Entry(block));
                }
            } else if (kind != Kind.NONE || block.leadIn() || stack.isEmpty()) {
                if (kind == Kind.NONE || kind == Kind.LOWER_ITEM) {
                    if (block.leadIn()) {
                        stack.add(new Entry(block));
                    }
                } else {
                    stack.add(new Entry(block));
                }
            }
        }
        return blocks;
    }

    private static final class Entry {
        final Block block;
        Kind childKind;

        Entry(Block block) {
            this.block = block;
        }
    }

    private static String afterLabel(String body, String label) {
        String s = withoutQuotePrefix(body);
        return s.length() >= label.length() ? s.substring(label.length()).strip() : "";
    }

    /** Spans of raw blocks: blank lines, enumerators and headings start a block; wrapped lines continue one. */
    static List<int[]> rawBlocks(String text, boolean shouting) {
        int wrapWidth = wrapWidth(text);
        boolean bridging = false;
        int previousRawLength = 0;
        List<int[]> blocks = new ArrayList<>();
        int blockStart = -1;
        int blockEnd = -1;
        String previousLine = null;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int a = lineStart;
            int b = lineEnd;
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (a == b) {
                bridging = bridging || blockStart >= 0 && previousLine != null && !endsSentence(previousLine) && pageBreakAhead(text, lineStart);
                if (blockStart >= 0 && !bridging) {
                    blocks.add(new int[] {blockStart, blockEnd});
                    blockStart = -1;
                    previousLine = null;
                }
            } else {
                bridging = false;
                String line = text.substring(a, b);
                boolean startsNew = blockStart < 0 || previousLine == null
                        || !enumerator(line)[0].equals("NONE")
                        || endsSentence(previousLine)
                        || !shouting && !wrapped(previousLine, previousRawLength, wrapWidth)
                        && (isHeading(previousLine, Kind.valueOf(enumerator(previousLine)[0]), false) && !previousLine.endsWith(",")
                        && !startsLower(line)
                        || isHeading(line, Kind.NONE, false) && line.length() < 60 && !startsLower(line));
                if (startsNew) {
                    if (blockStart >= 0) {
                        blocks.add(new int[] {blockStart, blockEnd});
                    }
                    blockStart = a;
                }
                blockEnd = b;
                previousLine = line;
                previousRawLength = b - lineStart;
            }
            if (lineEnd >= text.length()) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (blockStart >= 0) {
            blocks.add(new int[] {blockStart, blockEnd});
        }
        return blocks;
    }

    private static final Pattern PAGE_FURNITURE = Pattern.compile(
            "^(EXPLANATION--Matter in .*|\\[ \\] is old law to be omitted\\.|[A-Z]{3}\\d{5}-\\d{2}-\\d|[SA]\\. \\d+\\s+\\d+|(Page )?\\d{1,4}( of \\d{1,4})?)$",
            Pattern.CASE_INSENSITIVE);

    /**
     * The text with page furniture (running heads, page numbers, a bill's line-number legend) blanked out, offsets
     * unchanged: each such line becomes a form feed and spaces, so that a sentence broken by a page break reads on.
     */
    public static String maskPageFurniture(String text) {
        StringBuilder masked = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd).strip();
            if (!line.isEmpty() && PAGE_FURNITURE.matcher(line).matches()) {
                if (masked == null) {
                    masked = new StringBuilder(text);
                }
                for (int i = lineStart; i < lineEnd; i++) {
                    masked.setCharAt(i, i == lineStart ? '\f' : ' ');
                }
            }
            lineStart = lineEnd + 1;
        }
        return masked == null ? text : masked.toString();
    }

    /** Whether, after the blank line at {@code from}, blank lines lead to a masked page break before any text. */
    private static boolean pageBreakAhead(String text, int from) {
        boolean sawBreak = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\f') {
                sawBreak = true;
            } else if (!Character.isWhitespace(c)) {
                return sawBreak;
            }
        }
        return false;
    }

    /**
     * The width a hard-wrapped text (a bill printed with line numbers, a PDF's text) breaks its lines at, or 0 when the
     * text is not hard-wrapped: then at least a third of its lines end within a few characters of one width.
     */
    static int wrapWidth(String text) {
        int[] counts = new int[201];
        int lines = 0;
        for (String line : text.split("\n")) {
            int length = line.stripTrailing().length();
            if (length > 0) {
                lines++;
                counts[Math.min(length, 200)]++;
            }
        }
        if (lines < 12) {
            return 0;
        }
        int best = 0;
        int bestCount = 0;
        for (int w = 40; w < 200; w++) {
            int near = 0;
            for (int k = Math.max(0, w - 10); k <= w; k++) {
                near += counts[k];
            }
            if (near > bestCount) {
                bestCount = near;
                best = w;
            }
        }
        return bestCount * 3 >= lines ? best : 0;
    }

    /** A line that ends because the text was wrapped there, not because its paragraph or heading ended. */
    private static boolean wrapped(String line, int rawLength, int wrapWidth) {
        return wrapWidth > 0 && rawLength >= wrapWidth - 12 && !endsSentence(line);
    }

    private static boolean endsSentence(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return true;
        }
        char last = s.charAt(s.length() - 1);
        if (last == '-' && s.length() > 1 && Character.isLetter(s.charAt(s.length() - 2))) {
            return false;
        }
        return ".;:!?".indexOf(last) >= 0 || s.endsWith(".\"") || s.endsWith(".”") || s.endsWith(";\"") || s.endsWith("]");
    }

    /** The enumerator that starts a block: its kind and how it is written. */
    /** The text after any opening quote marks or bracket and white space (quoted amendments start so). */
    static String withoutQuotePrefix(String s) {
        int i = 0;
        while (i < s.length() && "\"“'‘[".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i == 0 ? s : s.substring(i);
    }

    private static final String[] NONE = {"NONE", ""};

    static String[] enumerator(String body) {
        String s = withoutQuotePrefix(body);
        if (s.isEmpty()) {
            return NONE;
        }
        // most lines start with a word: settle those without a regular expression
        char first = s.charAt(0);
        if (Character.isLetter(first)) {
            char second = s.length() > 1 ? s.charAt(1) : ' ';
            boolean sectionWord = (first == 's' || first == 'S' || first == 'a' || first == 'A' || first == 'c' || first == 'C')
                    && s.length() > 3 && SECTION_WORD.matcher(s).lookingAt();
            if (second != '.' && !sectionWord) {
                return NONE;
            }
        } else if (!(first == '§' || first == '(' || Character.isDigit(first) || "-•*▪◦·".indexOf(first) >= 0)) {
            return NONE;
        }
        Matcher m = SECTION.matcher(s);
        if (m.find()) {
            return new String[] {"SECTION", m.group().strip()};
        }
        m = PAREN.matcher(s);
        if (m.find()) {
            String inside = m.group(1);
            Kind kind;
            if (inside.chars().allMatch(Character::isDigit)) {
                kind = Kind.PAREN_DIGIT;
            } else if (ROMAN.matcher(inside).matches()) {
                kind = Kind.PAREN_ROMAN;
            } else if (inside.equals(inside.toLowerCase(Locale.ROOT))) {
                kind = Kind.PAREN_LOWER;
            } else {
                kind = Kind.PAREN_UPPER;
            }
            return new String[] {kind.name(), m.group()};
        }
        m = DIGIT_DOT.matcher(s);
        if (m.find()) {
            return new String[] {"DIGIT_DOT", m.group()};
        }
        m = LETTER_DOT.matcher(s);
        if (m.find()) {
            return new String[] {Character.isLowerCase(m.group().charAt(0)) ? "LOWER_DOT" : "UPPER_DOT", m.group()};
        }
        m = BULLET.matcher(s);
        if (m.find()) {
            return new String[] {"BULLET", ""};
        }
        return NONE;
    }

    /** A heading or table-of-contents line: no word of force, and short or in capitals. */
    static boolean isHeading(String body, Kind kind, boolean shouting) {
        String s = body.strip();
        if (s.isEmpty() || hasForceWord(s)) {
            return false;
        }
        if (kind != Kind.NONE && kind != Kind.SECTION) {
            s = withoutQuotePrefix(s);
            s = s.substring(enumerator(s)[1].length()).strip();
            if (s.isEmpty()) {
                return true;
            }
        }
        if (endsLikeAnItem(s)) {
            return false;
        }
        if (!shouting && inCapitals(s) && s.length() < 200) {
            return true;
        }
        if (s.length() > 140) {
            return false;
        }
        int sentenceEnds = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            if (s.charAt(i) == '.' && s.charAt(i + 1) == ' ' && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
                sentenceEnds++;
            }
        }
        boolean noVerbEnding = !s.endsWith(",") && !s.endsWith(";") && !s.endsWith(":");
        return sentenceEnds == 0 && noVerbEnding && (kind == Kind.SECTION || s.length() < 90 && !startsLower(s));
    }

    private static boolean inCapitals(String s) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    letters++;
                    upper++;
                } else if (c >= 'a' && c <= 'z') {
                    letters++;
                }
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters > 3 && upper >= letters * 0.7;
    }

    private static boolean startsLower(String text, int at) {
        return startsLower(text.substring(at, Math.min(text.length(), at + 4)));
    }

    private static final String[] FORCE_WORDS = {"shall", "may", "must", "will", "should", "cannot", "can not", "is prohibited",
            "are prohibited", "prohibited from", "is authorized", "are authorized", "is required", "are required"};
    private static final java.util.Set<String> DANGLING = java.util.Set.of("a", "an", "the", "of", "and", "or", "to", "in", "for",
            "by", "with", "that", "which", "under", "between", "from", "on", "means", "is", "are");

    /** Whether a word of force ("shall", "may", "is prohibited" ...) occurs as a word. */
    static boolean hasForceWord(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String word : FORCE_WORDS) {
            int i = lower.indexOf(word);
            while (i >= 0) {
                int end = i + word.length();
                if ((i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)))
                        && (end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)))) {
                    return true;
                }
                i = lower.indexOf(word, i + 1);
            }
        }
        return false;
    }

    /** Ends with ";", ",", "; and", "or", or a word no heading ends with ("the", "of", "means"). */
    private static boolean endsLikeAnItem(String s) {
        String t = s.stripTrailing();
        if (t.endsWith(";") || t.endsWith(",")) {
            return true;
        }
        int space = t.length() - 1;
        while (space >= 0 && Character.isLetter(t.charAt(space))) {
            space--;
        }
        String last = t.substring(space + 1).toLowerCase(Locale.ROOT);
        return !last.isEmpty() && (DANGLING.contains(last) || last.equals("and") || last.equals("or"));
    }

    private static boolean startsLower(String s) {
        String t = withoutQuotePrefix(s);
        return !t.isEmpty() && Character.isLowerCase(t.charAt(0));
    }
}

package org.sanctuaryscorecard.analysis.internal.reading;

/**
 * A normalized copy of a stretch of the original text, for matching: lower case, one space for any run of white
 * space, words hyphenated across a line end joined ("IMMI-\n  GRATION" becomes "immigration"), curly quotes and
 * dashes made plain. {@link #original(int)} maps a position back, so that every quote is cut from the original.
 */
public final class Normalized {

    private final String text;
    private final int[] origin;
    private final int originalEnd;

    private Normalized(String text, int[] origin, int originalEnd) {
        this.text = text;
        this.origin = origin;
        this.originalEnd = originalEnd;
    }

    /** The normalized copy of {@code source[start, end)}. */
    public static Normalized of(String source, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        int[] origin = new int[end - start + 1];
        int n = 0;
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = source.charAt(i);
            if (c < 128 && c > ' ' && c != '-') {
                // the common case: a printable ASCII character
                if (space && n > 0) {
                    out.append(' ');
                    origin[n++] = i - 1;
                }
                space = false;
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                origin[n++] = i;
                continue;
            }
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                space = true;
                continue;
            }
            if (c == '-' && i + 1 < end && Character.isWhitespace(source.charAt(i + 1)) && isLineBreakAhead(source, i + 1, end) && n > 0
                    && Character.isLetter(out.charAt(n - 1))) {
                int j = i + 1;
                while (j < end && Character.isWhitespace(source.charAt(j))) {
                    j++;
                }
                if (j < end && Character.isLetter(source.charAt(j))) {
                    i = j - 1;
                    continue;
                }
            }
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = true;
                continue;
            }
            if (space && n > 0) {
                out.append(' ');
                origin[n++] = i - 1;
            }
            space = false;
            out.append(plain(Character.toLowerCase(c)));
            origin[n++] = i;
        }
        origin[n] = end;
        int[] trimmed = new int[n + 1];
        System.arraycopy(origin, 0, trimmed, 0, n + 1);
        return new Normalized(out.toString(), trimmed, end);
    }

    private static boolean isLineBreakAhead(String source, int from, int end) {
        for (int j = from; j < end && j < from + 200; j++) {
            char c = source.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return false;
    }

    private static char plain(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u02bc' -> '\'';
            case '\u201c', '\u201d' -> '"';
            case '\u2013', '\u2014', '\u2011' -> '-';
            default -> c;
        };
    }

    /** Several stretches read as one, joined by a space (a list item read with the lead-ins it hangs from). */
    public static Normalized join(java.util.List<Normalized> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder out = new StringBuilder();
        int total = parts.stream().mapToInt(p -> p.text.length() + 1).sum();
        int[] origin = new int[total + 1];
        int n = 0;
        int last = 0;
        for (Normalized part : parts) {
            if (n > 0) {
                out.append(' ');
                origin[n++] = last;
            }
            out.append(part.text);
            System.arraycopy(part.origin, 0, origin, n, part.text.length());
            n += part.text.length();
            last = part.originalEnd;
        }
        origin[n] = last;
        int[] trimmed = new int[n + 1];
        System.arraycopy(origin, 0, trimmed, 0, n + 1);
        return new Normalized(out.toString(), trimmed, last);
    }

    public String text() {
        return text;
    }

    /** The original position of normalized position {@code i} (the end of the stretch for {@code i == length}). */
    public int original(int i) {
        return i >= text.length() ? originalEnd : origin[i];
    }

    /** The original end position for a normalized end position (exclusive). */
    public int originalEnd(int i) {
        if (i <= 0) {
            return origin[0];
        }
        return i >= text.length() ? originalEnd : origin[i - 1] + 1;
    }
}

package org.sanctuaryscorecard.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A document's text as extracted, with where each page starts. Offsets index into {@link #text()}.
 *
 * @param name the file name (or the name given to pasted text)
 * @param format what the content was read as: {@code pdf}, {@code docx}, {@code html} or {@code text}
 * @param text the text; lines end with {@code \n}
 * @param pages for a PDF, one entry per page, in order, together covering the whole text without gaps: page
 *        {@code n} holds the characters from {@code start} (inclusive) to {@code end} (exclusive), and the line break
 *        between two pages belongs to the earlier one. A page with no text has {@code start == end}. Empty for
 *        formats that have no pages.
 * @param repairs what was changed on the way from the file to the text (for a PDF: headers and footers removed,
 *        words re-joined, lines unwrapped; for a text file: the encoding it was read in, line ends converted), one
 *        sentence each; empty when the text is exactly the file's
 */
public record DocumentText(String name, String format, String text, List<Page> pages, List<String> repairs) {

    /** A page's span in the text: {@code [start, end)}. */
    public record Page(int number, int start, int end) {

        public Page {
            if (number < 1 || start < 0 || end < start) {
                throw new IllegalArgumentException("page " + number + ": [" + start + ", " + end + ")");
            }
        }
    }

    public DocumentText {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        pages = List.copyOf(pages);
        repairs = List.copyOf(repairs);
    }

    /**
     * The page (1-based) holding this character offset, or 0 when the format has no pages. The offset
     * {@code text().length()} (the end of the text) belongs to the last page.
     *
     * @throws IndexOutOfBoundsException if the offset is negative or past the end of the text
     */
    public int pageAt(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " is outside the text [0, " + text.length() + "]");
        }
        if (pages.isEmpty()) {
            return 0;
        }
        // the last page whose start is at or before the offset: a page with no text shares its start with the next
        int low = 0;
        int high = pages.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (pages.get(middle).start() <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return pages.get(low).number();
    }
}

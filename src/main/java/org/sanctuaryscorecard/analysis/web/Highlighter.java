package org.sanctuaryscorecard.analysis.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * A document's text as HTML with passages marked: every character escaped, every passage a {@code <mark>} that starts
 * with a visually hidden label, and the text cut into chunks at line ends outside any passage so that browsers can
 * skip laying out what is off screen. Passages may nest or cross; a passage that crosses the end of another is closed
 * and reopened around it (the reopened part has no id and no label), so the elements always nest correctly.
 * Runs in time linear in the text plus the passages' boundaries.
 */
final class Highlighter {

    /** Characters after which a chunk ends at the next line end outside every passage. */
    static final int CHUNK = 8_000;

    /**
     * A stretch to mark.
     *
     * @param start    first character
     * @param end      after the last character
     * @param classes  CSS classes of the mark
     * @param id       the HTML id of its first part, for links from the side panel
     * @param label    the words a screen reader hears where it starts ("Detainer holds: protects")
     */
    record Span(int start, int end, String classes, String id, String label) {
    }

    private Highlighter() {
    }

    /** The text as HTML, with the spans marked; spans outside the text or empty are left out. */
    static String html(String text, List<Span> spans) {
        List<Span> valid = new ArrayList<>();
        for (Span span : spans) {
            if (span.start() >= 0 && span.end() <= text.length() && span.start() < span.end()) {
                valid.add(span);
            }
        }
        // outer before inner where they start together, so that an inner one closes first
        valid.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        TreeSet<Integer> ends = new TreeSet<>();
        valid.forEach(s -> ends.add(s.end()));

        StringBuilder out = new StringBuilder(text.length() + text.length() / 16 + valid.size() * 160);
        Deque<Span> open = new ArrayDeque<>();
        out.append("<div class=\"text-chunk\">");
        int position = 0;
        int chunkStart = 0;
        int next = 0;
        while (position < text.length() || !open.isEmpty()) {
            closeEndingAt(position, open, out);
            while (next < valid.size() && valid.get(next).start() == position) {
                Span span = valid.get(next++);
                openMark(span, true, out);
                open.push(span);
            }
            int stop = text.length();
            if (next < valid.size()) {
                stop = Math.min(stop, valid.get(next).start());
            }
            Integer end = ends.higher(position);
            if (end != null) {
                stop = Math.min(stop, end);
            }
            if (stop <= position) {
                break;
            }
            if (open.isEmpty()) {
                chunkStart = textOutside(text, position, stop, chunkStart, out);
            } else {
                escape(text, position, stop, out);
            }
            position = stop;
        }
        out.append("</div>");
        return out.toString();
    }

    /** Closes every open mark that ends here, closing and reopening the marks opened inside them that go on. */
    private static void closeEndingAt(int position, Deque<Span> open, StringBuilder out) {
        long ending = open.stream().filter(s -> s.end() == position).count();
        if (ending == 0) {
            return;
        }
        Deque<Span> goingOn = new ArrayDeque<>();
        while (ending > 0) {
            Span top = open.pop();
            out.append("</mark>");
            if (top.end() == position) {
                ending--;
            } else {
                goingOn.push(top);
            }
        }
        while (!goingOn.isEmpty()) {
            Span again = goingOn.pop();
            openMark(again, false, out);
            open.push(again);
        }
    }

    private static void openMark(Span span, boolean first, StringBuilder out) {
        out.append("<mark class=\"");
        escape(span.classes(), 0, span.classes().length(), out);
        if (first) {
            out.append("\" id=\"");
            escape(span.id(), 0, span.id().length(), out);
            out.append("\" tabindex=\"-1\"><span class=\"hl-label visually-hidden\">");
            escape(span.label(), 0, span.label().length(), out);
            out.append(": </span>");
        } else {
            out.append(" hl-continued\">");
        }
    }

    /** Text outside every passage: a new chunk starts after the first line end past the chunk size. */
    private static int textOutside(String text, int from, int to, int chunkStart, StringBuilder out) {
        int start = from;
        while (true) {
            int lineEnd = text.indexOf('\n', Math.max(start, chunkStart + CHUNK));
            if (lineEnd < 0 || lineEnd >= to) {
                escape(text, start, to, out);
                return chunkStart;
            }
            escape(text, start, lineEnd + 1, out);
            out.append("</div><div class=\"text-chunk\">");
            start = lineEnd + 1;
            chunkStart = start;
        }
    }

    /** Appends text[from, to) escaped for HTML content and attributes; control characters HTML forbids become U+FFFD. */
    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append(c);
                default -> out.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
            }
        }
    }
}

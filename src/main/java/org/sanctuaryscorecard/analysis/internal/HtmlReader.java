package org.sanctuaryscorecard.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.sanctuaryscorecard.analysis.DocumentText;

/**
 * The readable text of a web page (jsoup's HTML5 parser; entities decoded by it):
 * <ul>
 *   <li>dropped: {@code script, style, noscript, template, nav, aside, form, iframe, svg, object, embed, canvas},
 *       elements with {@code role="navigation"}, {@code "banner"}, {@code "contentinfo"} or {@code "search"}, hidden
 *       elements ({@code hidden}, {@code aria-hidden="true"}), every {@code footer}, and every {@code header} that is
 *       not inside {@code main} or {@code article} (one inside is the article's own title and byline);</li>
 *   <li>only the first {@code main} (or {@code role="main"}) is read if there is one; else the {@code article}s, in
 *       order; else the body;</li>
 *   <li>block elements ({@code p, div, li, h1-h6, tr, section, blockquote, pre, ...}) and {@code br} end lines;
 *       paragraphs, headings, block quotes, lists, tables and {@code pre} are set apart by a blank line; table cells
 *       are separated by a tab;</li>
 *   <li>white space is collapsed as a browser does, except inside {@code pre} and {@code textarea}; no-break spaces
 *       become spaces; list markers appear only if they are in the text itself (CSS markers are not text).</li>
 * </ul>
 * Every step is one pass over the page (no look-ups of ancestors or siblings per element), so deeply nested hostile
 * markup costs linear time.
 */
final class HtmlReader {

    static final String FORMAT = "html";

    private static final String DROPPED = "script, style, noscript, template, nav, aside, form, iframe, svg, object, "
            + "embed, canvas, [role=navigation], [role=banner], [role=contentinfo], [role=search], [hidden], "
            + "[aria-hidden=true], footer";
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
            "table", "ul", "ol", "dl", "hr", "figure", "address");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "section", "article", "main", "header",
            "dt", "dd", "caption", "thead", "tbody", "tfoot", "figcaption", "details", "summary", "fieldset",
            "legend", "center", "body", "option", "textarea");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> PREFORMATTED = Set.of("pre", "textarea", "plaintext", "listing", "xmp");

    private HtmlReader() {
    }

    static DocumentText read(String name, String html) {
        Document page = Jsoup.parse(html);
        Interruption.check();
        page.select(DROPPED).remove();
        Interruption.check();
        Parts parts = new Parts();
        NodeTraversor.traverse(parts, page);
        parts.siteHeaders.forEach(Element::remove);
        List<Element> roots = new ArrayList<>();
        Element main = parts.main;
        if (main != null) {
            roots.add(main);
        } else if (!parts.articles.isEmpty()) {
            roots.addAll(parts.articles);
        } else {
            roots.add(page.body());
        }
        TextWriter writer = new TextWriter();
        for (Element root : roots) {
            writer.breakLines(2);
            NodeTraversor.traverse(writer, root);
        }
        String text = writer.text();
        List<String> repairs = new ArrayList<>(1);
        repairs.add("Kept only the page's text: dropped its scripts, styles, menus, headers, footers, forms and hidden "
                + "parts" + (main != null ? ", and everything outside its main part" : "") + ".");
        return new DocumentText(name, FORMAT, text, List.of(), repairs);
    }

    /**
     * One pass over the page: the first {@code main}, the outermost {@code article}s, and the outermost
     * {@code header}s that are outside any {@code main} or {@code article}.
     */
    private static final class Parts implements NodeVisitor {

        Element main;
        final List<Element> articles = new ArrayList<>();
        final List<Element> siteHeaders = new ArrayList<>();
        private int content;
        private int article;
        private int siteHeader;
        private int visited;

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element)) {
                return;
            }
            if (++visited % 1024 == 0) {
                Interruption.check();
            }
            Element element = (Element) node;
            String tag = element.normalName();
            if (tag.equals("header") && content == 0) {
                if (siteHeader++ == 0) {
                    siteHeaders.add(element);
                }
            }
            if (isMain(element) && main == null) {
                main = element;
            }
            if (tag.equals("article") && article++ == 0) {
                articles.add(element);
            }
            if (isContent(element)) {
                content++;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element)) {
                return;
            }
            Element element = (Element) node;
            if (isContent(element)) {
                content--;
            }
            if (element.normalName().equals("article")) {
                article--;
            }
            if (element.normalName().equals("header") && content == 0) {
                siteHeader--;
            }
        }

        private static boolean isMain(Element element) {
            return element.normalName().equals("main") || element.attr("role").equals("main");
        }

        private static boolean isContent(Element element) {
            return isMain(element) || element.normalName().equals("article");
        }
    }

    /** Writes the text of the nodes it visits, collapsing white space and breaking lines at block elements. */
    private static final class TextWriter implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        /** Line breaks owed before the next text: 0, 1 (end of a line) or 2 (a blank line). */
        private int pendingBreaks;
        /** Inside a cell after the first of its row: a tab is owed before the next text. */
        private boolean pendingTab;
        private int preformatted;
        private int visited;
        /** How many {@code li} elements the current node is inside. */
        private int listItems;
        /** For each open table row, the cells seen so far. */
        private final java.util.ArrayDeque<int[]> rows = new java.util.ArrayDeque<>();

        @Override
        public void head(Node node, int depth) {
            if (++visited % 1024 == 0) {
                Interruption.check();
            }
            if (node instanceof TextNode) {
                TextNode text = (TextNode) node;
                if (preformatted > 0) {
                    write(text.getWholeText().replace('\u00A0', ' '), true);
                } else {
                    write(text.getWholeText(), false);
                }
                return;
            }
            if (!(node instanceof Element)) {
                return;
            }
            Element element = (Element) node;
            String tag = element.normalName();
            if (tag.equals("br")) {
                out.append('\n');
                trimSpaceBeforeBreak();
                pendingBreaks = 0;
                pendingTab = false;
                return;
            }
            if (CELLS.contains(tag)) {
                int[] cells = rows.peek();
                if (cells != null && cells[0]++ > 0) {
                    pendingTab = true;
                }
                return;
            }
            if (tag.equals("tr")) {
                rows.push(new int[1]);
            }
            breakLines(blockBreaks(element));
            if (tag.equals("li")) {
                listItems++;
            }
            if (PREFORMATTED.contains(tag)) {
                preformatted++;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element) {
                Element element = (Element) node;
                String tag = element.normalName();
                if (PREFORMATTED.contains(tag)) {
                    preformatted--;
                }
                if (tag.equals("li")) {
                    listItems--;
                }
                if (tag.equals("tr")) {
                    rows.poll();
                }
                breakLines(blockBreaks(element));
            }
        }

        private int blockBreaks(Element element) {
            String tag = element.normalName();
            if (PARAGRAPHS.contains(tag)) {
                boolean nestedList = (tag.equals("ul") || tag.equals("ol")) && listItems > 0;
                return nestedList ? 1 : 2;
            }
            return LINES.contains(tag) ? 1 : 0;
        }

        void breakLines(int count) {
            pendingBreaks = Math.max(pendingBreaks, count);
            if (count > 0) {
                pendingTab = false;
            }
        }

        private void write(String text, boolean preserve) {
            String collapsed = preserve ? text : collapse(text);
            if (collapsed.isEmpty()) {
                return;
            }
            if (!preserve && collapsed.equals(" ")) {
                if (pendingBreaks == 0 && !pendingTab && out.length() > 0 && !endsWithSpace()) {
                    out.append(' ');
                }
                return;
            }
            flushBreaks();
            if (!preserve && collapsed.charAt(0) == ' ' && (out.length() == 0 || endsWithSpace())) {
                collapsed = collapsed.substring(1);
            }
            out.append(collapsed);
        }

        private void flushBreaks() {
            if (out.length() > 0 && pendingBreaks > 0) {
                trimSpaceBeforeBreak();
                int already = 0;
                for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n' && already < 2; i--) {
                    already++;
                }
                for (int i = already; i < pendingBreaks; i++) {
                    out.append('\n');
                }
            } else if (pendingTab && out.length() > 0) {
                trimTrailingSpaces();
                out.append('\t');
            }
            pendingBreaks = 0;
            pendingTab = false;
        }

        private void trimSpaceBeforeBreak() {
            int end = out.length();
            int newline = end > 0 && out.charAt(end - 1) == '\n' ? end - 1 : end;
            int start = newline;
            while (start > 0 && out.charAt(start - 1) == ' ') {
                start--;
            }
            if (start < newline) {
                out.delete(start, newline);
            }
        }

        private void trimTrailingSpaces() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        private boolean endsWithSpace() {
            char last = out.charAt(out.length() - 1);
            return last == ' ' || last == '\n' || last == '\t';
        }

        private static String collapse(String text) {
            StringBuilder collapsed = new StringBuilder(text.length());
            boolean space = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0') {
                    space = true;
                } else {
                    if (space) {
                        collapsed.append(' ');
                        space = false;
                    }
                    collapsed.append(c);
                }
            }
            if (space) {
                collapsed.append(' ');
            }
            return collapsed.toString();
        }

        String text() {
            // drop spaces at line ends and blank lines at both ends
            String[] lines = out.toString().split("\n", -1);
            StringBuilder text = new StringBuilder(out.length());
            for (String line : lines) {
                text.append(line.stripTrailing()).append('\n');
            }
            return text.toString().strip();
        }
    }
}

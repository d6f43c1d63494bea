package org.sanctuaryscorecard.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.sanctuaryscorecard.analysis.DocumentText;

/**
 * The readable text of a web page (jsoup's HTML5 parser; entities decoded by it):
 * <ul>
 *   <li>dropped: {@code script, style, noscript, template, nav, aside, form, iframe, svg, object, embed, canvas},
 *       elements with {@code role="navigation"}, {@code "banner"}, {@code "contentinfo"} or {@code "search"}, hidden
 *       elements ({@code hidden}, {@code aria-hidden="true"}), every {@code footer}, and every {@code header} except
 *       one inside {@code main} or {@code article} that holds a heading (an article's own title);</li>
 *   <li>only the first {@code main} (or {@code role="main"}) is read if there is one; else the {@code article}s, in
 *       order; else the body;</li>
 *   <li>block elements ({@code p, div, li, h1-h6, tr, section, blockquote, pre, ...}) and {@code br} end lines;
 *       paragraphs, headings, block quotes, lists, tables and {@code pre} are set apart by a blank line; table cells
 *       are separated by a tab;</li>
 *   <li>white space is collapsed as a browser does, except inside {@code pre} and {@code textarea}; no-break spaces
 *       become spaces; list markers appear only if they are in the text itself (CSS markers are not text).</li>
 * </ul>
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
        for (Element header : page.select("header")) {
            boolean articleTitle = !header.select("h1, h2, h3, h4, h5, h6").isEmpty()
                    && header.closest("main, article, [role=main]") != null;
            if (!articleTitle) {
                header.remove();
            }
        }
        List<Element> roots = new ArrayList<>();
        Element main = page.selectFirst("main, [role=main]");
        if (main != null) {
            roots.add(main);
        } else {
            Elements articles = page.select("article");
            for (Element article : articles) {
                if (article.parent() == null || article.parent().closest("article") == null) {
                    roots.add(article);
                }
            }
            if (roots.isEmpty()) {
                roots.add(page.body());
            }
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

    /** Writes the text of the nodes it visits, collapsing white space and breaking lines at block elements. */
    private static final class TextWriter implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        /** Line breaks owed before the next text: 0, 1 (end of a line) or 2 (a blank line). */
        private int pendingBreaks;
        /** Inside a cell after the first of its row: a tab is owed before the next text. */
        private boolean pendingTab;
        private int preformatted;
        private int visited;

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
                if (element.elementSiblingIndex() > 0) {
                    pendingTab = true;
                }
                return;
            }
            breakLines(blockBreaks(element));
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
                breakLines(blockBreaks(element));
            }
        }

        private static int blockBreaks(Element element) {
            String tag = element.normalName();
            if (PARAGRAPHS.contains(tag)) {
                boolean nestedList = (tag.equals("ul") || tag.equals("ol")) && element.parents().is("li");
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

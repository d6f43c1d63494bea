package org.sanctuaryscorecard.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.Analyzer;

/** The marked-up text: escaped, correctly nested whatever the overlaps, and the same text as the document. */
class HighlighterTest {

    private static final Pattern TAG = Pattern.compile("<(/?)(mark|div|span)\\b[^>]*>");

    private static Highlighter.Span span(int start, int end, String id) {
        return new Highlighter.Span(start, end, "hl label-protects", id, "P " + id);
    }

    @Test
    void everyCharacterIsEscapedAndNothingElseChanges() {
        String text = "<script>alert('x')</script> & \"quotes\"\u0000\u0007 done";
        String html = Highlighter.html(text, List.of(span(0, 8, "a")));

        assertThat(html).doesNotContain("<script>").contains("alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .contains("\uFFFD\uFFFD done").doesNotContain("\u0000");
        assertThat(html).startsWith("<div class=\"text-chunk\"><mark class=\"hl label-protects\" id=\"a\" tabindex=\"-1\">"
                + "<span class=\"hl-label visually-hidden\">P a: </span>&lt;script&gt;</mark>");
    }

    @Test
    void labelsAndIdsAreEscapedToo() {
        String html = Highlighter.html("abc", List.of(new Highlighter.Span(0, 3, "hl \"x", "i\"d", "<b>")));
        assertThat(html).contains("class=\"hl &quot;x\" id=\"i&quot;d\"").contains("&lt;b&gt;: </span>abc");
    }

    @Test
    void crossingPassagesAreClosedAndReopenedSoThatElementsNest() {
        //            0123456789
        String text = "abcdefghij";
        String html = Highlighter.html(text, List.of(span(1, 6, "one"), span(4, 9, "two")));

        assertThat(html).isEqualTo("<div class=\"text-chunk\">a"
                + "<mark class=\"hl label-protects\" id=\"one\" tabindex=\"-1\"><span class=\"hl-label visually-hidden\">P one: </span>bcd"
                + "<mark class=\"hl label-protects\" id=\"two\" tabindex=\"-1\"><span class=\"hl-label visually-hidden\">P two: </span>ef</mark></mark>"
                + "<mark class=\"hl label-protects hl-continued\">ghi</mark>j</div>");
        assertWellNestedWithText(html, text);
    }

    @Test
    void identicalNestedAndTouchingPassagesEachGetAMark() {
        String text = "0123456789";
        String html = Highlighter.html(text, List.of(span(2, 5, "a"), span(2, 5, "b"), span(0, 10, "outer"),
                span(5, 7, "touching"), span(3, 4, "inner")));

        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("mark[id]").eachAttr("id")).containsExactly("outer", "a", "b", "inner", "touching");
        assertThat(page.getElementById("inner").parent().id()).isEqualTo("b");
        assertThat(page.getElementById("touching").parent().id()).isEqualTo("outer");
        assertWellNestedWithText(html, text);
    }

    @Test
    void spansOutsideTheTextOrEmptyAreLeftOut() {
        String html = Highlighter.html("abc", List.of(span(-1, 2, "x"), span(1, 1, "y"), span(2, 9, "z"), span(2, 1, "w")));
        assertThat(html).isEqualTo("<div class=\"text-chunk\">abc</div>");
    }

    @Test
    void longTextIsCutIntoChunksAtLineEndsOutsidePassagesOnly() {
        String line = "x".repeat(99) + "\n";
        String text = line.repeat(400);     // 40,000 characters
        int start = Highlighter.CHUNK - 50;  // a passage across the first chunk's natural end
        String html = Highlighter.html(text, List.of(span(start, start + 300, "p")));

        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("div.text-chunk")).hasSizeGreaterThanOrEqualTo(4);
        for (Element chunk : page.select("div.text-chunk")) {
            assertThat(chunk.wholeText()).endsWith("\n");
            assertThat(chunk.html().length()).isLessThan(Highlighter.CHUNK + 1_000);
        }
        assertThat(page.getElementById("p").parent().className()).isEqualTo("text-chunk");
        assertWellNestedWithText(html, text);
    }

    @Test
    void randomOverlapsAlwaysNestAndKeepTheText() {
        Random random = new Random(42);
        String text = "The City shall not <detain> anyone & so on.\n".repeat(50);
        for (int round = 0; round < 200; round++) {
            List<Highlighter.Span> spans = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int start = random.nextInt(text.length());
                spans.add(span(start, Math.min(text.length(), start + 1 + random.nextInt(300)), "s" + i));
            }
            String html = Highlighter.html(text, spans);
            assertWellNestedWithText(html, text);
            assertThat(Jsoup.parseBodyFragment(html).select("mark[id]")).hasSize(12);
        }
    }

    @Test
    void theLargestCorpusDocumentRoundTrips() throws IOException {
        Path largest;
        try (var files = Files.list(Path.of("src/test/resources/analysis/corpus"))) {
            largest = files.filter(f -> f.toString().endsWith(".txt")).max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        String text = Files.readString(largest);
        Analysis analysis = Analyzer.bundled().analyze(largest.getFileName().toString(), text);
        List<Highlighter.Span> spans = new ArrayList<>();
        for (Analysis.Passage p : analysis.passages()) {
            spans.add(span(p.start(), p.end(), "p" + spans.size()));
        }
        assertThat(spans).isNotEmpty();
        assertWellNestedWithText(Highlighter.html(text, spans), text);
    }

    @Test
    void twoMillionCharactersWithThousandsOfPassagesTakeWellUnderASecond() {
        String text = "No officer shall detain a person on a civil immigration detainer.\n".repeat(30_304).substring(0, 2_000_000);
        List<Highlighter.Span> spans = new ArrayList<>();
        for (int start = 0; start + 400 < text.length(); start += 700) {
            spans.add(span(start, start + 400, "a" + start));
            spans.add(span(start + 200, start + 600, "b" + start));
        }
        Highlighter.html(text, spans);   // warm up
        long begin = System.nanoTime();
        String html = Highlighter.html(text, spans);
        long millis = (System.nanoTime() - begin) / 1_000_000;

        assertThat(spans).hasSizeGreaterThan(5_000);
        assertThat(millis).as("milliseconds for 2,000,000 characters").isLessThan(1_000);
        assertWellNestedWithText(html, text);
    }

    /** Every tag closes in the order it opened, and the text without tags and hidden labels is the original. */
    static void assertWellNestedWithText(String html, String text) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            if (tag.group(1).isEmpty()) {
                open.push(tag.group(2));
            } else {
                assertThat(open).as("closing </%s> at %d", tag.group(2), tag.start()).isNotEmpty();
                assertThat(open.pop()).as("closing tag at %d", tag.start()).isEqualTo(tag.group(2));
            }
        }
        assertThat(open).as("unclosed tags").isEmpty();
        String visible = html.replaceAll("<span class=\"hl-label visually-hidden\">[^<]*</span>", "")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        assertThat(visible).isEqualTo(text.replaceAll("[\\u0000-\\u0008\\u000b-\\u001f\\u007f]", "\uFFFD"));
    }
}

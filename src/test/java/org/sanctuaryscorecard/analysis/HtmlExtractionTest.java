package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Web pages: only the main text, block elements as lines, entities decoded. Plain unit tests. */
class HtmlExtractionTest {

    private final TextExtractor extractor = new TextExtractor();

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <title>Ordinance 12 | City of Example</title>
              <style>body { font-family: serif; }</style>
              <script>var tracking = "do not read me";</script>
            </head>
            <body>
              <header class="site"><a href="/">City of Example</a> <span>Official website</span></header>
              <nav><ul><li><a href="/">Home</a></li><li><a href="/council">Council</a></li></ul></nav>
              <div role="navigation">Skip to content</div>
              <aside>Related: parking rules</aside>
              <main>
                <article>
                  <header><h1>Ordinance No. 12 &mdash; Sanctuary&nbsp;City</h1></header>
                  <p>The City of Example shall   not use its resources
                     for the enforcement of federal civil immigration law.</p>
                  <h2>Section 2. Detainers</h2>
                  <ul>
                    <li>(a) No agency shall honor a civil immigration detainer.</li>
                    <li>(b) No agency shall share non&#8209;public information &amp; records.</li>
                  </ul>
                  <p>Signed by the Mayor<br>and the Clerk on 5&nbsp;May&nbsp;2024.</p>
                  <table><tr><th>Request</th><th>Response</th></tr><tr><td>Detainer</td><td>Decline</td></tr></table>
                  <form><label>Search <input name="q"></label></form>
                  <noscript>Please enable JavaScript.</noscript>
                  <div hidden>Draft notes</div>
                </article>
              </main>
              <footer>&copy; 2024 City of Example &middot; Privacy</footer>
              <script>console.log("bye")</script>
            </body>
            </html>
            """;

    @Test
    void keepsOnlyTheMainTextWithItsStructure() {
        DocumentText read = extractor.extract("ordinance.html", PAGE.getBytes(StandardCharsets.UTF_8));

        assertThat(read.format()).isEqualTo("html");
        assertThat(read.pages()).isEmpty();
        assertThat(read.text()).isEqualTo("""
                Ordinance No. 12 \u2014 Sanctuary City

                The City of Example shall not use its resources for the enforcement of federal civil immigration law.

                Section 2. Detainers

                (a) No agency shall honor a civil immigration detainer.
                (b) No agency shall share non\u2011public information & records.

                Signed by the Mayor
                and the Clerk on 5 May 2024.

                Request\tResponse
                Detainer\tDecline""");
        assertThat(read.text()).doesNotContain("tracking", "Home", "Skip", "parking", "Privacy", "Official website",
                "JavaScript", "Draft", "Search", "font-family");
    }

    @Test
    void withoutMainOrArticleTheBodyIsReadWithoutItsChrome() {
        String page = "<html><body><nav>Menu</nav><div>First line</div><div>Second &lt;line&gt;</div>"
                + "<footer>Contact</footer></body></html>";
        DocumentText read = extractor.extract("page.htm", page.getBytes(StandardCharsets.UTF_8));
        assertThat(read.text()).isEqualTo("First line\nSecond <line>");
    }

    @Test
    void htmlIsRecognizedByItsContentWhateverItsName() {
        String fragment = "\n  <p>Members shall not <b>detain</b> anyone.</p>\n<p>Second paragraph.</p>\n";
        DocumentText read = extractor.extract("policy.txt", fragment.getBytes(StandardCharsets.UTF_8));
        assertThat(read.format()).isEqualTo("html");
        assertThat(read.text()).isEqualTo("Members shall not detain anyone.\n\nSecond paragraph.");

        // a text that merely mentions a tag stays text
        String text = "Use <b> for bold.\nThat is all.";
        assertThat(extractor.extract("note.txt", text.getBytes(StandardCharsets.UTF_8)).format()).isEqualTo("text");
    }

    @Test
    void theDeclaredCharsetIsUsedAndWindows1252IsTheFallback() {
        byte[] latin = "<html><head><meta charset=\"windows-1252\"></head><body><p>Do\u00f1a Ana County</p></body></html>"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(extractor.extract("page.html", latin).text()).isEqualTo("Do\u00f1a Ana County");

        byte[] undeclared = "<!doctype html><p>Do\u00f1a Ana</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(extractor.extract("page.html", undeclared).text()).isEqualTo("Do\u00f1a Ana");

        byte[] utf16 = PdfExtractionTest.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "<!DOCTYPE html><p>Do\u00f1a Ana</p>".getBytes(StandardCharsets.UTF_16LE));
        assertThat(extractor.extract("page.html", utf16).text()).isEqualTo("Do\u00f1a Ana");
    }

    @Test
    void deeplyNestedMarkupTakesLinearTime() {
        for (String tag : new String[] {"ul", "header", "article", "td"}) {
            StringBuilder page = new StringBuilder("<!DOCTYPE html><body>");
            for (int i = 0; i < 50_000; i++) {
                page.append('<').append(tag).append(">x");
            }
            long start = System.nanoTime();
            try {
                extractor.extract("nested.html", page.toString().getBytes(StandardCharsets.UTF_8));
            } catch (UnreadableDocumentException e) {
                assertThat(e.messageKey()).as(tag).isEqualTo("analysis.error.noText"); // every header dropped
            }
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as(tag)
                    .isLessThan(java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void aPageWithNoTextIsRefused() {
        String page = "<html><body><nav>Home</nav><script>x()</script><img src=a.png></body></html>";
        try {
            extractor.extract("empty.html", page.getBytes(StandardCharsets.UTF_8));
        } catch (UnreadableDocumentException e) {
            assertThat(e.messageKey()).isEqualTo("analysis.error.noText");
            return;
        }
        throw new AssertionError("a page with no text was read");
    }
}

package org.sanctuaryscorecard.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Plain unit tests: the renderer needs no Spring context. */
class PdfRendererTest {

    private final List<String> loaded = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final PdfRenderer renderer = new PdfRenderer(PdfRenderer.DEFAULT_TIMEOUT,
            new PdfRenderer.ResourceListener() {
                @Override
                public void loaded(String resolved) {
                    loaded.add(resolved);
                }

                @Override
                public void refused(String uri) {
                    refused.add(uri);
                }
            });

    /**
     * A page as Thymeleaf writes them: HTML5, not XML (unclosed meta, li, p, td and br, named entities), with the
     * application's stylesheets, its print stylesheet for media="print", and scripts.
     */
    private static String page(String extraHead, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Doña Ana County · Sanctuary Scorecard</title>
                  <link rel="icon" type="image/svg+xml" href="/favicon.svg">
                  <link rel="stylesheet" href="/css/scorecard.css">
                  <link rel="stylesheet" href="/css/print.css" media="print">
                  %s
                  <script src="/webjars/htmx.org/dist/htmx.min.js" defer></script>
                  <script>
                    if (1 < 2 && 3 > 2) { document.write("<p>Written by a script</p>"); }
                  </script>
                </head>
                <body>
                <header class="site-header">
                  <a class="skip-link" href="#main">Skip to the main content</a>
                  <div class="wrap header-row">
                    <a class="brand" href="/">Sanctuary Scorecard</a>
                    <nav aria-label="Main">
                      <ul><li><a href="/">Home</a><li><a href="/jurisdictions">Find a place</a></ul>
                    </nav>
                  </div>
                </header>
                <main id="main" class="wrap">
                %s
                </main>
                <footer class="site-footer">
                  <div class="wrap"><p>Sanctuary Scorecard is open-source software.</div>
                </footer>
                </body>
                </html>
                """.formatted(extraHead, body);
    }

    private static final String REALISTIC_BODY = """
            <h1>Doña Ana County, New Mexico</h1>
            <p class="lead">“Curly quotes” and the law: Cal. Gov. Code § 7284.6 — the California Values Act.<br>
            Also Utqiaġvik, Alaska, and Hawaiʻi County.&nbsp;Español: <em>cárcel</em>, <strong>niñez</strong>,
            <strong><em>acción</em></strong>.
            <p class="no-print">Printed never
            <form class="search">
              <label>Find a city, county or state</label><input name="q"><button>Search</button>
            </form>
            <div class="table-scroll">
            <table class="criteria">
              <caption>Criteria</caption>
              <thead><tr><th scope="col">Criterion<th scope="col">Meets criteria?</tr></thead>
              <tbody>
                <tr><th scope="row">Declines ICE detainers<td class="answers">Yes
                <tr><th scope="row">No 287(g) agreement<td class="answers">Other: under review
              </tbody>
            </table>
            </div>
            <p>Source: <a class="print-url" href="https://www.census.gov/">Census Bureau</a>.
            <nav class="pager"><a href="?page=2">Next page</a></nav>
            """;

    @Test
    void rendersARealisticHtml5PageWithAllItsCharacters() throws IOException {
        byte[] pdf = renderer.render(page("", REALISTIC_BODY), "Doña Ana County", "es");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains("Doña Ana County", "“Curly quotes”", "§ 7284.6", "—", "Utqiaġvik", "Hawaiʻi",
                    "Español", "cárcel", "niñez", "acción",
                    "Criteria", "Criterion", "Meets criteria?", "Declines ICE detainers", "Other: under review");
            assertThat(text).as("scripts are dropped, neither run nor printed")
                    .doesNotContain("Written by a script", "document.write");
            assertThat(text).as("print.css hides navigation and controls")
                    .doesNotContain("Printed never", "Find a place", "Skip to the main content", "Next page",
                            "Find a city, county or state");
            assertThat(text).as("print.css prints the address of a.print-url links")
                    .contains("Census Bureau (https://www.census.gov/)");
        }
        assertThat(loaded).containsExactly("app-static:/css/scorecard.css", "app-static:/css/print.css");
    }

    @Test
    void everyFontIsAnEmbeddedDejaVuSansFaceAndEachFaceIsEmbeddedOnce() throws IOException {
        String body = REALISTIC_BODY + "<p><i>i</i> <cite>cite</cite>"
                + " <span style=\"font-style: oblique\">oblique</span>"
                + " <b style=\"font-style: oblique\">bold oblique</b> <code>code</code>"
                + " <span style=\"font-family: Georgia, serif\">Georgia</span>";
        byte[] pdf = renderer.render(page("", body), "Fonts", "en");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage p : document.getPages()) {
                List<PDFont> fonts = fonts(p.getResources());
                assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                    assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue();
                    assertThat(font.getName()).as("a subset of a DejaVu Sans face")
                            .matches("[A-Z]{6}\\+DejaVuSans(-Bold|-Oblique|-BoldOblique)?");
                });
                assertThat(fonts.stream().map(font -> font.getName().substring(7)))
                        .as("regular, bold, oblique (for italic and oblique) and bold oblique, each once")
                        .containsExactlyInAnyOrder("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique",
                                "DejaVuSans-BoldOblique");
            }
        }
    }

    @Test
    void setsTheTitleAndLanguageAndTagsThePdfForAccessibility() throws IOException {
        String head = "<meta name=\"description\" content=\"How Santa Clara County meets the criteria.\">";
        byte[] pdf = renderer.render(page(head, "<h1>Santa Clara County</h1><p>Text."), "Santa Clara County", "en-US");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Santa Clara County");
            assertThat(document.getDocumentInformation().getSubject())
                    .isEqualTo("How Santa Clara County meets the criteria.");
            assertThat(catalog.getLanguage()).isEqualTo("en-US");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(catalog.getMarkInfo().isMarked()).as("tagged PDF").isTrue();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfuaid:part>1<", "Santa Clara County", "How Santa Clara County meets");
        }
    }

    @Test
    void readsStylesheetsFromClasspathStaticAndNeverTheNetwork() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            String local = "http://127.0.0.1:" + port;
            String head = """
                    <link rel="stylesheet" href="/css/pdf-test-a4-landscape.css">
                    <link rel="stylesheet" href="%1$s/remote.css">
                    <link rel="stylesheet" href="https://fonts.example.com/css?family=Roboto">
                    <style>
                      @import url("%1$s/imported.css");
                      @font-face { font-family: "Remote"; src: url("%1$s/remote.ttf"); }
                      .bg { background-image: url("%1$s/background.png"); font-family: "Remote"; }
                    </style>
                    """.formatted(local);
            String body = """
                    <h1 class="bg">Landscape</h1>
                    <img src="https://example.com/x.png" alt="A remote picture">
                    <img src="%1$s/local.png" alt="A picture on another server">
                    <img src="//127.0.0.1:%2$d/protocol-relative.png" alt="Protocol-relative">
                    <img src="file:///etc/hostname" alt="A local file">
                    <img src="/../application.properties" alt="Outside static">
                    <p><a href="%1$s/linked-page">A link is only a link</a>
                    """.formatted(local, port);

            long start = System.nanoTime();
            byte[] pdf = renderer.render(page(head, body), "Landscape", "en");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(requests).as("requests that reached the loopback server").hasValue(0);
            assertThat(took).as("nothing fetched, no network timeout waited for").isLessThan(Duration.ofSeconds(10));
            assertThat(refused).contains("https://example.com/x.png", local + "/local.png", local + "/remote.css",
                    "https://fonts.example.com/css?family=Roboto", local + "/imported.css", local + "/remote.ttf",
                    local + "/background.png", "//127.0.0.1:" + port + "/protocol-relative.png",
                    "file:///etc/hostname", "/../application.properties");
            assertThat(loaded).as("everything read came from classpath static/")
                    .allMatch(uri -> uri.startsWith("app-static:/"))
                    .contains("app-static:/css/pdf-test-a4-landscape.css");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDRectangle box = document.getPage(0).getMediaBox();
                assertThat(box.getWidth()).as("A4 landscape width, points").isCloseTo(842f, within(1f));
                assertThat(box.getHeight()).as("A4 landscape height, points").isCloseTo(595f, within(1f));
                assertThat(text(document)).contains("Landscape", "A link is only a link");
                assertThat(fonts(document.getPage(0).getResources()))
                        .allSatisfy(font -> assertThat(font.getName()).contains("+DejaVuSans"));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aLongDocumentHasNumberedPages() throws IOException {
        byte[] pdf = renderer.render(page("<link rel=\"stylesheet\" href=\"/css/print.css\">", table(200)), "Places",
                "en");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("print.css: US Letter")
                    .isCloseTo(612f, within(1f));
            String text = text(document);
            assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages, "Place 1",
                    "Place 200", "Utqiaġvik 200");
            for (PDPage p : document.getPages()) {
                assertThat(fonts(p.getResources())).as("fonts of the page, its page-number footer included")
                        .allSatisfy(font -> {
                            assertThat(font.isEmbedded()).isTrue();
                            assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?");
                        });
            }
        }
    }

    @Test
    void printsTheRenderingTimeOfA50RowDocument() throws IOException {
        String html = page("<link rel=\"stylesheet\" href=\"/css/print.css\">", table(50));
        long[] millis = new long[6];
        byte[] pdf = null;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            pdf = renderer.render(html, "Places", "en");
            millis[i] = Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            System.out.printf("PdfRenderer: a 50-row document (%d pages, %d bytes) rendered %d times: %s ms"
                            + " (the first in this test; earlier tests in this JVM may have warmed it up)%n",
                    document.getNumberOfPages(), pdf.length, millis.length,
                    LongStream.of(millis).mapToObj(Long::toString).collect(Collectors.joining(", ")));
            assertThat(text(document)).contains("Place 50");
        }
    }

    @Test
    void failsClearlyWhenRenderingTakesTooLongAndStopsTheWork() throws InterruptedException {
        PdfRenderer impatient = new PdfRenderer(Duration.ofMillis(50), PdfRenderer.ResourceListener.NONE);
        String huge = page("", table(10_000)); // a full rendering takes 5 s warm, more cold

        assertThatThrownBy(() -> impatient.render(huge, "Too long", "en"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rendering \"Too long\" to PDF took longer than 50 ms; it was stopped");
        long stopped = System.nanoTime();
        long deadline = stopped + Duration.ofSeconds(10).toNanos();
        while (renderThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Duration stopping = Duration.ofNanos(System.nanoTime() - stopped);

        System.out.printf("PdfRenderer: an abandoned rendering stopped %d ms after its time was up%n",
                stopping.toMillis());
        assertThat(renderThreadsAlive()).as("the abandoned rendering's thread is gone").isFalse();
        assertThat(stopping).as("it stopped, rather than running to the end").isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void refusesAPdfWithoutTitleOrLanguage() {
        assertThatThrownBy(() -> renderer.render("<p>x", " ", "en")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.render("<p>x", "Title", "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean renderThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("pdf-render-") && t.isAlive());
    }

    private static String table(int rows) {
        String body = IntStream.rangeClosed(1, rows)
                .mapToObj(i -> "<tr><td>Place " + i + "<td>Utqiaġvik " + i + "<td class=\"number\">" + i * 137)
                .collect(Collectors.joining("\n"));
        return """
                <h1>Places</h1>
                <table><caption>Places and populations</caption>
                <thead><tr><th scope="col">Name<th scope="col">Also<th scope="col" class="number">Population</thead>
                <tbody>
                %s
                </tbody></table>
                """.formatted(body);
    }

    /** The text, with no-break spaces as plain spaces. */
    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
    }

    /** The fonts a page's resources name, also in its form XObjects. */
    private static List<PDFont> fonts(PDResources resources) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        if (resources == null) {
            return fonts;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xObject = resources.getXObject(name);
            if (xObject instanceof PDFormXObject form) {
                fonts.addAll(fonts(form.getResources()));
            }
        }
        return fonts;
    }
}

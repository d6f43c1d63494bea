package org.sanctuaryscorecard.report.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.extend.FSUriResolver;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontGroup;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders the application's own HTML pages (Thymeleaf output, HTML5, not necessarily well-formed XML) to PDF.
 *
 * <p>The page is parsed with jsoup's HTML5 parser, its scripts are dropped, and the DOM is laid out by openhtmltopdf
 * (fast mode) with these rules:
 * <ul>
 *   <li>All text is set in the bundled DejaVu Sans ({@code classpath:fonts/}), embedded as subsets: a built-in
 *       stylesheet forces the family on every element, and the same fonts are the fallback for anything else (the
 *       {@code @page} margin boxes), so no text falls back to the PDF base-14 fonts, which are not embedded and
 *       know only Latin-1.</li>
 *   <li>Resources whose URL is a path ({@code /css/scorecard.css}) are read from the classpath folder
 *       {@code static/}, as the web server would serve them; {@code data:} URLs are read in place. Any other URL
 *       ({@code http:}, {@code https:}, {@code file:}, {@code //host/...}) is refused without being opened: the
 *       renderer never touches the network or the file system.</li>
 *   <li>The PDF is tagged for PDF/UA (structure tree, document language, title shown in the window title).</li>
 *   <li>Page size, margins and page-number footers come from the page's CSS {@code @page} rules; a page without
 *       them is US Letter.</li>
 *   <li>One rendering may take at most {@link #DEFAULT_TIMEOUT}; a longer one fails with an
 *       {@link IllegalStateException} and its worker thread is interrupted, which stops the layout at the next
 *       line break or page.</li>
 * </ul>
 * Thread-safe: every call uses its own builder, document and worker thread.
 */
@Component
public class PdfRenderer {

    /** The longest one rendering may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The only font family in the PDF. */
    static final String FONT_FAMILY = "DejaVu Sans";

    /** The URI scheme of files under classpath {@code static/}: {@code app-static:/css/scorecard.css}. */
    static final String STATIC_SCHEME = "app-static";

    private static final String STATIC_ROOT = STATIC_SCHEME + ":/";
    private static final String STATIC_CLASSPATH_FOLDER = "static";
    private static final String FONT_FOLDER = "fonts/";

    /**
     * Prepended to the page's head: {@code !important} beats the page's own {@code font-family} whatever its order.
     * It cannot reach the {@code @page} margin boxes (running headers and footers): openhtmltopdf takes a margin box's
     * properties from the last {@code @page} rule that defines that box, so a rule here would either be overridden
     * or wipe out the page's own footer. Those boxes get DejaVu Sans as the fallback font instead (see
     * {@link #addFonts}).
     */
    static final String BUILT_IN_CSS = "* { font-family: \"" + FONT_FAMILY + "\", sans-serif !important; }\n";

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration timeout;
    private final ResourceListener listener;
    private final ClassLoader classLoader = PdfRenderer.class.getClassLoader();

    /** What the renderer did with each resource a page refers to; for tests and diagnostics. */
    interface ResourceListener {

        ResourceListener NONE = new ResourceListener() { };

        /** {@code resolved} (an {@code app-static:} or {@code data:} URI) was read. */
        default void loaded(String resolved) { }

        /** {@code uri} was refused without being opened. */
        default void refused(String uri) { }
    }

    public PdfRenderer() {
        this(DEFAULT_TIMEOUT, ResourceListener.NONE);
    }

    PdfRenderer(Duration timeout, ResourceListener listener) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.listener = Objects.requireNonNull(listener, "listener");
        OpenHtmlToPdfLogging.install();
    }

    /**
     * @param html the page
     * @param title the PDF document title
     * @param language e.g. "en"
     * @return PDF bytes
     * @throws IllegalArgumentException if the title or the language is blank
     * @throws IllegalStateException if the rendering fails or takes longer than the time bound
     */
    public byte[] render(String html, String title, String language) {
        Objects.requireNonNull(html, "html");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException(
                    "a PDF needs a title (PDF/UA); got " + (title == null ? "null" : "a blank one"));
        }
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("a PDF needs a language (PDF/UA), e.g. \"en\"");
        }
        FutureTask<byte[]> task = new FutureTask<>(() -> renderNow(html, title.strip(), language.strip()));
        Thread worker = new Thread(task, "pdf-render-" + THREADS.incrementAndGet());
        worker.setDaemon(true);
        long start = System.nanoTime();
        worker.start();
        try {
            byte[] pdf = task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            log.debug("rendered \"{}\" to {} bytes of PDF in {} ms", title, pdf.length,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return pdf;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new IllegalStateException("rendering \"" + title + "\" to PDF took longer than " + format(timeout)
                    + "; it was stopped");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering \"" + title + "\" to PDF", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("could not render \"" + title + "\" to PDF: " + cause, cause);
        }
    }

    private byte[] renderNow(String html, String title, String language) throws IOException {
        Document page = Jsoup.parse(html);
        page.select("script").remove();
        page.title(title);
        addSubject(page, title);
        page.selectFirst("html").attr("lang", language);
        page.head().prependElement("style").appendText(BUILT_IN_CSS);
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(page);
        stopIfInterrupted();

        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withW3cDocument(dom, STATIC_ROOT)
                .useUriResolver(new StaticResolver())
                .useProtocolsStreamImplementation(new StaticStreams(), STATIC_SCHEME)
                .useProtocolsStreamImplementation(new RefusedStreams(), "http", "https", "ftp", "file", "jar",
                        "classpath")
                .useExternalResourceAccessControl(this::mayLoad,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .usePdfUaAccessibility(true)
                .useDefaultPageSize(PdfRendererBuilder.PAGE_SIZE_LETTER_WIDTH,
                        PdfRendererBuilder.PAGE_SIZE_LETTER_HEIGHT, PdfRendererBuilder.PAGE_SIZE_LETTER_UNITS)
                .useUnicodeLineBreaker(new StoppableLineBreaker(
                        new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.forLanguageTag(language)))))
                .usePageSupplier(PdfRenderer::newPage)
                .withProducer("Sanctuary Scorecard")
                .toStream(pdf);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            addFonts(renderer);
            stopIfInterrupted();
            renderer.layout();
            stopIfInterrupted();
            renderer.createPDF();
        }
        return pdf.toByteArray();
    }

    /**
     * openhtmltopdf takes the PDF's subject (and the XMP description PDF/UA checkers look for) from
     * {@code <meta name="subject">}: use the page's description, or else its title.
     */
    private static void addSubject(Document page, String title) {
        if (page.head().selectFirst("meta[name=subject]") != null) {
            return;
        }
        Element description = page.head().selectFirst("meta[name=description][content]");
        String subject = description != null && !description.attr("content").isBlank()
                ? description.attr("content").strip() : title;
        page.head().appendElement("meta").attr("name", "subject").attr("content", subject);
    }

    /**
     * Registers the four faces of DejaVu Sans, embedded as subsets. Each face is one PDF font, registered several
     * times, so that it is embedded once however it was found:
     * <ul>
     *   <li>as the family "DejaVu Sans" and also as the fallback for text whose family resolves to nothing:
     *       openhtmltopdf's default "serif" in the {@code @page} margin boxes, or a family the built-in CSS does not
     *       reach. PDF/UA mode switches the base-14 fonts off, so without the fallback such text stops the rendering
     *       ("No font for the following specification has been found");</li>
     *   <li>the oblique faces as both italic and oblique: DejaVu Sans has no italic, and openhtmltopdf matches
     *       {@code font-style} exactly, so {@code <em>}, {@code <i>} and {@code <cite>} would otherwise come out
     *       upright.</li>
     * </ul>
     * A face is read only if the page uses it.
     */
    private static void addFonts(PdfBoxRenderer renderer) {
        PdfBoxFontResolver resolver = renderer.getFontResolver();
        PDDocument document = renderer.getPdfDocument();
        for (Face face : Face.values()) {
            PDFontSupplier font = face.supplier(document);
            for (IdentValue style : face.styles) {
                for (FontGroup group : List.of(FontGroup.MAIN, FontGroup.PRE_BUILT_IN_FALLBACK)) {
                    resolver.addFont(font, FONT_FAMILY, face.weight, style, true, group);
                }
            }
        }
    }

    /** The bundled faces of DejaVu Sans, in {@code classpath:fonts/}. */
    enum Face {
        REGULAR("DejaVuSans.ttf", 400, IdentValue.NORMAL),
        BOLD("DejaVuSans-Bold.ttf", 700, IdentValue.NORMAL),
        OBLIQUE("DejaVuSans-Oblique.ttf", 400, IdentValue.ITALIC, IdentValue.OBLIQUE),
        BOLD_OBLIQUE("DejaVuSans-BoldOblique.ttf", 700, IdentValue.ITALIC, IdentValue.OBLIQUE);

        private final String resource;
        private final int weight;
        private final List<IdentValue> styles;
        /** The font file, read once per JVM (2.7 MB for all four); parsed once per PDF that uses the face. */
        private volatile byte[] bytes;

        Face(String file, int weight, IdentValue... styles) {
            this.resource = FONT_FOLDER + file;
            this.weight = weight;
            this.styles = List.of(styles);
        }

        private byte[] bytes() {
            byte[] read = bytes;
            if (read == null) {
                try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("the font " + resource + " is missing from the classpath");
                    }
                    read = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read the font " + resource, e);
                }
                bytes = read;
            }
            return read;
        }

        /** Loads the face into the document the first time openhtmltopdf asks for it. */
        PDFontSupplier supplier(PDDocument document) {
            return new PDFontSupplier(null) {
                private PDFont font;

                @Override
                public synchronized PDFont supply() {
                    if (font == null) {
                        try {
                            font = PDType0Font.load(document, new ByteArrayInputStream(bytes()), true);
                        } catch (IOException e) {
                            throw new UncheckedIOException("could not load the font " + resource, e);
                        }
                    }
                    return font;
                }
            };
        }
    }

    private boolean mayLoad(String resolved, ExternalResourceType type) {
        boolean allowed = type != ExternalResourceType.FILE_EMBED
                && (resolved.startsWith(STATIC_ROOT) || resolved.startsWith("data:"));
        if (!allowed) {
            listener.refused(resolved);
        }
        return allowed;
    }

    /** A new PDF page; also where a cancelled rendering stops between pages. */
    private static PDPage newPage(PDDocument document, float width, float height,
            int pageNumber, int shadowPageNumber) {
        stopIfInterrupted();
        PDPage page = new PDPage(new PDRectangle(width, height));
        document.addPage(page);
        return page;
    }

    /**
     * Where a rendering whose time is up stops: the waiting caller has interrupted this worker thread, and
     * openhtmltopdf itself never looks at interruption.
     */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("PDF rendering stopped: its time was up");
        }
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /**
     * Resolves the URLs of a page: a path ({@code /css/print.css}), or a relative URL, becomes
     * {@code app-static:/css/print.css}; a {@code data:} URL stays as it is; anything else is refused (null), so it is
     * never opened.
     */
    private final class StaticResolver implements FSUriResolver {

        @Override
        public String resolveURI(String baseUri, String uri) {
            if (uri == null || uri.isBlank()) {
                return null;
            }
            String trimmed = uri.strip();
            if (trimmed.regionMatches(true, 0, "data:", 0, 5)) {
                return trimmed;
            }
            String resolved = resolveStatic(baseUri, trimmed);
            if (resolved == null) {
                listener.refused(trimmed);
                log.debug("PDF rendering ignores {}", trimmed);
            }
            return resolved;
        }

        private static String resolveStatic(String baseUri, String uri) {
            URI reference;
            try {
                reference = new URI(uri);
            } catch (URISyntaxException e) {
                return null;
            }
            if (reference.getScheme() != null && !STATIC_SCHEME.equalsIgnoreCase(reference.getScheme())
                    || reference.getRawAuthority() != null) {
                return null; // http:, https:, file:, ..., or a network-path reference (//host/path)
            }
            URI base = URI.create(baseUri != null && baseUri.startsWith(STATIC_ROOT) ? baseUri : STATIC_ROOT);
            URI resolved = base.resolve(reference).normalize();
            String path = resolved.getPath();
            String rawPath = resolved.getRawPath();
            if (path == null || rawPath == null || !path.startsWith("/") || path.endsWith("/")
                    || path.startsWith("/..") || path.contains("/../") || path.endsWith("/..")) {
                return null; // a folder, or outside static/
            }
            return STATIC_ROOT + rawPath.substring(1);
        }
    }

    /** Reads {@code app-static:/path} from the classpath folder {@code static/}. */
    private final class StaticStreams implements FSStreamFactory {

        @Override
        public FSStream getUrl(String uri) {
            String path = URI.create(uri).getPath();
            InputStream in = classLoader.getResourceAsStream(STATIC_CLASSPATH_FOLDER + path);
            if (in == null) {
                log.warn("PDF rendering: {} is not in classpath:{}/", path, STATIC_CLASSPATH_FOLDER);
            } else {
                listener.loaded(uri);
            }
            return new FSStream() {
                @Override
                public InputStream getStream() {
                    return in;
                }

                @Override
                public Reader getReader() {
                    return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
                }
            };
        }
    }

    /** Stands in for openhtmltopdf's own http, https, file and classpath loaders: opens nothing. */
    private final class RefusedStreams implements FSStreamFactory {

        @Override
        public FSStream getUrl(String uri) {
            listener.refused(uri);
            log.warn("PDF rendering refused to open {}", uri);
            return new FSStream() {
                @Override
                public InputStream getStream() {
                    return null;
                }

                @Override
                public Reader getReader() {
                    return null;
                }
            };
        }
    }

    /**
     * The line breaker openhtmltopdf uses by default, for the page's language, which also stops the layout when the
     * rendering's time is up ({@link #stopIfInterrupted}): it is called for every run of text.
     */
    private static final class StoppableLineBreaker implements FSTextBreaker {

        private final FSTextBreaker delegate;

        StoppableLineBreaker(FSTextBreaker delegate) {
            this.delegate = delegate;
        }

        @Override
        public int next() {
            return delegate.next();
        }

        @Override
        public void setText(String text) {
            stopIfInterrupted();
            delegate.setText(text);
        }
    }
}

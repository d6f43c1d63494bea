package org.sanctuaryscorecard.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.web.ContentCoding;
import org.sanctuaryscorecard.web.Readers;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public answers most read, kept whole in front of the application: a published scorecard, the map data, a
 * jurisdiction's JSON and its effective protection, as a reader who is not signed in gets them. The first such read
 * goes through the whole application (security, the page or the JSON, its headers) and its answer is kept, with a
 * gzipped copy; the next readers get the kept bytes and headers without the stack.
 *
 * <p>When a kept answer is used, and when not:
 * <ul>
 *   <li>only GET and HEAD of the paths in {@link #PATHS}, without an Authorization header, without the session cookie
 *       (anyone who may be signed in goes through the application), without HX-Request or Range;</li>
 *   <li>one answer per path and query, language (as the application resolves it), Accept header and day (answers
 *       that say "as of today");</li>
 *   <li>only while nothing was changed: every change is recorded in the audit trail ({@link AuditTrail#mark}), so a
 *       change made here is seen at once, one made by another instance sharing the database within
 *       {@code freshness}; and never longer than {@code ttl} (the Cache-Control max-age of the public API);</li>
 *   <li>only a 200 answer whose only cookie is the CSRF cookie, whose Cache-Control is not private, is kept; the CSRF
 *       cookie is not replayed (a kept answer holds no form);</li>
 *   <li>a client's {@code Cache-Control: no-cache} goes through the application and refreshes the kept answer;</li>
 *   <li>one request at a time makes an answer: when it was never kept or something changed, the other readers of the
 *       same answer wait for it (at most {@link #WAIT_MILLIS}); past its ttl with nothing changed, they get the kept one
 *       while it is made again (a crowd of readers would otherwise make the same answer all at once, and every
 *       reader would wait for the processors).</li>
 * </ul>
 * The application itself is asked without Accept-Encoding, so that it answers the plain bytes; they are gzipped here
 * once, as {@code server.compression} would (its types, from its minimum size), and sent to clients that accept gzip
 * with their own ETag and {@code Vary: Accept-Encoding}. If-None-Match is answered 304.
 */
final class PublicAnswers implements Filter {

    /** The public reads kept: a scorecard page, the map data, a jurisdiction's JSON and effective protection. */
    static final List<Pattern> PATHS = List.of(
            Pattern.compile("/assessments/[0-9]{1,18}"),
            Pattern.compile("/api(/v1)?/map"),
            Pattern.compile("/api(/v1)?/jurisdictions/[0-9A-Za-z]{1,15}"),
            Pattern.compile("/api(/v1)?/jurisdictions/[0-9A-Za-z]{1,15}/protection"),
            Pattern.compile("/api(/v1)?/protection"));

    /** How long a reader waits for the same answer being made by another request before making it itself. */
    static final long WAIT_MILLIS = 10_000;

    private static final Set<String> NOT_KEPT = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
            "content-encoding", "etag", "vary");

    /** What decides the answer, besides the data. */
    record Key(String path, String query, Locale locale, String accept, LocalDate day) {
    }

    /**
     * A kept answer: its headers in order (without cookies, date, length, encoding, ETag and Vary, written from the
     * fields), its plain bytes, and the gzipped ones when it is compressed.
     */
    record Answer(Key key, AuditTrail.Mark mark, long keptAt, String contentType, List<Map.Entry<String, String>> headers,
                  List<String> vary, String etag, byte[] plain, byte[] gzipped, AtomicBoolean refreshing) {

        long size() {
            return plain.length + (gzipped == null ? 0 : gzipped.length) + 512;
        }

        String gzipEtag() {
            return etag == null ? null : etag.endsWith("\"") ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag + "-gzip";
        }
    }

    /** Limits and timing, from {@code scorecard.public-answers.*}. */
    record Settings(int maxEntries, long maxBytes, int maxAnswerBytes, Duration ttl, Duration freshness, String sessionCookie,
                    Set<String> compressedTypes, int compressFrom) {
    }

    private final AuditTrail audit;
    private final LocaleResolver locales;
    private final Clock clock;
    private final Settings settings;
    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Key> order = new ConcurrentLinkedQueue<>();
    /** Answers being made now, by key: the other readers of the same key wait for them. */
    private final Map<Key, CompletableFuture<Answer>> making = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    PublicAnswers(AuditTrail audit, LocaleResolver locales, Clock clock, Settings settings) {
        this.audit = audit;
        this.locales = locales;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response) || !eligible(request)) {
            chain.doFilter(req, res);
            return;
        }
        boolean head = "HEAD".equals(request.getMethod());
        Key key = new Key(request.getRequestURI(), request.getQueryString(), locales.resolveLocale(request),
                request.getHeader(HttpHeaders.ACCEPT), LocalDate.now(clock));
        AuditTrail.Mark mark = audit.mark(settings.freshness());
        Answer kept = answers.get(key);
        boolean refresh = refreshAsked(request);
        boolean refreshingKept = false;
        CompletableFuture<Answer> leading = null;
        if (kept != null && !refresh && kept.mark().equals(mark)) {
            // Nothing changed. Past its ttl, one request makes it again while the others still get it: the data are
            // the same, and a crowd of readers does not make the same answer thirty times at once.
            if (!expired(kept) || head || !kept.refreshing().compareAndSet(false, true)) {
                hits.incrementAndGet();
                write(kept, request, response, head);
                return;
            }
            refreshingKept = true;
        } else if (!head && !refresh) {
            // Something changed, or it was never kept: one request makes it, the others with the same key wait for it.
            CompletableFuture<Answer> mine = new CompletableFuture<>();
            CompletableFuture<Answer> first = making.putIfAbsent(key, mine);
            if (first == null) {
                leading = mine;
            } else {
                Answer made = await(first);
                if (made != null && made.mark().equals(mark)) {
                    hits.incrementAndGet();
                    write(made, request, response, false);
                    return;
                }
            }
        }
        if (head) {
            chain.doFilter(request, response);
            return;
        }
        misses.incrementAndGet();
        Answer made = null;
        try {
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
            chain.doFilter(new WithoutAcceptEncoding(request), buffer);
            made = keepable(request, key, mark, buffer);
            if (made == null) {
                buffer.copyBodyToResponse();
                return;
            }
            keep(made);
            // The application's own headers are on the answer already: only what depends on the coding is written now.
            buffer.resetBuffer();
            if (made.gzipped() != null && !variesByEncoding(response.getHeaders(HttpHeaders.VARY))) {
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            }
            writeCoding(made, request, response, false);
        } finally {
            if (leading != null) {
                making.remove(key, leading);
                leading.complete(made);
            }
            if (refreshingKept && made == null) {
                forget(kept); // made again, it may no longer be kept: the old one is not shown past its time
            }
        }
    }

    /** The answer another request is making for the same key, waited for at most {@link #WAIT_MILLIS}; null if none. */
    private static Answer await(CompletableFuture<Answer> first) {
        try {
            return first.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private boolean expired(Answer answer) {
        return System.nanoTime() - answer.keptAt() >= settings.ttl().toNanos();
    }

    private boolean eligible(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        Authentication already = SecurityContextHolder.getContext().getAuthentication();
        if (already != null && !(already instanceof AnonymousAuthenticationToken)) {
            return false; // someone signed in before this filter: only tests do that (a server learns it from the request)
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader("HX-Request") != null
                || request.getHeader(HttpHeaders.RANGE) != null) {
            return false;
        }
        String cookies = request.getHeader(HttpHeaders.COOKIE);
        if (cookies != null && cookies.contains(settings.sessionCookie() + "=")) {
            return false;
        }
        String path = request.getRequestURI();
        if (!request.getContextPath().isEmpty()) {
            return false;
        }
        for (Pattern pattern : PATHS) {
            if (pattern.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean refreshAsked(HttpServletRequest request) {
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        String pragma = request.getHeader(HttpHeaders.PRAGMA);
        return (cacheControl != null && (cacheControl.contains("no-cache") || cacheControl.contains("max-age=0")))
                || (pragma != null && pragma.contains("no-cache"));
    }

    /** The answer as kept, or null when it may not be kept. */
    private Answer keepable(HttpServletRequest request, Key key, AuditTrail.Mark mark, ContentCachingResponseWrapper buffer) {
        HttpServletResponse response = (HttpServletResponse) buffer.getResponse();
        if (request.getAttribute(Readers.SIGNED_IN) != null || buffer.getStatus() != HttpServletResponse.SC_OK || buffer.getContentSize() > settings.maxAnswerBytes()
                || response.isCommitted() || buffer.getContentType() == null) {
            return null;
        }
        for (String cookie : response.getHeaders(HttpHeaders.SET_COOKIE)) {
            if (!cookie.startsWith("XSRF-TOKEN=")) {
                return null;
            }
        }
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && (cacheControl.contains("private") || cacheControl.contains("no-store")
                && key.path().startsWith("/api/"))) {
            return null;
        }
        if (response.getHeader(HttpHeaders.CONTENT_ENCODING) != null) {
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        List<String> vary = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("vary")) {
                vary.addAll(response.getHeaders(name));
            }
            if (NOT_KEPT.contains(lower) || lower.equals("content-type")) {
                continue;
            }
            for (String value : response.getHeaders(name)) {
                headers.add(Map.entry(name, value));
            }
        }
        byte[] plain = buffer.getContentAsByteArray();
        String type = buffer.getContentType();
        String bareType = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        byte[] gzipped = settings.compressedTypes().contains(bareType) && plain.length >= settings.compressFrom()
                ? ContentCoding.gzip(plain) : null;
        if (gzipped != null && !variesByEncoding(vary)) {
            vary.add(HttpHeaders.ACCEPT_ENCODING);
        }
        return new Answer(key, mark, System.nanoTime(), type, List.copyOf(headers), List.copyOf(vary),
                response.getHeader(HttpHeaders.ETAG), plain, gzipped, new AtomicBoolean());
    }

    private void keep(Answer answer) {
        Answer before = answers.put(answer.key(), answer);
        bytes.addAndGet(answer.size() - (before == null ? 0 : before.size()));
        if (before == null) {
            order.add(answer.key());
        }
        while (answers.size() > settings.maxEntries() || bytes.get() > settings.maxBytes()) {
            Key oldest = order.poll();
            if (oldest == null) {
                break;
            }
            Answer gone = answers.remove(oldest);
            if (gone != null) {
                bytes.addAndGet(-gone.size());
            }
        }
    }

    /** A kept answer, whole: status, the application's headers as they were, then what depends on the request. */
    private void write(Answer answer, HttpServletRequest request, HttpServletResponse response, boolean head) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(answer.contentType());
        for (Map.Entry<String, String> header : answer.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        for (String vary : answer.vary()) {
            response.addHeader(HttpHeaders.VARY, vary);
        }
        writeCoding(answer, request, response, head);
    }

    /** ETag (or 304), Content-Encoding, the length and the bytes: plain or gzipped, as the client accepts. */
    private void writeCoding(Answer answer, HttpServletRequest request, HttpServletResponse response, boolean head)
            throws IOException {
        boolean gzip = answer.gzipped() != null && ContentCoding.acceptsGzip(acceptEncoding(request));
        String etag = gzip ? answer.gzipEtag() : answer.etag();
        if (etag != null) {
            response.setHeader(HttpHeaders.ETAG, etag);
            if (new ServletWebRequest(request, response).checkNotModified(etag)) {
                return; // 304, If-None-Match compared weakly, as Spring does for the application's own answers
            }
        }
        byte[] body = gzip ? answer.gzipped() : answer.plain();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!head && body.length > response.getBufferSize()) {
            response.setBufferSize(body.length); // one write to the socket, not one per 8 KB
        }
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    /** Whether Vary values (as the application wrote them) already name Accept-Encoding. */
    private static boolean variesByEncoding(java.util.Collection<String> vary) {
        return vary.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("accept-encoding"));
    }

    private static String acceptEncoding(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        return values == null || !values.hasMoreElements() ? null : String.join(",", Collections.list(values));
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    int size() {
        return answers.size();
    }

    long bytes() {
        return bytes.get();
    }

    private void forget(Answer answer) {
        if (answers.remove(answer.key(), answer)) {
            bytes.addAndGet(-answer.size());
        }
    }

    void clear() {
        answers.clear();
        order.clear();
        bytes.set(0);
    }

    /** The request as the application sees it on a miss: without Accept-Encoding, so that it answers plain bytes. */
    private static final class WithoutAcceptEncoding extends HttpServletRequestWrapper {

        WithoutAcceptEncoding(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String name : Collections.list(super.getHeaderNames())) {
                if (!HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)) {
                    names.add(name);
                }
            }
            return Collections.enumeration(names);
        }
    }
}

package org.sanctuaryscorecard.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The public answers kept in front of the application, on a real server: a kept answer is the application's own (the
 * same bytes and headers as the application answers with the cache left out), gzipped once with its own ETag, a
 * change is seen at once, a change made by another instance within the freshness, and nothing made for a signed-in
 * person is kept or handed to them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "scorecard.public-answers.freshness=100ms")
@ActiveProfiles("test")
class PublicAnswersTest {

    /** Headers that differ between two answers of the same content: the moment, and the CSRF cookie set anew. */
    private static final Set<String> PER_ANSWER = Set.of("date", "set-cookie", "keep-alive", "connection");

    @LocalServerPort
    int port;

    @Autowired
    PublicAnswers answers;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    LocaleResolver localeResolver;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private Organization organization;

    @BeforeEach
    void members() {
        organization = Members.standard(accounts);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, List<String>> comparable(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!PER_ANSWER.contains(name.toLowerCase())) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }

    private static byte[] gunzip(byte[] bytes) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private long published(String geoid, String title) {
        long id = assessments.create(geoid, organization.id(), title, "Ana", "2026-09-01", "A").id();
        assessments.saveAnswer(id, "question.detainers.formal-policy", 0, "Y", "The sheriff's written policy.", "A");
        assessments.setStatus(id, assessments.get(id).version("status"), "in-review", null, "A");
        assessments.setStatus(id, assessments.get(id).version("status"), "published", null, "A");
        return id;
    }

    @Test
    void aKeptAnswerIsTheApplicationsOwnAnswerByteForByteAndHeaderForHeader() throws Exception {
        for (String path : List.of("/api/map?level=county", "/api/v1/jurisdictions/06085", "/api/protection?level=state",
                "/assessments/" + published("13063", "Clayton County kept"))) {
            // Range is never served from the kept answers: this is the application's own answer, as without the cache
            HttpResponse<byte[]> own = get(path, "Range", "bytes=0-");
            HttpResponse<byte[]> first = get(path);
            long hits = answers.hits();
            HttpResponse<byte[]> kept = get(path);
            assertThat(answers.hits()).as(path).isEqualTo(hits + 1);
            assertThat(own.statusCode()).as(path).isEqualTo(200);
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).as(path).isEqualTo(own.body()).isEqualTo(first.body());
            assertThat(comparable(kept)).as(path).isEqualTo(comparable(first));
            Map<String, List<String>> ownHeaders = comparable(own);
            Map<String, List<String>> keptHeaders = comparable(kept);
            if (kept.body().length >= 2048) {
                // a kept answer that can be gzipped says that it varies by Accept-Encoding, as the application's
                // compression would
                assertThat(String.join(",", keptHeaders.get("vary"))).containsIgnoringCase("Accept-Encoding");
                ownHeaders.remove("vary");
                keptHeaders.remove("vary");
            }
            assertThat(keptHeaders).as(path).isEqualTo(ownHeaders);
            assertThat(keptHeaders).containsKeys("content-security-policy", "x-content-type-options", "x-frame-options",
                    "referrer-policy", "cache-control", "content-type");
        }
    }

    @Test
    void gzipIsMadeOnceWithItsOwnEtagAndIfNoneMatchGets304() throws Exception {
        HttpResponse<byte[]> plain = get("/api/map?level=county&layer=protection");
        HttpResponse<byte[]> zipped = get("/api/map?level=county&layer=protection", "Accept-Encoding", "gzip, deflate");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
        assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(zippedTag).isNotEqualTo(plainTag).isEqualTo(plainTag.substring(0, plainTag.length() - 1) + "-gzip\"");

        HttpResponse<byte[]> notModified = get("/api/map?level=county&layer=protection", "Accept-Encoding", "gzip",
                "If-None-Match", zippedTag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(get("/api/map?level=county&layer=protection", "If-None-Match", plainTag).statusCode()).isEqualTo(304);
        // the other coding's tag does not match
        assertThat(get("/api/map?level=county&layer=protection", "If-None-Match", zippedTag).statusCode()).isEqualTo(200);
        // gzip refused by name
        assertThat(get("/api/map?level=county&layer=protection", "Accept-Encoding", "gzip;q=0").headers()
                .firstValue("Content-Encoding")).isEmpty();

        // HEAD: the kept answer's headers and length, no body
        HttpResponse<byte[]> head = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/map?level=county&layer=protection")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(plain.body().length);
    }

    @Test
    void aChangeIsSeenAtOnceAndADraftIsNeverShownToReadersNotSignedIn() throws Exception {
        long id = published("13151", "Henry County kept");
        String path = "/assessments/" + id;
        assertThat(get(path).statusCode()).isEqualTo(200);
        long hits = answers.hits();
        assertThat(new String(get(path).body(), StandardCharsets.UTF_8)).contains("Henry County kept");
        assertThat(answers.hits()).isEqualTo(hits + 1);

        // back to draft: the next reader not signed in is sent to sign in, not shown the kept page
        assessments.setStatus(id, assessments.get(id).version("status"), "draft", "A correction is needed.", "A");
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> refused = get(path);
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }

        // edited and published again: the new content, at once
        assessments.saveAnswer(id, "question.detainers.formal-policy", assessments.get(id).version("answer/question.detainers.formal-policy"), "N",
                "Rescinded in October.", "A");
        assessments.setStatus(id, assessments.get(id).version("status"), "in-review", null, "A");
        assessments.setStatus(id, assessments.get(id).version("status"), "published", null, "A");
        String page = new String(get(path).body(), StandardCharsets.UTF_8);
        assertThat(page).contains("Rescinded in October.");
        assertThat(new String(get(path).body(), StandardCharsets.UTF_8)).isEqualTo(page);
    }

    @Test
    void aChangeMadeByAnotherInstanceIsSeenWithinTheFreshness() throws Exception {
        String path = "/api/jurisdictions/06087/protection";
        get(path);
        long hits = answers.hits();
        get(path);
        assertThat(answers.hits()).isEqualTo(hits + 1);
        // another instance sharing the database records a change: this one has not seen it
        jdbc.sql("INSERT INTO audit_event (at, actor_name, target_type, target_id, action) VALUES (CURRENT_TIMESTAMP, "
                + "'other instance', 'policy', '0', 'policy.updated')").update();
        Thread.sleep(300); // the freshness is 100 ms here
        long misses = answers.misses();
        get(path);
        assertThat(answers.misses()).isEqualTo(misses + 1);
    }

    @Test
    void nothingMadeForASignedInPersonIsKeptOrHandedToThem() throws Exception {
        long draft = assessments.create("13089", organization.id(), "DeKalb draft", "Ana", "2026-09-01", "A").id();
        String basic = "Basic " + Base64.getEncoder().encodeToString((Members.EDITOR + ":" + Members.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        long misses = answers.misses();
        long hits = answers.hits();
        HttpResponse<byte[]> own = get("/assessments/" + draft, "Authorization", basic);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(new String(own.body(), StandardCharsets.UTF_8)).contains("DeKalb draft");
        assertThat(get("/assessments/" + draft).statusCode()).isEqualTo(302); // to sign in

        // a published page and the API, signed in: made for them, never from or into the kept answers
        long published = published("13067", "Cobb County kept");
        get("/assessments/" + published);
        HttpResponse<byte[]> signedIn = get("/api/jurisdictions/13067", "Authorization", basic);
        assertThat(signedIn.headers().firstValue("Cache-Control")).contains("private, no-store");
        HttpResponse<byte[]> page = get("/assessments/" + published, "Authorization", basic);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains(Members.EDITOR);
        // a session cookie, even a stale one, goes through the application
        get("/assessments/" + published, "Cookie", "SESSION=c3RhbGU=");
        assertThat(answers.hits()).isEqualTo(hits);
        // the anonymous reads above: the draft's refusal is not kept, the published page is
        assertThat(answers.misses()).isEqualTo(misses + 2);
        HttpResponse<byte[]> anonymous = get("/assessments/" + published);
        assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).doesNotContain(Members.EDITOR);
        assertThat(answers.hits()).isEqualTo(hits + 1);
    }

    @Test
    void theKeptAnswersAreBoundedInNumberAndBytes() throws Exception {
        PublicAnswers small = new PublicAnswers(audit, localeResolver, Clock.systemUTC(), new PublicAnswers.Settings(3, 1_000_000,
                100_000, Duration.ofSeconds(60), Duration.ofSeconds(1), "SESSION", Set.of("application/json"), 2048));
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/jurisdictions/0" + i);
            MockHttpServletResponse response = new MockHttpServletResponse();
            byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            small.doFilter(request, response, (req, res) -> {
                res.setContentType("application/json");
                res.getOutputStream().write(body);
            });
            assertThat(response.getContentAsByteArray()).isEqualTo(body);
            assertThat(small.size()).isLessThanOrEqualTo(3);
        }
        assertThat(small.size()).isEqualTo(3);

        // over the size of one answer: answered, not kept
        PublicAnswers tiny = new PublicAnswers(audit, localeResolver, Clock.systemUTC(), new PublicAnswers.Settings(3, 1_000_000,
                10, Duration.ofSeconds(60), Duration.ofSeconds(1), "SESSION", Set.of("application/json"), 2048));
        MockHttpServletResponse response = new MockHttpServletResponse();
        tiny.doFilter(new MockHttpServletRequest("GET", "/api/map"), response, (req, res) -> {
            res.setContentType("application/json");
            res.getOutputStream().write("{\"layer\":\"a long answer\"}".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(response.getContentAsString()).isEqualTo("{\"layer\":\"a long answer\"}");
        assertThat(tiny.size()).isZero();

        // over the bytes of all: the first kept go first
        PublicAnswers few = new PublicAnswers(audit, localeResolver, Clock.systemUTC(), new PublicAnswers.Settings(100, 1_700,
                100_000, Duration.ofSeconds(60), Duration.ofSeconds(1), "SESSION", Set.of("application/json"), 100_000));
        for (int i = 0; i < 5; i++) {
            few.doFilter(new MockHttpServletRequest("GET", "/api/jurisdictions/1" + i), new MockHttpServletResponse(), (req, res) -> {
                res.setContentType("application/json");
                res.getOutputStream().write(new byte[300]);
            });
        }
        assertThat(few.size()).isEqualTo(2); // 812 bytes each as counted (the body and 512 for the rest)
        assertThat(few.bytes()).isLessThanOrEqualTo(1_700);
        Actor.clear();
    }

    @Test
    void oneRequestMakesAnAnswerWhileTheOthersWaitForIt() throws Exception {
        String path = "/api/map?level=county&asOf=2023-03-0" + (1 + (int) (answers.misses() % 9));
        long misses = answers.misses();
        long hits = answers.hits();
        int readers = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(readers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<byte[]>>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < readers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return get(path);
                }));
            }
            start.countDown();
            byte[] first = null;
            for (var reply : replies) {
                HttpResponse<byte[]> r = reply.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                first = first == null ? r.body() : first;
                assertThat(r.body()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers.misses()).as("made once for %d readers at the same moment", readers).isEqualTo(misses + 1);
        assertThat(answers.hits()).isEqualTo(hits + readers - 1);
    }

    @Test
    void pastItsTimeWithNothingChangedOneRequestMakesItAgainWhileTheOthersGetTheKeptOne() throws Exception {
        PublicAnswers quick = new PublicAnswers(audit, localeResolver, Clock.systemUTC(), new PublicAnswers.Settings(10, 1_000_000,
                100_000, Duration.ZERO, Duration.ofSeconds(1), "SESSION", Set.of("application/json"), 2048));
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch making = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        jakarta.servlet.FilterChain application = (req, res) -> {
            int n = made.incrementAndGet();
            if (n == 2) { // the second making: hold it until the other reader has been answered
                making.countDown();
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            res.setContentType("application/json");
            res.getOutputStream().write(("{\"made\":" + n + "}").getBytes(StandardCharsets.UTF_8));
        };
        MockHttpServletResponse first = new MockHttpServletResponse();
        quick.doFilter(new MockHttpServletRequest("GET", "/api/map"), first, application);
        assertThat(first.getContentAsString()).isEqualTo("{\"made\":1}");
        // the ttl (0 here) is past: this request makes it again ...
        MockHttpServletResponse again = new MockHttpServletResponse();
        Thread refreshing = new Thread(() -> {
            try {
                quick.doFilter(new MockHttpServletRequest("GET", "/api/map"), again, application);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        refreshing.start();
        assertThat(making.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // ... while another reader gets the kept one at once
        MockHttpServletResponse meanwhile = new MockHttpServletResponse();
        quick.doFilter(new MockHttpServletRequest("GET", "/api/map"), meanwhile, application);
        assertThat(meanwhile.getContentAsString()).isEqualTo("{\"made\":1}");
        release.countDown();
        refreshing.join(10_000);
        assertThat(again.getContentAsString()).isEqualTo("{\"made\":2}");
        assertThat(made.get()).isEqualTo(2);
        Actor.clear();
    }

    @Test
    void jsonAnswersThatAreNotKeptAreGzippedByTheServerWithTheirWeakEtag() throws Exception {
        // the effective protection of every county: over the size of a kept answer, made each time, 10 MB plain
        String path = "/api/protection?level=county";
        HttpResponse<byte[]> zipped = get(path, "Accept-Encoding", "gzip");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        String etag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        byte[] plain = gunzip(zipped.body());
        assertThat(plain.length).isGreaterThan(4_000_000);
        assertThat(zipped.body().length).isLessThan(plain.length / 5);
        assertThat(get(path, "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode()).isEqualTo(304);
        // the open-data files too, streamed with their own weak ETag
        HttpResponse<byte[]> csv = get("/downloads/protection.csv", "Accept-Encoding", "gzip");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(csv.headers().firstValue("ETag").orElseThrow()).startsWith("W/\"");
        assertThat(new String(gunzip(csv.body()), StandardCharsets.UTF_8)).contains("provision");
        // and the framework, not kept either
        HttpResponse<byte[]> framework = get("/api/framework", "Accept-Encoding", "gzip");
        assertThat(framework.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(new String(gunzip(framework.body()), StandardCharsets.UTF_8)).contains("\"criteria\"");
    }
}

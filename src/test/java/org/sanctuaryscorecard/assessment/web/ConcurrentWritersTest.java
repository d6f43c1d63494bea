package org.sanctuaryscorecard.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.framework.Framework;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 50 writers make 2,000 answer updates in all through the real JSON API (a server on a random port, HTTP Basic on
 * every request), crowded onto 20 answers so that many are stale; after a 409 a writer saves again from the version
 * it was given, as a person does who reloads. Afterwards: every update the server acknowledged
 * (200) is in the database as the revision it named, with the values sent, and in the audit trail, by its writer;
 * every refused one got 409 with the conflict message and left no trace; the revisions replay exactly to the stored
 * answers. 0 lost. Runs on H2, and on PostgreSQL in CI's second pass.
 *
 * <p>The writers' passwords are stored as bcrypt hashes of cost 4 instead of 10, so that the test measures saving, not
 * password hashing (at cost 10 each request spends about 50 ms in bcrypt): the same encoder, filter and queries
 * check them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentWritersTest {

    private static final int WRITERS = 50;
    private static final int UPDATES = 2_000;
    private static final int ASSESSMENTS = 5;
    private static final int QUESTIONS = 4;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Assessments assessments;

    @Autowired
    AuditTrail audit;

    @Autowired
    Framework framework;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    Environment environment;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /** An update the server acknowledged: the answer's new version is the revision that holds it. */
    record Acknowledged(Account writer, long assessment, String question, String answer, String token, int version) {
    }

    /** An update the server refused as stale. */
    record Refused(Account writer, long assessment, String question, String token, int sentVersion, JsonNode reply) {
    }

    /** Anything else: there must be none. */
    record Unexpected(int status, String body) {
    }

    @Test
    void fiftyWritersMakeTwoThousandUpdatesAndNoAcknowledgedOneIsLost() throws Exception {
        Organization organization = Members.organization(accounts, "concurrency-test", "Concurrency Test");
        List<Account> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(Members.member(accounts, organization, String.format("writer-%02d", w), Role.EDITOR));
        }
        String cheap = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(Members.PASSWORD);
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username LIKE 'writer-%'", cheap);
        List<Long> ids = new ArrayList<>();
        for (int a = 0; a < ASSESSMENTS; a++) {
            ids.add(Members.as(writers.get(0), () -> assessments.create("06001", organization.id(), "Concurrency", "Writers",
                    "2026-11-01", "Writers")).id());
        }
        Map<String, List<String>> questions = questions();

        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Refused> refused = Collections.synchronizedList(new ArrayList<>());
        List<Unexpected> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Account writer = writers.get(w);
            int index = w;
            running.add(pool.submit(() -> {
                Random random = new Random(index);
                Map<String, Integer> known = new HashMap<>();
                long id = 0;
                String question = null;
                boolean retry = false;
                start.await();
                for (int u = 0; u < UPDATES / WRITERS; u++) {
                    if (!retry) {
                        // a new answer to change; after a conflict, the same one again from the version the 409 gave,
                        // as a person does who reloads and saves again
                        id = ids.get(random.nextInt(ids.size()));
                        List<String> names = new ArrayList<>(questions.keySet());
                        question = names.get(random.nextInt(names.size()));
                    }
                    List<String> codes = questions.get(question);
                    String answer = codes.get(random.nextInt(codes.size()));
                    String token = String.format("%s update %02d: %s", writer.username(), u, answer);
                    String item = id + "/" + question;
                    int version = known.getOrDefault(item, 0);
                    long sent = System.nanoTime();
                    HttpResponse<String> response = put(writer, id, question, answer, token, version);
                    latencies.add(System.nanoTime() - sent);
                    JsonNode reply = response.body().isEmpty() ? null : json.readTree(response.body());
                    if (response.statusCode() == 200) {
                        int saved = reply.path("version").asInt();
                        acknowledged.add(new Acknowledged(writer, id, question, answer, token, saved));
                        known.put(item, saved);
                        retry = false;
                    } else if (response.statusCode() == 409) {
                        refused.add(new Refused(writer, id, question, token, version, reply));
                        known.put(item, reply.path("currentVersion").asInt());
                        retry = true;
                    } else {
                        unexpected.add(new Unexpected(response.statusCode(), response.body()));
                    }
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> writer : running) {
            writer.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();

        assertThat(unexpected).as("answers other than 200 and 409").isEmpty();
        assertThat(acknowledged.size() + refused.size()).isEqualTo(UPDATES);
        assertThat(acknowledged).hasSizeGreaterThan(ASSESSMENTS * QUESTIONS);
        assertThat(refused).as("crowded onto 20 answers, many updates are stale").isNotEmpty();

        Set<String> stored = everyAcknowledgedUpdateIsStoredAsItsRevision(ids, acknowledged);
        List<String> recorded = everyAcknowledgedUpdateIsInTheAuditTrail(organization, ids, acknowledged);
        for (Refused r : refused) {
            JsonNode reply = r.reply();
            assertThat(reply.path("status").asInt()).isEqualTo(409);
            assertThat(reply.path("item").asString()).isEqualTo("answer/" + r.question());
            assertThat(reply.path("yourVersion").asInt()).isEqualTo(r.sentVersion());
            assertThat(reply.path("currentVersion").asInt()).isNotEqualTo(r.sentVersion());
            assertThat(reply.path("message").asString()).isEqualTo(messages.getMessage("assessment.conflict",
                    new Object[] {reply.path("editor").asString(), WHEN.format(Instant.parse(reply.path("changedAt").asString()))},
                    Locale.ENGLISH));
            assertThat(stored).as("a refused update changed nothing").doesNotContain(r.token());
            assertThat(recorded).as("a refused update is not in the audit trail").noneMatch(after -> after.contains(r.token()));
        }

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "Concurrent writers (%s, HTTP API with Basic authentication): %d writers, %d updates, "
                        + "%d acknowledged, %d conflicts (409), 0 lost, %d other answers; %.1f s, %.0f updates/s, latency median %.1f ms, "
                        + "p95 %.1f ms%n", database(), WRITERS, UPDATES, acknowledged.size(), refused.size(), unexpected.size(), seconds,
                UPDATES / seconds, sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 95 / 100) / 1e6);
    }

    private HttpResponse<String> put(Account writer, long id, String question, String answer, String explanation, int version)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answer", answer);
        body.put("explanation", explanation);
        body.put("version", version);
        String basic = Base64.getEncoder().encodeToString((writer.username() + ":" + Members.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assessments/" + id + "/answers/" + question))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Accept-Language", "en").timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Replays each assessment's revisions from its changes: every acknowledged update is the revision it was given,
     * made by its writer, holding exactly the values sent; there is one revision per acknowledged update and no
     * other; the replay ends at the stored fields (no half-written revision). Returns every value ever stored.
     */
    private Set<String> everyAcknowledgedUpdateIsStoredAsItsRevision(List<Long> ids, List<Acknowledged> acknowledged) {
        Set<String> values = new HashSet<>();
        for (long id : ids) {
            Map<Integer, Acknowledged> byRevision = new HashMap<>();
            acknowledged.stream().filter(a -> a.assessment() == id).forEach(a ->
                    assertThat(byRevision.put(a.version(), a)).as("two acknowledgements of revision %d", a.version()).isNull());
            List<Map<String, Object>> revisions = jdbc.queryForList(
                    "SELECT number, actor_id FROM assessment_revision WHERE assessment_id = ? ORDER BY number", id);
            assertThat(revisions).as("revisions of assessment %d: its creation and one per acknowledged update", id)
                    .hasSize(1 + byRevision.size());
            Map<Integer, Map<String, String>> changes = new HashMap<>();
            for (Map<String, Object> change : jdbc.queryForList(
                    "SELECT revision, field, new_value FROM assessment_change WHERE assessment_id = ?", id)) {
                changes.computeIfAbsent(((Number) change.get("revision")).intValue(), r -> new HashMap<>())
                        .put((String) change.get("field"), (String) change.get("new_value"));
                values.add(String.valueOf(change.get("new_value")));
            }
            Map<String, String> fields = new HashMap<>();
            for (Map<String, Object> revision : revisions) {
                int number = ((Number) revision.get("number")).intValue();
                assertThat(changes.get(number)).as("revision %d of %d changes something", number, id).isNotEmpty();
                changes.get(number).forEach((field, value) -> {
                    if (value == null) {
                        fields.remove(field);
                    } else {
                        fields.put(field, value);
                    }
                });
                if (number == 1) {
                    continue;
                }
                Acknowledged update = byRevision.get(number);
                assertThat(update).as("revision %d of %d was acknowledged to a writer", number, id).isNotNull();
                String prefix = "answer/" + update.question() + "/";
                assertThat(changes.get(number).keySet()).as("revision %d changes only its answer", number).allMatch(f -> f.startsWith(prefix));
                assertThat(fields).containsEntry(prefix + "value", update.answer()).containsEntry(prefix + "explanation", update.token());
                assertThat(((Number) revision.get("actor_id")).longValue()).isEqualTo(update.writer().id());
            }
            Map<String, String> current = new HashMap<>();
            jdbc.queryForList("SELECT field, field_value FROM assessment_field WHERE assessment_id = ?", id)
                    .forEach(row -> current.put((String) row.get("field"), (String) row.get("field_value")));
            assertThat(current).as("the stored fields of %d are the replay of its revisions", id).isEqualTo(fields);
        }
        return values;
    }

    /** Each acknowledged update is one "save" event of its revision, by its writer, with the value sent. Returns every event's "after". */
    private List<String> everyAcknowledgedUpdateIsInTheAuditTrail(Organization organization, List<Long> ids, List<Acknowledged> acknowledged) {
        Map<String, AuditEvent> saves = new HashMap<>();
        List<String> text = new ArrayList<>();
        audit.each(organization.id(), event -> {
            text.add(String.valueOf(event.after()));
            String assessment = event.targetId().split("/")[0];
            if (event.targetType().equals("assessment") && event.action().equals("save") && ids.contains(Long.parseLong(assessment))) {
                assertThat(saves.put(event.targetId(), event)).as("one event per revision").isNull();
            }
        });
        assertThat(saves).hasSize(acknowledged.size());
        for (Acknowledged update : acknowledged) {
            AuditEvent event = saves.get(update.assessment() + "/" + update.version());
            assertThat(event).as("audit event of %d/%d", update.assessment(), update.version()).isNotNull();
            assertThat(event.actorId()).isEqualTo(update.writer().id());
            assertThat(event.after()).contains(update.token());
        }
        return text;
    }

    /** The first questions of the framework's criteria, with the answers each allows. */
    private Map<String, List<String>> questions() {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (Framework.Criterion criterion : framework.criteria()) {
            List<String> codes = framework.answerSet(criterion.answerSet()).orElseThrow().options().stream()
                    .map(Framework.AnswerOption::code).toList();
            for (Framework.CriterionQuestion question : criterion.questions()) {
                if (chosen.size() < QUESTIONS) {
                    chosen.put(question.id(), codes);
                }
            }
        }
        return chosen;
    }

    private String database() {
        return environment.getRequiredProperty("spring.datasource.url").startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
    }
}

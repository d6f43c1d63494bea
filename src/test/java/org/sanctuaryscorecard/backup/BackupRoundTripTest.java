package org.sanctuaryscorecard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryscorecard.ScorecardApplication;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.correction.Corrections;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.sanctuaryscorecard.backup.internal.BackupTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup made through the download pages and restored with the command line ({@code backup import}, which starts the
 * application on a new database, as an operator would) gives the same data, table by table and row by row, ids
 * included: the whole installation, and one organization, whose backup holds nothing of the others. Runs against
 * whichever database the tests use (H2, or PostgreSQL in CI's second pass, where the new database is a new schema).
 */
@ScorecardWebTest
class BackupRoundTripTest {

    /** What an organization's backup holds, said here independently of BackupTables: the rows that are the organization's. */
    private static final Map<String, String> ORGANIZATION_ROWS = organizationRows();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Assessments assessments;

    @Autowired
    SecondCoding secondCoding;

    @Autowired
    Corrections corrections;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @TempDir
    Path folder;

    @BeforeEach
    void data() {
        BackupData.ensure(accounts, assessments, secondCoding, corrections, jdbcClient);
    }

    @Test
    @WithUserDetails(value = BackupData.SITE_ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theWholeInstallationRestoresIntoANewDatabaseRowForRow() throws Exception {
        long started = System.nanoTime();
        Path file = download("/admin/backup", "installation");
        Map<String, List<Map<String, Object>>> source = everything(jdbc);

        try (FreshDatabase target = FreshDatabase.like(environment)) {
            CommandRun restore = importWithTheCommandLine(file, target);
            assertThat(restore.code()).as(restore.err()).isZero();
            assertThat(restore.out()).contains("Restored", "a backup of the whole installation");

            Map<String, List<Map<String, Object>>> restored = everything(target.jdbc());
            long compared = 0;
            for (BackupTables.Table table : BackupTables.ALL) {
                List<Map<String, Object>> rows = restored.get(table.name());
                if (table.name().equals("audit_event")) {
                    // the restore itself is recorded, after everything the backup held
                    assertThat(rows.get(rows.size() - 1)).containsEntry("target_type", "backup").containsEntry("action", "restore")
                            .containsEntry("target_id", "installation");
                    rows = rows.subList(0, rows.size() - 1);
                }
                assertThat(rows).as(table.name()).containsExactlyElementsOf(source.get(table.name()));
                compared += rows.size();
            }
            assertThat(source.get("organization")).hasSizeGreaterThanOrEqualTo(4);
            assertThat(source.get("evidence_file")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(source.get("app_setting")).isNotEmpty();

            // a second restore into it is refused and changes nothing
            CommandRun again = importWithTheCommandLine(file, target);
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).contains("Not restored: this database is in use", "accounts", "Nothing was changed.");
            assertThat(everything(target.jdbc())).isEqualTo(restored);

            System.out.printf("Backup round trip (whole installation, %s): %d tables, %d rows compared one by one, identical; "
                            + "backup %,d bytes; %.1f s%n", database(), BackupTables.ALL.size(), compared, Files.size(file),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    @Test
    @WithUserDetails(value = BackupData.ALPHA_ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void anOrganizationsBackupHoldsNothingOfTheOthersAndRestoresItsRows() throws Exception {
        long started = System.nanoTime();
        long alpha = accounts.organization(BackupData.ALPHA).orElseThrow().id();
        Path file = download("/organizations/" + BackupData.ALPHA + "/backup", BackupData.ALPHA);
        Map<String, List<Map<String, Object>>> source = organization(jdbc, alpha);

        holdsOnlyTheOrganization(file, alpha, source);

        try (FreshDatabase target = FreshDatabase.like(environment)) {
            CommandRun restore = importWithTheCommandLine(file, target);
            assertThat(restore.code()).as(restore.err()).isZero();
            assertThat(restore.out()).contains("a backup of the organization " + BackupData.ALPHA);

            Map<String, List<Map<String, Object>>> restored = organization(target.jdbc(), alpha);
            long compared = 0;
            for (String table : ORGANIZATION_ROWS.keySet()) {
                List<Map<String, Object>> rows = restored.get(table);
                List<Map<String, Object>> expected = source.get(table);
                if (table.equals("app_user")) {
                    // the documented difference: password hashes stay behind; restored accounts get one no password matches
                    assertThat(rows).allSatisfy(row -> assertThat((String) row.get("password_hash")).startsWith("{bcrypt}"));
                    assertThat(rows).extracting(r -> r.get("password_hash")).doesNotContainAnyElementsOf(
                            expected.stream().map(r -> r.get("password_hash")).toList());
                    rows = withoutPasswords(rows);
                    expected = withoutPasswords(expected);
                }
                if (table.equals("audit_event")) {
                    assertThat(rows.get(rows.size() - 1)).containsEntry("action", "restore").containsEntry("target_id", BackupData.ALPHA);
                    rows = rows.subList(0, rows.size() - 1);
                }
                assertThat(rows).as(table).containsExactlyElementsOf(expected);
                compared += rows.size();
            }
            // and nothing else: the built-in examples organization, kept; no one else's rows
            assertThat(target.jdbc().queryForList("SELECT slug FROM organization ORDER BY slug", String.class))
                    .containsExactly(BackupData.ALPHA, "examples");
            assertThat(target.jdbc().queryForObject("SELECT COUNT(*) FROM audit_event WHERE organization_id IS NULL OR organization_id <> ?",
                    Long.class, alpha)).isZero();

            System.out.printf("Backup round trip (organization %s, %s): %d tables, %d rows compared one by one, identical but "
                            + "for the withheld password hashes; nothing of the other %d organizations in it; %.1f s%n", BackupData.ALPHA,
                    database(), ORGANIZATION_ROWS.size(), compared, accounts.organizations().size() - 1, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Every row of the backup is the organization's, and no other organization's words or files are anywhere in it. */
    private void holdsOnlyTheOrganization(Path file, long organization, Map<String, List<Map<String, Object>>> source) throws Exception {
        Set<Object> members = ids(source.get("app_user"), "id");
        Set<Object> assessmentIds = ids(source.get("assessment"), "id");
        assertThat(members).hasSizeGreaterThanOrEqualTo(5);
        Map<String, String> entries = entries(file);
        JsonMapper json = JsonMapper.builder().build();
        for (String table : ORGANIZATION_ROWS.keySet()) {
            String text = entries.get("tables/" + table + ".jsonl");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String line : text.lines().toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = json.readValue(line, Map.class);
                rows.add(row);
            }
            assertThat(rows).as(table).hasSize(source.get(table).size());
            for (Map<String, Object> row : rows) {
                switch (table) {
                    case "organization" -> assertThat(((Number) row.get("id")).longValue()).isEqualTo(organization);
                    case "app_user" -> assertThat(row).doesNotContainKey("password_hash").extractingByKey("id")
                            .satisfies(id -> assertThat(members).contains(((Number) id).longValue()));
                    case "membership", "assessment", "audit_event" ->
                            assertThat(((Number) row.get("organization_id")).longValue()).as(table).isEqualTo(organization);
                    default -> assertThat(assessmentIds).as(table).contains(((Number) row.get("assessment_id")).longValue());
                }
            }
        }
        String everything = String.join("\n", entries.values());
        assertThat(everything).doesNotContain(BackupData.BETA_SECRET, BackupData.GAMMA_SECRET, BackupData.BETA, BackupData.GAMMA,
                Base64.getEncoder().encodeToString(BackupData.BETA_FILE), "$2a$");
        assertThat(everything).contains(Base64.getEncoder().encodeToString(BackupData.ALPHA_FILE_2));
    }

    private Path download(String address, String scope) throws Exception {
        byte[] body = mvc.perform(get(address))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("sanctuary-scorecard-backup-" + scope + "-")))
                .andReturn().getResponse().getContentAsByteArray();
        Path file = folder.resolve(scope + ".zip");
        Files.write(file, body);
        return file;
    }

    /** {@code backup import FILE} with the application started on the new database, as an operator runs it. */
    static CommandRun importWithTheCommandLine(Path file, FreshDatabase target) {
        String[] args = Stream.concat(Stream.of("backup", "import", file.toString()), Stream.of(target.springArguments()))
                .toArray(String[]::new);
        return CommandRun.of(ScorecardApplication::withoutWebServer, args);
    }

    static Map<String, List<Map<String, Object>>> everything(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (BackupTables.Table table : BackupTables.ALL) {
            tables.put(table.name(), TableRows.read(jdbc, table.name(), table.key(), null));
        }
        return tables;
    }

    private static Map<String, List<Map<String, Object>>> organization(JdbcTemplate jdbc, long organization) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        ORGANIZATION_ROWS.forEach((table, where) -> tables.put(table, TableRows.read(jdbc, table,
                BackupTables.named(table).orElseThrow().key(), where, organization)));
        return tables;
    }

    private static Map<String, String> organizationRows() {
        String ofItsAssessments = "assessment_id IN (SELECT id FROM assessment WHERE organization_id = ?)";
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("organization", "id = ?");
        rows.put("app_user", "id IN (SELECT user_id FROM membership WHERE organization_id = ?)");
        rows.put("membership", "organization_id = ?");
        rows.put("assessment", "organization_id = ?");
        for (String table : List.of("assessment_field", "assessment_item", "assessment_revision", "assessment_change", "evidence_file")) {
            rows.put(table, ofItsAssessments);
        }
        rows.put("audit_event", "organization_id = ?");
        return rows;
    }

    private static List<Map<String, Object>> withoutPasswords(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.remove("password_hash");
            return copy;
        }).toList();
    }

    private static Set<Object> ids(List<Map<String, Object>> rows, String column) {
        Set<Object> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.get(column)));
        return ids;
    }

    /** Every entry of a ZIP, as text. */
    static Map<String, String> entries(Path file) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                zip.transferTo(content);
                entries.put(entry.getName(), content.toString(StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private String database() {
        return environment.getRequiredProperty("spring.datasource.url").startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
    }
}

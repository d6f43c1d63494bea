package org.sanctuaryscorecard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.correction.Corrections;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A file that is not a backup, a damaged one, one of a newer format or of another schema version, and a restore into a
 * database in use are each refused with their own clear message, and change nothing. The command line says the same
 * in words and exits 1, without opening the database when the file alone is wrong.
 */
@ScorecardWebTest
class BackupRefusalsTest {

    @Autowired
    Backups backups;

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
    ConfigurableApplicationContext context;

    @TempDir
    Path folder;

    Path backup;

    @BeforeEach
    void aBackup() throws Exception {
        BackupData.ensure(accounts, assessments, secondCoding, corrections, jdbcClient);
        backup = folder.resolve("sound.zip");
        backups.export(BackupScope.installation(), backup);
    }

    @Test
    void everyBadFileIsRefusedWithItsReasonAndNothingChanges() throws Exception {
        Map<String, List<Map<String, Object>>> before = BackupRoundTripTest.everything(jdbc);

        Path text = Files.writeString(folder.resolve("notes.zip"), "meeting notes, not a backup");
        assertRefused(text, "backup.error.notABackup");
        assertRefused(rewrite(entries -> entries.remove("manifest.json")), "backup.error.notABackup");
        assertRefused(rewriteManifest(m -> m.replace("\"sanctuary-scorecard-backup\"", "\"something-else\"")), "backup.error.notABackup");
        assertRefused(rewriteManifest(m -> m.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")), "backup.error.newerFormat");
        assertRefused(rewriteManifest(m -> m.substring(0, m.length() / 2)), "backup.error.damaged");
        assertRefused(rewrite(entries -> entries.computeIfPresent("tables/assessment_field.jsonl", (name, rows) -> oneByteChanged(rows))),
                "backup.error.checksum");
        assertRefused(rewrite(entries -> entries.remove("tables/evidence_file.jsonl")), "backup.error.missingSection");
        assertRefused(rewriteManifest(m -> m.replaceFirst("\"rows\" : (\\d+)", "\"rows\" : 999999")), "backup.error.rowCount");
        assertRefused(rewriteManifest(m -> m.replace("\"table\" : \"app_setting\"", "\"table\" : \"app_settings\"")),
                "backup.error.sections");
        assertRefused(rewriteManifest(m -> m.replace("\"schemaVersion\" : \"" + backups.schemaVersion() + "\"", "\"schemaVersion\" : \"999\"")),
                "backup.error.schemaNewer");
        assertRefused(rewriteManifest(m -> m.replace("\"schemaVersion\" : \"" + backups.schemaVersion() + "\"", "\"schemaVersion\" : \"3\"")),
                "backup.error.schemaOlder");
        // a sound backup, into this database, which is in use
        BackupRefusedException inUse = assertRefused(backup, "backup.error.notEmpty");
        assertThat((String) inUse.arguments()[1]).contains("accounts", "organizations");

        assertThat(BackupRoundTripTest.everything(jdbc)).isEqualTo(before);
    }

    @Test
    void theCommandLineExplainsARefusalAndExitsOne() throws Exception {
        Path damaged = rewrite(entries -> entries.computeIfPresent("tables/audit_event.jsonl", (name, rows) -> oneByteChanged(rows)));
        CommandRun verify = CommandRun.of(NO_DATABASE, "backup", "verify", damaged.toString());
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.err()).contains("Not restored:", "is damaged: tables/audit_event.jsonl does not match the SHA-256 checksum");

        CommandRun damagedImport = CommandRun.of(NO_DATABASE, "backup", "import", damaged.toString());
        assertThat(damagedImport.code()).isEqualTo(1);
        assertThat(damagedImport.err()).contains("does not match the SHA-256 checksum");

        CommandRun newer = CommandRun.of(NO_DATABASE, "backup", "import",
                rewriteManifest(m -> m.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7")).toString());
        assertThat(newer.err()).contains("is in backup format 7", "reads format 1", "Upgrade Sanctuary Scorecard");

        CommandRun inUse = CommandRun.of(args -> thisApplication(), "backup", "import", backup.toString());
        assertThat(inUse.code()).isEqualTo(1);
        assertThat(inUse.err()).contains("Not restored: this database is in use; it has", "accounts", "--scorecard.data-dir=DIR");

        CommandRun sound = CommandRun.of(NO_DATABASE, "backup", "verify", backup.toString());
        assertThat(sound.code()).as(sound.err()).isZero();
        assertThat(sound.out()).contains("is a sound backup of the whole installation", "organizations", "evidence files");
    }

    @Test
    void theCommandLineWritesABackupOfOneOrganizationAndNeverReplacesAFile() throws Exception {
        Path file = folder.resolve("alpha.zip");
        CommandRun export = CommandRun.of(args -> thisApplication(), "backup", "export", "--out", file.toString(),
                "--organization", BackupData.ALPHA);
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("Wrote", "a backup of the organization " + BackupData.ALPHA, "accounts");
        assertThat(Backups.verify(file).scope()).isEqualTo(BackupData.ALPHA);

        CommandRun again = CommandRun.of(args -> thisApplication(), "backup", "export", "--out", file.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");

        CommandRun unknown = CommandRun.of(args -> thisApplication(), "backup", "export", "--out", folder.resolve("x.zip").toString(),
                "--organization", "nobody");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("there is no organization \u201cnobody\u201d");
        assertThat(folder.resolve("x.zip")).doesNotExist();

        CommandRun stray = CommandRun.of(NO_DATABASE, "backup", "export", "--out", folder.resolve("y.zip").toString(), "stray");
        assertThat(stray.code()).isEqualTo(2);
        assertThat(stray.err()).contains("Unknown argument stray");
    }

    private BackupRefusedException assertRefused(Path file, String key) {
        BackupRefusedException refused = catchThrowableOfType(BackupRefusedException.class, () -> backups.restore(file));
        assertThat(refused).as(key).isNotNull();
        assertThat(refused.messageKey()).isEqualTo(key);
        return refused;
    }

    private static final java.util.function.Function<String[], ConfigurableApplicationContext> NO_DATABASE = args -> {
        throw new AssertionError("the database is not opened for this");
    };

    /** This test's application, handed to a command, which closes it when done: closing it here does nothing. */
    private ConfigurableApplicationContext thisApplication() {
        return (ConfigurableApplicationContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurableApplicationContext.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(context, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Path rewriteManifest(UnaryOperator<String> change) throws Exception {
        return rewrite(entries -> entries.computeIfPresent("manifest.json", (name, manifest) ->
                change.apply(new String(manifest, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] oneByteChanged(byte[] content) {
        byte[] changed = content.clone();
        int at = changed.length / 2;
        changed[at] = (byte) (changed[at] == 'a' ? 'b' : 'a');
        return changed;
    }

    /** A copy of the sound backup with its entries changed (by name), written as a new ZIP. */
    private Path rewrite(java.util.function.Consumer<Map<String, byte[]>> change) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                zip.transferTo(content);
                entries.put(entry.getName(), content.toByteArray());
            }
        }
        change.accept(entries);
        Path file = Files.createTempFile(folder, "changed", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}

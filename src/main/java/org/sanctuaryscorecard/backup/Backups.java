package org.sanctuaryscorecard.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.backup.internal.BackupFile;
import org.sanctuaryscorecard.backup.internal.BackupWriter;
import org.sanctuaryscorecard.backup.internal.Manifest;
import org.sanctuaryscorecard.backup.internal.Restorer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backups of the whole installation or of one organization, and their restore into a new installation
 * (docs/backup-format.md). A backup is one consistent snapshot; a restore is checked completely first and is one
 * transaction: it changes nothing unless all of it is restored.
 */
@Service
public class Backups {

    /** The name of the file a backup is downloaded or written as, by default. */
    public static final String FILE_PREFIX = "sanctuary-scorecard-backup-";

    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final Flyway flyway;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final MessageSource messages;
    private final Clock clock;

    public Backups(DataSource dataSource, PlatformTransactionManager transactions, Flyway flyway, AuditTrail audit,
                   PasswordEncoder passwords, MessageSource messages, Clock clock) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.flyway = flyway;
        this.audit = audit;
        this.passwords = passwords;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Writes a backup to {@code out}, which stays open. The export is recorded in the audit trail first, so the
     * backup holds the record of its own making.
     */
    public BackupSummary export(BackupScope scope, OutputStream out) {
        Long organizationId = scope.whole() ? null : scope.organization().id();
        audit.recordAlone(organizationId, "backup", scope.label(), "export", null, null);
        Manifest.Scope manifestScope = scope.whole() ? new Manifest.Scope(Manifest.Scope.INSTALLATION, null)
                : new Manifest.Scope(Manifest.Scope.ORGANIZATION, new Manifest.ScopeOrganization(scope.organization().id(),
                scope.organization().slug(), scope.organization().name()));
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        // one snapshot for all tables: PostgreSQL gives it from REPEATABLE READ up, H2 only with SERIALIZABLE; a
        // read-only transaction there blocks no writer
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        Manifest manifest = snapshot.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Manifest header = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, application(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), schemaVersion(), database(connection),
                        manifestScope, List.of(), List.of());
                return new BackupWriter(connection).write(header, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the database for a backup failed", e);
            }
        });
        return summary(manifest, 0);
    }

    /** Writes a backup to a file: completely or not at all (it is written beside it, then moved into place). */
    public BackupSummary export(BackupScope scope, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            BackupSummary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                summary = export(scope, out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return summary.withBytes(Files.size(target));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Checks a backup file completely (format, version, every table's rows and checksum) without a database. */
    public static BackupSummary verify(Path file) throws IOException {
        try (BackupFile backup = BackupFile.open(file)) {
            return summary(backup.manifest(), Files.size(file));
        }
    }

    /**
     * Restores a backup into this installation, which must be new: nothing in it but what it made by itself (the
     * examples and its settings), which the backup replaces. Refused, changing nothing, when the file is not a
     * backup, is damaged, is of a newer format or another schema version, or when the database is in use.
     */
    public BackupSummary restore(Path file) throws IOException {
        try (BackupFile backup = BackupFile.open(file)) {
            Manifest manifest = backup.manifest();
            checkSchema(backup);
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            Map<String, Long> rows = transaction.execute(status -> {
                Restorer restorer = new Restorer(DataSourceUtils.getConnection(dataSource), this::unusablePassword);
                try {
                    Map<String, Long> inUse = restorer.inUse();
                    if (!inUse.isEmpty()) {
                        throw new BackupRefusedException("backup.error.notEmpty", backup.name(), describe(inUse));
                    }
                    Map<String, Long> restored = restorer.restore(backup);
                    Map<String, Object> what = new LinkedHashMap<>();
                    what.put("file", backup.name());
                    what.put("createdAt", manifest.createdAt());
                    what.put("application", manifest.application());
                    what.put("rows", restored);
                    audit.record(manifest.scope().whole() ? null : manifest.scope().organization().id(), "backup",
                            manifest.scope().whole() ? "installation" : manifest.scope().organization().slug(), "restore", null, what);
                    return restored;
                } catch (BackupRefusedException e) {
                    throw e;
                } catch (Exception e) {
                    throw new BackupRefusedException("backup.error.failed", backup.name(), rootMessage(e));
                }
            });
            return new BackupSummary(scopeLabel(manifest), Instant.parse(manifest.createdAt()), manifest.application(),
                    manifest.schemaVersion(), rows, Files.size(file));
        }
    }

    /** Rows per table in words, "3 organizations, 12 accounts", in the reader's language. */
    public String describe(Map<String, Long> rows) {
        return describe(rows, messages, LocaleContextHolder.getLocale());
    }

    /** As {@link #describe(Map)}, with the messages given (the command line reads them without the application). */
    public static String describe(Map<String, Long> rows, MessageSource messages, Locale locale) {
        return String.join(", ", rows.entrySet().stream()
                .map(e -> messages.getMessage("backup.table." + e.getKey(), new Object[] {e.getValue()},
                        e.getValue() + " " + e.getKey(), locale)).toList());
    }

    /** The schema version of this database: the last migration applied. */
    public String schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? "0" : current.getVersion().getVersion();
    }

    private void checkSchema(BackupFile backup) {
        String ours = schemaVersion();
        String theirs = backup.manifest().schemaVersion();
        if (ours.equals(theirs)) {
            return;
        }
        boolean newer;
        try {
            newer = MigrationVersion.fromVersion(theirs).isNewerThan(MigrationVersion.fromVersion(ours));
        } catch (RuntimeException e) {
            throw new BackupRefusedException("backup.error.damaged", backup.name(), Manifest.FILE);
        }
        throw new BackupRefusedException(newer ? "backup.error.schemaNewer" : "backup.error.schemaOlder", backup.name(), theirs, ours,
                backup.manifest().application());
    }

    /** A bcrypt hash of 32 random bytes that nobody keeps: no password matches it. */
    private String unusablePassword() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return passwords.encode(Base64.getEncoder().encodeToString(secret));
    }

    private static BackupSummary summary(Manifest manifest, long bytes) {
        Map<String, Long> rows = new LinkedHashMap<>();
        manifest.sections().forEach(s -> rows.put(s.table(), s.rows()));
        return new BackupSummary(scopeLabel(manifest), Instant.parse(manifest.createdAt()), manifest.application(),
                manifest.schemaVersion(), rows, bytes);
    }

    private static String scopeLabel(Manifest manifest) {
        return manifest.scope().whole() ? "installation" : manifest.scope().organization().slug();
    }

    private static String application() {
        String version = Backups.class.getPackage().getImplementationVersion();
        return "Sanctuary Scorecard " + (version == null ? "(development build)" : version);
    }

    private static String database(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }

    /** The innermost cause's message, first line: what went wrong, in the words of what failed. */
    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

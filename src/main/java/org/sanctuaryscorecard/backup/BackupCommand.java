package org.sanctuaryscorecard.backup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.audit.Actor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code backup export}, {@code backup import} and {@code backup verify}: a backup of the whole installation or of one
 * organization, its restore into a new installation, and a check of a backup file. Export and import open the database
 * through the application, without its web server.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the whole installation or one organization; restore a backup into a new installation.",
                "export and import need the database: with the embedded one, stop the application first.",
                "Spring options pass through, e.g. --scorecard.data-dir=DIR. The format: docs/backup-format.md."},
        subcommands = {BackupCommand.Export.class, BackupCommand.Import.class, BackupCommand.Verify.class})
public final class BackupCommand implements Runnable {

    private final Function<String[], ConfigurableApplicationContext> startContext;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    @Spec
    CommandSpec spec;

    /**
     * @param startContext starts the application without its web server, with the given Spring arguments; the
     *                     command closes it when done
     */
    public BackupCommand(Function<String[], ConfigurableApplicationContext> startContext) {
        this.startContext = startContext;
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a backup of the whole installation (accounts with their password hashes, organizations, "
                    + "memberships, assessments with their history and files, the audit trail, settings), or of one "
                    + "organization (its assessments, memberships and audit events, its members' accounts without their "
                    + "password hashes).",
                    "Example: backup export --out scorecard-2026-11-27.zip"})
    static final class Export implements Callable<Integer> {

        @ParentCommand
        BackupCommand backup;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (a ZIP); it must not exist.")
        Path out;

        @Option(names = "--organization", paramLabel = "SLUG", description = "Only this organization (its short name in addresses).")
        String organization;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter err = backup.spec.commandLine().getErr();
            Path file = this.out.toAbsolutePath();
            if (Files.exists(file)) {
                err.println(backup.text("backup.cli.exists", file));
                return 1;
            }
            if (!Files.isDirectory(file.getParent())) {
                err.println(backup.text("backup.cli.noDirectory", file.getParent()));
                return 1;
            }
            return backup.withApplication(springArgs, context -> {
                BackupScope scope = BackupScope.installation();
                if (organization != null) {
                    Optional<Organization> found = context.getBean(Accounts.class).organization(organization.strip().toLowerCase(Locale.ROOT));
                    if (found.isEmpty()) {
                        err.println(backup.text("backup.cli.noSuchOrganization", organization));
                        return 1;
                    }
                    scope = BackupScope.of(found.get());
                }
                long started = System.nanoTime();
                BackupSummary summary = context.getBean(Backups.class).export(scope, file);
                backup.spec.commandLine().getOut().println(backup.text("backup.cli.exported", file, backup.scope(summary),
                        backup.describe(summary), summary.bytes(), seconds(started)));
                return 0;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Restore a backup into a new installation: a new data directory (--scorecard.data-dir=DIR) or a "
                    + "new PostgreSQL database. Refused, changing nothing, when the database is in use, when the file is "
                    + "not a backup or is damaged, or when it was made by another version of the database schema.",
                    "Accounts restored from an organization's backup have no usable password: a site administrator resets them."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        BackupCommand backup;

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup (a ZIP made by backup export or downloaded).")
        Path file;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            if (backup.check(file, backup.spec.commandLine().getErr()) == null) {
                return 1;
            }
            return backup.withApplication(springArgs, context -> {
                long started = System.nanoTime();
                BackupSummary summary = context.getBean(Backups.class).restore(file);
                backup.spec.commandLine().getOut().println(backup.text("backup.cli.imported", file, backup.scope(summary),
                        summary.createdAt(), backup.describe(summary), seconds(started)));
                return 0;
            });
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a backup file without a database: its format and version, and every table's rows and SHA-256.")
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        BackupCommand backup;

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup to check.")
        Path file;

        @Override
        public Integer call() {
            BackupSummary summary = backup.check(file, backup.spec.commandLine().getErr());
            if (summary == null) {
                return 1;
            }
            backup.spec.commandLine().getOut().println(backup.text("backup.cli.verified", file, backup.scope(summary), summary.createdAt(),
                    summary.application(), summary.schemaVersion(), backup.describe(summary)));
            return 0;
        }
    }

    /** The backup's summary once checked; null, with the reason on {@code err}, when it is not a sound backup. */
    private BackupSummary check(Path file, PrintWriter err) {
        try {
            return Backups.verify(file);
        } catch (BackupRefusedException e) {
            err.println(text(e.messageKey(), e.arguments()));
        } catch (IOException e) {
            err.println(text("backup.error.noFile", file));
        }
        return null;
    }

    /** What a command does with the application; it returns the exit code. */
    @FunctionalInterface
    private interface Work {
        int apply(ConfigurableApplicationContext context) throws IOException;
    }

    /**
     * Runs work with the application (started with the Spring options among {@code extra}) as the person at the command
     * line, then stops it. Unknown arguments, a database that cannot open, and a refusal are explained.
     */
    private int withApplication(List<String> extra, Work work) {
        PrintWriter err = spec.commandLine().getErr();
        String[] springArgs = springArguments(extra, err);
        if (springArgs == null) {
            return 2;
        }
        ConfigurableApplicationContext context;
        try {
            context = startContext.apply(springArgs);
        } catch (RuntimeException e) {
            err.println(text("backup.cli.noDatabase", Backups.rootMessage(e)));
            return 1;
        }
        try (context) {
            return actor().call(() -> {
                try {
                    return work.apply(context);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (BackupRefusedException e) {
            err.println(text(e.messageKey(), e.arguments()));
            return 1;
        } catch (RuntimeException e) {
            err.println(text("backup.cli.failed", Backups.rootMessage(e)));
            return 1;
        }
    }

    /** The Spring options among the extra arguments (--name=value); null, with a message, when another is there. */
    private String[] springArguments(List<String> extra, PrintWriter err) {
        for (String argument : extra) {
            if (!argument.matches("--[A-Za-z0-9][A-Za-z0-9._\\[\\]-]*=.*")) {
                err.println(text("backup.cli.unknownArgument", argument));
                return null;
            }
        }
        return extra.toArray(String[]::new);
    }

    /** The person at the command line, as the audit trail names them. */
    private Actor actor() {
        return new Actor(null, text("backup.cli.actor", System.getProperty("user.name")), null);
    }

    private String scope(BackupSummary summary) {
        return summary.scope().equals("installation") ? text("backup.scope.installation") : text("backup.scope.organization", summary.scope());
    }

    private String describe(BackupSummary summary) {
        return Backups.describe(summary.rows(), messages, Locale.getDefault());
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.getDefault());
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}

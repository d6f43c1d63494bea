package org.sanctuaryscorecard.reference;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.reference.internal.ListFile;
import org.sanctuaryscorecard.reference.internal.ListLoader;
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
 * {@code import 287g FILE}, {@code import 287g-pending FILE}, {@code import dhs-list FILE}, {@code import doj-list FILE},
 * {@code import detention FILE}: loads a newer public list; the current one of its kind is kept as history. Opens the
 * database through the application, without its web server.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a newer public list: it replaces the current list of its kind, which is kept as history.",
                "The list's date comes from --date or from the file's name (2025-07-18, or ICE's 07182025).",
                "A list older than the current one is refused unless --force. Needs the database: with the embedded one,",
                "stop the application first. Spring options pass through, e.g. --scorecard.data-dir=DIR.",
                "Columns each kind needs, and the caveats of each list: docs/reference-data.md."},
        subcommands = {ImportCommand.Ice287g.class, ImportCommand.Ice287gPending.class, ImportCommand.DhsList.class,
                ImportCommand.DojList.class, ImportCommand.Detention.class})
public final class ImportCommand implements Runnable {

    private final Function<String[], ConfigurableApplicationContext> startContext;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    @Spec
    CommandSpec spec;

    /** @param startContext starts the application without its web server; the command closes it when done */
    public ImportCommand(Function<String[], ConfigurableApplicationContext> startContext) {
        this.startContext = startContext;
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every kind's command takes. */
    abstract static class Kind implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", description = "The list (CSV; the detention list may be pipe-delimited).")
        Path file;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The date of the list (default: from the file's name).")
        String date;

        @Option(names = "--source", paramLabel = "TEXT", description = "Where the list comes from (default: the file's name).")
        String source;

        @Option(names = "--force", description = "Import even when the list is older than the current one.")
        boolean force;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        abstract ReferenceKind kind();

        @Override
        public Integer call() {
            return parent.importFile(kind(), file, date, source, force, springArgs);
        }
    }

    @Command(name = "287g", mixinStandardHelpOptions = true, description = "ICE's 287(g) participating agencies list.")
    static final class Ice287g extends Kind {
        ReferenceKind kind() {
            return ReferenceKind.ICE_287G;
        }
    }

    @Command(name = "287g-pending", mixinStandardHelpOptions = true, description = "ICE's 287(g) pending agencies list.")
    static final class Ice287gPending extends Kind {
        ReferenceKind kind() {
            return ReferenceKind.ICE_287G_PENDING;
        }
    }

    @Command(name = "dhs-list", mixinStandardHelpOptions = true, description = "A DHS list of \"sanctuary jurisdictions\".")
    static final class DhsList extends Kind {
        ReferenceKind kind() {
            return ReferenceKind.DHS_LIST;
        }
    }

    @Command(name = "doj-list", mixinStandardHelpOptions = true, description = "A DOJ list of \"sanctuary jurisdictions\".")
    static final class DojList extends Kind {
        ReferenceKind kind() {
            return ReferenceKind.DOJ_LIST;
        }
    }

    @Command(name = "detention", mixinStandardHelpOptions = true, description = "A list of ICE detention facilities.")
    static final class Detention extends Kind {
        ReferenceKind kind() {
            return ReferenceKind.DETENTION;
        }
    }

    private int importFile(ReferenceKind kind, Path file, String dateText, String source, boolean force, List<String> extra) {
        PrintWriter err = spec.commandLine().getErr();
        LocalDate date = null;
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText.strip());
            } catch (DateTimeParseException e) {
                err.println(text("reference.cli.badDate", dateText));
                return 2;
            }
        }
        for (String argument : extra) {
            if (!argument.matches("--[A-Za-z0-9][A-Za-z0-9._\\[\\]-]*=.*")) {
                err.println(text("reference.cli.unknownArgument", argument));
                return 2;
            }
        }
        byte[] bytes;
        try {
            if (Files.size(file) > ListFile.MAX_BYTES) {
                err.println(text("reference.import.tooLarge", file.getFileName(), Files.size(file), ListFile.MAX_BYTES));
                return 1;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println(text("reference.cli.noFile", file));
            return 1;
        } catch (IOException e) {
            err.println(text("reference.cli.unreadable", file, e.getMessage()));
            return 1;
        }
        String name = file.getFileName().toString();
        try {
            ListFile.read(kind, name, bytes); // the file's shape is checked before the database is opened
        } catch (ReferenceImportException e) {
            e.problems().forEach(problem -> err.println(text(problem.key(), problem.arguments().toArray())));
            return 1;
        }
        ConfigurableApplicationContext context;
        try {
            context = startContext.apply(extra.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println(text("reference.cli.noDatabase", rootMessage(e)));
            return 1;
        }
        LocalDate listDate = date;
        Actor actor = new Actor(null, text("reference.cli.actor", System.getProperty("user.name")), null);
        try (context) {
            ListLoader.Loaded loaded = actor.call(() -> context.getBean(ReferenceData.class)
                    .importList(kind, name, bytes, listDate, source, force));
            ReferenceList list = loaded.list();
            spec.commandLine().getOut().println(text("reference.cli.imported", kind.id(), name, list.listDate().toString(),
                    list.rows(), list.matched(), list.unmatched(), list.id()));
            if (loaded.superseded() != null) {
                spec.commandLine().getOut().println(text("reference.cli.superseded", loaded.superseded().id(),
                        loaded.superseded().listDate().toString()));
            }
            return 0;
        } catch (ReferenceImportException e) {
            e.problems().forEach(problem -> err.println(text(problem.key(), problem.arguments().toArray())));
            return 1;
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.getDefault());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

package org.sanctuaryscorecard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.sanctuaryscorecard.account.UsersCommand;
import org.sanctuaryscorecard.analysis.AnalyzeCommand;
import org.sanctuaryscorecard.backup.BackupCommand;
import org.sanctuaryscorecard.analysis.EvaluateCommand;
import org.sanctuaryscorecard.jurisdiction.JurisdictionsCommand;
import org.sanctuaryscorecard.reference.ImportCommand;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The command line of the one jar: {@code serve} starts the web application, every other command runs and exits. */
@Command(name = "sanctuary-scorecard",
        mixinStandardHelpOptions = true,
        versionProvider = ScorecardCli.Version.class,
        description = {
                "Assess how far a U.S. city, county or state keeps its police and jails out of federal immigration enforcement.",
                "",
                "With no command, or with 'serve', starts the web application."},
        subcommands = {ServeCommand.class, JurisdictionsCommand.class, AnalyzeCommand.class, EvaluateCommand.class,
                UsersCommand.class, BackupCommand.class, ImportCommand.class, CommandLine.HelpCommand.class})
public final class ScorecardCli implements Runnable {

    /** Returned by {@link #run} when the web application is running and the JVM must stay up. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private static final Function<String[], ConfigurableApplicationContext> NO_DATABASE = springArgs -> {
        throw new IllegalStateException("this run of the command line has no database");
    };

    @Spec
    CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args         the program arguments
     * @param startServer  starts the web application with the given Spring arguments
     * @param startContext starts the application without a web server, for commands that need the database
     *                     ({@code users}, {@code backup}, {@code import}); the command closes it
     * @return the process exit code, or {@link #KEEP_RUNNING} after the server started
     */
    public static int run(String[] args, Consumer<String[]> startServer,
                          Function<String[], ConfigurableApplicationContext> startContext) {
        return run(args, startServer, startContext, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** As {@link #run(String[], Consumer, Function)} for commands that need no database. */
    public static int run(String[] args, Consumer<String[]> startServer) {
        return run(args, startServer, NO_DATABASE);
    }

    /** As {@link #run(String[], Consumer, Function)} without a database, writing to the given streams (tests capture them). */
    public static int run(String[] args, Consumer<String[]> startServer, PrintWriter out, PrintWriter err) {
        return run(args, startServer, NO_DATABASE, out, err);
    }

    /** As {@link #run(String[], Consumer, Function)}, writing to the given streams (tests capture them). */
    public static int run(String[] args, Consumer<String[]> startServer, Function<String[], ConfigurableApplicationContext> startContext,
                          PrintWriter out, PrintWriter err) {
        return run(args, startServer, new UsersCommand(startContext), new BackupCommand(startContext),
                new ImportCommand(startContext), out, err);
    }

    /** As {@link #run(String[], Consumer, Function, PrintWriter, PrintWriter)}, with the {@code users} command given. */
    public static int run(String[] args, Consumer<String[]> startServer, UsersCommand users, PrintWriter out, PrintWriter err) {
        return run(args, startServer, users, new BackupCommand(NO_DATABASE), new ImportCommand(NO_DATABASE), out, err);
    }

    private static int run(String[] args, Consumer<String[]> startServer, UsersCommand users, BackupCommand backup,
                           ImportCommand importCommand, PrintWriter out, PrintWriter err) {
        ServeCommand.launcher = startServer;
        ServeCommand.started = false;
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == UsersCommand.class) {
                    return type.cast(users);
                }
                if (type == ImportCommand.class) {
                    return type.cast(importCommand);
                }
                return type == BackupCommand.class ? type.cast(backup) : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new ScorecardCli(), factory).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("Error: " + ex.getMessage()));
            return 2;
        });
        int code = commandLine.execute(withDefaultCommand(args));
        return ServeCommand.started ? KEEP_RUNNING : code;
    }

    /** No arguments, or only Spring-style options such as --server.port=9090, mean "serve". */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || (args[0].startsWith("--") && !TOP_LEVEL_OPTIONS.contains(args[0]))) {
            List<String> all = new ArrayList<>();
            all.add("serve");
            all.addAll(List.of(args));
            return all.toArray(String[]::new);
        }
        return args;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ScorecardCli.class.getPackage().getImplementationVersion();
            return new String[] {"Sanctuary Scorecard " + (version == null ? "(development build)" : version)};
        }
    }
}

package org.sanctuaryscorecard.account;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.sanctuaryscorecard.audit.Actor;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code users create-admin} and {@code users list}: accounts from the command line, for scripted installs. They open
 * the database through the application (without its web server); the password is never a command-line argument.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Manage accounts from the command line (needs the database; with the embedded one, stop the "
                + "application first).",
                "Spring options pass through, e.g. --scorecard.data-dir=DIR."},
        subcommands = {UsersCommand.CreateAdmin.class, UsersCommand.ListUsers.class})
public final class UsersCommand implements Runnable {

    /** Where {@code create-admin} reads the password when not given {@code --password-stdin}. */
    public static final String PASSWORD_VARIABLE = "SCORECARD_ADMIN_PASSWORD";

    private final Function<String[], ConfigurableApplicationContext> startContext;
    private final UnaryOperator<String> environment;
    private final InputStream input;

    @Spec
    CommandSpec spec;

    /**
     * @param startContext starts the application without its web server, with the given Spring arguments
     */
    public UsersCommand(Function<String[], ConfigurableApplicationContext> startContext) {
        this(startContext, System::getenv, System.in);
    }

    /** As {@link #UsersCommand(Function)}, with the environment and standard input given (tests). */
    public UsersCommand(Function<String[], ConfigurableApplicationContext> startContext, UnaryOperator<String> environment,
                        InputStream input) {
        this.startContext = startContext;
        this.environment = environment;
        this.input = input;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create-admin", mixinStandardHelpOptions = true,
            description = {"Create a site administrator (for scripted installs; otherwise use the setup link printed at the "
                    + "first start).",
                    "The password is never a command-line argument, which other users of the machine can see and shells "
                            + "keep in their history. It is read from standard input with --password-stdin (typed twice, "
                            + "unseen, in a terminal; or piped from a file or a secret store), else from the environment "
                            + "variable " + PASSWORD_VARIABLE + ".",
                    "Examples:",
                    "  java -jar sanctuary-scorecard.jar users create-admin --username ana --display-name \"Ana Pérez\" "
                            + "--password-stdin < admin-password.txt",
                    "  " + PASSWORD_VARIABLE + "=\"$(cat /run/secrets/admin)\" java -jar sanctuary-scorecard.jar users "
                            + "create-admin --username ana --display-name \"Ana Pérez\""})
    static final class CreateAdmin extends DatabaseCommand {

        @Option(names = "--username", required = true, description = "What they sign in with: lower-case letters, digits, . _ -")
        String username;

        @Option(names = "--display-name", required = true, description = "The name shown in histories and the audit trail.")
        String displayName;

        @Option(names = "--password-stdin", description = "Read the password from standard input (typed twice, unseen, in a terminal).")
        boolean passwordStdin;

        @Override
        int run(String[] springArgs, PrintWriter out, PrintWriter err) {
            String password;
            try {
                password = passwordStdin ? users.passwordFromInput(err) : users.environment.apply(PASSWORD_VARIABLE);
            } catch (IOException e) {
                err.println(text("cli.users.stdinUnreadable", e.getMessage()));
                return 2;
            }
            if (password == null || password.isEmpty()) {
                err.println(text(passwordStdin ? "cli.users.stdinEmpty" : "cli.users.noPassword", PASSWORD_VARIABLE));
                return 2;
            }
            return users.withAccounts(springArgs, err, accounts -> {
                Actor actor = new Actor(null, text("cli.users.actor", System.getProperty("user.name")), null);
                try {
                    Account account = actor.call(() -> accounts.create(username, displayName, password, true));
                    out.println(text("cli.users.created", account.username(), account.displayName()));
                    return 0;
                } catch (AccountInputException e) {
                    err.println(text("cli.users.refused", message(e)));
                    return 1;
                }
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts, with their organizations and roles.")
    static final class ListUsers extends DatabaseCommand {

        @Override
        int run(String[] springArgs, PrintWriter out, PrintWriter err) {
            return users.withAccounts(springArgs, err, accounts -> {
                out.print(table(accounts));
                out.flush();
                return 0;
            });
        }

        private static String table(Accounts accounts) {
            DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"USERNAME", "NAME", "SITE-ADMIN", "ENABLED", "LOCKED-UNTIL", "ORGANIZATIONS"});
            for (Account account : accounts.all()) {
                String organizations = accounts.membershipsOf(account.id()).stream()
                        .map(m -> m.organization().slug() + ":" + m.role().id()).collect(Collectors.joining(" "));
                rows.add(new String[] {account.username(), account.displayName(), account.siteAdmin() ? "yes" : "no",
                        account.enabled() ? "yes" : "no", account.lockedUntil() == null ? "-" : when.format(account.lockedUntil()),
                        organizations.isEmpty() ? "-" : organizations});
            }
            int[] widths = new int[rows.get(0).length];
            rows.forEach(row -> {
                for (int c = 0; c < row.length; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            });
            StringBuilder table = new StringBuilder();
            for (String[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    table.append(c == row.length - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
                }
                table.append(System.lineSeparator());
            }
            return table.toString();
        }
    }

    /** A subcommand that opens the database; extra arguments of the form --name=value are Spring options. */
    @Command
    abstract static class DatabaseCommand implements Callable<Integer> {

        @ParentCommand
        UsersCommand users;

        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String[] spring = users.springArguments(springArgs, err);
            return spring == null ? 2 : run(spring, spec.commandLine().getOut(), err);
        }

        abstract int run(String[] springArgs, PrintWriter out, PrintWriter err);
    }

    /** The Spring options among the extra arguments (--name=value); null, with a message, when another is there. */
    private String[] springArguments(List<String> extra, PrintWriter err) {
        for (String argument : extra) {
            if (!argument.matches("--[A-Za-z0-9][A-Za-z0-9._\\[\\]-]*=.*")) {
                err.println(text("cli.users.unknownArgument", argument));
                return null;
            }
        }
        return extra.toArray(String[]::new);
    }

    /** Runs work with the application's accounts, then stops the application; a database that cannot open is explained. */
    private int withAccounts(String[] springArgs, PrintWriter err, Function<Accounts, Integer> work) {
        ConfigurableApplicationContext context;
        try {
            context = startContext.apply(springArgs);
        } catch (RuntimeException e) {
            err.println(text("cli.users.noDatabase", rootMessage(e)));
            return 1;
        }
        try (context) {
            return work.apply(context.getBean(Accounts.class));
        }
    }

    /** The password from standard input: typed twice without echo in a terminal, else the first line. */
    private String passwordFromInput(PrintWriter err) throws IOException {
        Console console = System.console();
        if (console != null && input == System.in) {
            char[] first = console.readPassword("%s", text("cli.users.prompt"));
            char[] second = console.readPassword("%s", text("cli.users.promptAgain"));
            if (first == null || second == null) {
                return null;
            }
            if (!Arrays.equals(first, second)) {
                err.println(text("cli.users.promptMismatch"));
                return null;
            }
            return new String(first);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        return reader.readLine();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The refusal in words, with a field named by its label as on the web pages. */
    private static String message(AccountInputException e) {
        Object[] arguments = e.arguments();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String s && s.equals(e.field())) {
                arguments[i] = optional("account.field." + s, s);
            }
        }
        return text(e.messageKey(), arguments);
    }

    private static String optional(String key, String fallback) {
        try {
            return ResourceBundle.getBundle("messages", Locale.ROOT).getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static String text(String key, Object... arguments) {
        return new MessageFormat(ResourceBundle.getBundle("messages", Locale.ROOT).getString(key), Locale.US).format(arguments);
    }
}

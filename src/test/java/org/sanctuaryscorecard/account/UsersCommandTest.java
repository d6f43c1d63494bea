package org.sanctuaryscorecard.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardApplication;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.internal.AccountStore;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.cli.ScorecardCli;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code users create-admin} and {@code users list} through the real command line. The commands get the application's
 * beans from a child of the test's context (closing it leaves the test's context running), except one run that starts
 * the application without a web server exactly as {@code java -jar} does.
 */
@ScorecardWebTest
class UsersCommandTest {

    @Autowired
    ApplicationContext application;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AccountStore store;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String[]> contextStarts = new ArrayList<>();

    private ConfigurableApplicationContext child(String[] springArgs) {
        contextStarts.add(springArgs);
        GenericApplicationContext child = new GenericApplicationContext(application);
        child.refresh();
        return child;
    }

    private int run(Map<String, String> environment, String input, String... args) {
        InputStream stdin = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        UsersCommand users = new UsersCommand(this::child, environment::get, stdin);
        return ScorecardCli.run(args, springArgs -> {
            throw new AssertionError("no server for users");
        }, users, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void createAdminTakesThePasswordFromTheEnvironment() {
        String username = Members.unique("cli");

        int code = run(Map.of("SCORECARD_ADMIN_PASSWORD", "a scripted password"), "",
                "users", "create-admin", "--username", username, "--display-name", "Ana Pérez");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Created the site administrator " + username + " (Ana Pérez).");
        Account ana = accounts.find(username).orElseThrow();
        assertThat(ana.siteAdmin()).isTrue();
        assertThat(ana.displayName()).isEqualTo("Ana Pérez");
        AuditEvent created = audit.forTarget("account", username).get(0);
        assertThat(created.actorName()).startsWith("command line (");
        assertThat(created.after()).doesNotContain("a scripted password");
    }

    @Test
    void createAdminReadsThePasswordFromStandardInput() {
        String username = Members.unique("cli");

        int code = run(Map.of(), "a piped password\n", "users", "create-admin", "--username", username,
                "--display-name", "Piped", "--password-stdin");

        assertThat(code).isZero();
        String hash = store.credentials(username).orElseThrow().passwordHash();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(passwords.matches("a piped password", hash)).isTrue();
    }

    @Test
    void anExistingUsernameIsRefusedWithAClearMessage() {
        String username = Members.unique("cli");
        run(Map.of("SCORECARD_ADMIN_PASSWORD", "a scripted password"), "", "users", "create-admin", "--username", username,
                "--display-name", "First");

        int code = run(Map.of("SCORECARD_ADMIN_PASSWORD", "another password"), "", "users", "create-admin", "--username",
                username.toUpperCase(Locale.ROOT), "--display-name", "Second");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("Error: The username " + username + " is taken. Choose another.")
                .doesNotContain("Exception", "\tat ");
        assertThat(accounts.find(username).orElseThrow().displayName()).isEqualTo("First");
    }

    @Test
    void noPasswordGivenIsExplainedAndTheDatabaseIsNotEvenOpened() {
        int code = run(Map.of(), "", "users", "create-admin", "--username", Members.unique("cli"), "--display-name", "Nobody");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Error: no password given. Put it in the environment variable SCORECARD_ADMIN_PASSWORD, "
                + "or pipe it in with --password-stdin; never on the command line.");
        assertThat(contextStarts).isEmpty();

        assertThat(run(Map.of(), "", "users", "create-admin", "--username", "x1", "--display-name", "X", "--password-stdin"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Error: --password-stdin read no password from standard input.");
    }

    @Test
    void thereIsNoPasswordOptionAndStrayArgumentsAreRefused() {
        int code = run(Map.of("SCORECARD_ADMIN_PASSWORD", "a scripted password"), "", "users", "create-admin", "--username",
                Members.unique("cli"), "--display-name", "X", "--password", "on the command line");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Error: unknown argument --password.");
        assertThat(contextStarts).isEmpty();
    }

    @Test
    void aBadUsernameOrShortPasswordIsRefused() {
        assertThat(run(Map.of("SCORECARD_ADMIN_PASSWORD", "short"), "", "users", "create-admin", "--username",
                Members.unique("cli"), "--display-name", "X")).isEqualTo(1);
        assertThat(err.toString()).contains("Error: The password must be at least 10 characters long.");
        assertThat(run(Map.of("SCORECARD_ADMIN_PASSWORD", "a long password"), "", "users", "create-admin", "--username",
                "Not Valid", "--display-name", "X")).isEqualTo(1);
        assertThat(err.toString()).contains("“not valid” cannot be a username");
    }

    @Test
    void missingOptionsAreExplainedByTheUsage() {
        assertThat(run(Map.of(), "", "users", "create-admin")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required options: '--username=<username>', '--display-name=<displayName>'");
    }

    @Test
    void listShowsAccountsWithTheirOrganizationsAndRoles() {
        Organization coalition = Members.newOrganization(accounts, "Coalition");
        Account reviewer = Members.newMember(accounts, coalition, Role.REVIEWER, "Rita Reviewer");

        int code = run(Map.of(), "", "users", "list");

        assertThat(code).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines[0]).startsWith("USERNAME").contains("NAME", "SITE-ADMIN", "ENABLED", "LOCKED-UNTIL", "ORGANIZATIONS");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(reviewer.username()).contains("Rita Reviewer", " no ",
                " yes ", coalition.slug() + ":reviewer"));
    }

    @Test
    void theHelpListsTheUsersCommands() {
        run(Map.of(), "", "users", "--help");

        assertThat(out.toString()).contains("create-admin", "list");
        run(Map.of(), "", "users", "create-admin", "--help");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("The password is never a command-line argument",
                "--password-stdin", "SCORECARD_ADMIN_PASSWORD", "--password-stdin < admin-password.txt");
    }

    @Test
    void theApplicationStartsWithoutAWebServerForTheCommand() {
        int code = ScorecardCli.run(new String[] {"users", "list", "--spring.profiles.active=test", "--spring.main.banner-mode=off"},
                springArgs -> {
                    throw new AssertionError("no server for users");
                }, ScorecardApplication::withoutWebServer, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("USERNAME");
    }
}

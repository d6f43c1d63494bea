package org.sanctuaryscorecard.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanctuaryscorecard.ScorecardApplication;
import org.sanctuaryscorecard.account.internal.AccountStore;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first start, end to end: the application is started (and restarted) on a database of its own with no account,
 * as a real installation is, and the printed link is followed with HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class SetupLinkTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:(\\d+)/setup/([A-Za-z0-9_-]{43})");

    /** A fresh in-memory database for this test only (also when the other tests run on PostgreSQL). */
    private final String database = "jdbc:h2:mem:setup-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ScorecardApplication.class).run("--spring.profiles.active=test", "--server.port=0",
                "--spring.datasource.url=" + database, "--spring.datasource.username=sa", "--spring.datasource.password=");
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The setup link printed since {@code from} characters of output. */
    private static String printedLink(CapturedOutput output, int from) {
        Matcher link = LINK.matcher(output.getAll().substring(from));
        assertThat(link.find()).as("a setup link is printed").isTrue();
        return link.group();
    }

    @Test
    void theFirstStartPrintsAOneTimeLinkThatMakesTheFirstAdministrator(CapturedOutput output) throws Exception {
        String first;
        try (ConfigurableApplicationContext context = start()) {
            first = printedLink(output, 0);
            assertThat(output.getAll()).contains(" WARN ", "No account exists yet. To create the first administrator, open this link "
                    + "within 24 hours");
            assertThat(first).startsWith(base(context) + "/setup/");
            WebClient browser = new WebClient();
            assertThat(browser.get(first).statusCode()).isEqualTo(200);
            HttpResponse<String> wrong = browser.get(base(context) + "/setup/" + "A".repeat(43));
            assertThat(wrong.statusCode()).isEqualTo(404);
            assertThat(wrong.body()).contains("This setup link is not valid.");
            assertThat(browser.get(base(context) + "/setup/short").statusCode()).isEqualTo(404);
            String stored = context.getBean(AccountStore.class).setting("setup-link").orElseThrow();
            assertThat(stored).doesNotContain(first.substring(first.lastIndexOf('/') + 1)).matches("[0-9a-f]{64} \\d+");
            long expires = Long.parseLong(stored.split(" ")[1]);
            assertThat(Instant.ofEpochSecond(expires)).isBetween(Instant.now().plusSeconds(23 * 3600), Instant.now().plusSeconds(25 * 3600));
        }

        int mark = output.getAll().length();
        try (ConfigurableApplicationContext context = start()) {
            String second = printedLink(output, mark);
            String token = second.substring(second.lastIndexOf('/') + 1);
            assertThat(token).as("each start makes a new link").isNotEqualTo(first.substring(first.lastIndexOf('/') + 1));
            WebClient browser = new WebClient();
            assertThat(browser.get(base(context) + "/setup/" + first.substring(first.lastIndexOf('/') + 1)).statusCode())
                    .as("the previous start's link").isEqualTo(404);

            String url = base(context) + "/setup/" + token;
            String form = browser.get(url).body();
            assertThat(form).contains("<h1>Set up Sanctuary Scorecard</h1>", "<label for=\"setup-username\">Username</label>",
                    "<legend>Your organization (optional)</legend>");
            HttpResponse<String> mismatch = browser.post(url, form, Map.of("form", "setup", "username", "ana",
                    "displayName", "Ana Pérez", "password", "a long password", "repeat", "another password"));
            assertThat(mismatch.statusCode()).isEqualTo(422);
            assertThat(mismatch.body()).contains("The two passwords are not the same.", "value=\"Ana Pérez\"")
                    .doesNotContain("a long password");

            HttpResponse<String> made = browser.post(url, mismatch.body(), Map.of("form", "setup", "username", "ana",
                    "displayName", "Ana Pérez", "password", "a long password", "repeat", "a long password",
                    "name", "Bay Area Coalition", "slug", "bay-area"));
            assertThat(made.statusCode()).isEqualTo(302);
            assertThat(made.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?setup"));

            Accounts accounts = context.getBean(Accounts.class);
            Account ana = accounts.find("ana").orElseThrow();
            assertThat(ana.siteAdmin()).isTrue();
            Organization coalition = accounts.organization("bay-area").orElseThrow();
            assertThat(accounts.role(coalition.id(), ana.id())).contains(Role.ADMIN);
            var organizationMade = context.getBean(AuditTrail.class).forTarget("organization", "bay-area").get(0);
            assertThat(organizationMade.actorId()).as("the organization is the new administrator's doing").isEqualTo(ana.id());
            assertThat(organizationMade.origin()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(context.getBean(AccountStore.class).setting("setup-link")).as("the link is used up").isEmpty();

            HttpResponse<String> again = browser.get(url);
            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(again.body()).contains("This site is already set up");
            assertThat(browser.post(url, mismatch.body(), Map.of("username", "eve", "displayName", "Eve", "password",
                    "a long password", "repeat", "a long password")).statusCode()).isEqualTo(410);
            assertThat(accounts.find("eve")).isEmpty();

            String signIn = browser.get(base(context) + "/login?setup").body();
            assertThat(signIn).contains("The administrator account is ready. Sign in with it.");
            HttpResponse<String> signedIn = browser.post(base(context) + "/login", signIn, Map.of("username", "ana",
                    "password", "a long password"));
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
            assertThat(browser.get(base(context) + "/admin").statusCode()).isEqualTo(200);

            // the only site administrator who can sign in cannot be disabled or demoted
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(AccountInputException.class,
                    () -> accounts.setEnabled(ana.id(), false)).messageKey()).isEqualTo("account.error.lastSiteAdmin");
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(AccountInputException.class,
                    () -> accounts.setSiteAdmin(ana.id(), false)).messageKey()).isEqualTo("account.error.lastSiteAdmin");
        }

        mark = output.getAll().length();
        try (ConfigurableApplicationContext context = start()) {
            assertThat(output.getAll().substring(mark)).as("no link once an account exists").doesNotContain("/setup/")
                    .doesNotContain("No account exists yet");
        }
    }

    @Test
    void aLinkStillStoredIsRefusedOnceAnAccountExistsAndAnExpiredOneIsExplained(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            String link = printedLink(output, 0);
            WebClient browser = new WebClient();
            String form = browser.get(link).body();
            AccountStore store = context.getBean(AccountStore.class);
            String stored = store.setting("setup-link").orElseThrow();

            store.setSetting("setup-link", stored.split(" ")[0] + " " + Instant.now().minusSeconds(60).getEpochSecond(), Instant.now());
            HttpResponse<String> expired = browser.get(link);
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("This setup link has expired (links work for 24 hours).");

            store.setSetting("setup-link", stored, Instant.now());
            Accounts accounts = context.getBean(Accounts.class);
            accounts.create("scripted", "Made by users create-admin", "a long password", true);
            HttpResponse<String> refused = browser.post(link, form, Map.of("username", "ana", "displayName", "Ana",
                    "password", "a long password", "repeat", "a long password"));
            assertThat(refused.statusCode()).isEqualTo(410);
            assertThat(refused.body()).contains("This site is already set up");
            assertThat(accounts.find("ana")).isEmpty();
        }
    }
}

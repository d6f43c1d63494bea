package org.sanctuaryscorecard.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the application on one database, as behind a load balancer: a session made by signing in on one is
 * accepted by the other, and signing out on either ends it on both. Real servers, real HTTP, the cookies carried
 * between them by hand. The two are separate Spring contexts, each with its own web server and session repository;
 * the only thing they share is the database (this run's test database: in-memory H2 in this JVM, or PostgreSQL when
 * SPRING_DATASOURCE_URL says so), where the session must therefore be.
 */
class SharedSessionsTest {

    private static ConfigurableApplicationContext one;
    private static ConfigurableApplicationContext two;

    @BeforeAll
    static void twoInstances() {
        // the test database of this run (in-memory H2, or PostgreSQL when SPRING_DATASOURCE_URL says so), shared by both
        one = new SpringApplicationBuilder(ScorecardApplication.class).run("--spring.profiles.active=test", "--server.port=0");
        two = new SpringApplicationBuilder(ScorecardApplication.class).run("--spring.profiles.active=test", "--server.port=0");
    }

    @AfterAll
    static void stop() {
        two.close();
        one.close();
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Account account(String name) {
        return Members.newAccount(one.getBean(Accounts.class), name);
    }

    private static WebClient signedInOn(ConfigurableApplicationContext instance, Account account) throws Exception {
        WebClient browser = new WebClient();
        String page = browser.get(base(instance) + "/login").body();
        HttpResponse<String> signedIn = browser.post(base(instance) + "/login", page,
                Map.of("username", account.username(), "password", Members.PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        return browser;
    }

    @Test
    void aSessionMadeOnOneInstanceIsAcceptedByTheOther() throws Exception {
        Account ana = account("Ana on two servers");
        WebClient browser = signedInOn(one, ana);

        HttpResponse<String> onTwo = browser.get(base(two) + "/account");
        assertThat(onTwo.statusCode()).isEqualTo(200);
        assertThat(onTwo.body()).contains("Your account (Ana on two servers)");
        assertThat(browser.get(base(one) + "/account").statusCode()).isEqualTo(200);
        assertThat(sessionsInTheDatabase(ana)).as("the session is a row of the shared database").isEqualTo(1);
    }

    /** Rows of Spring Session's table for this account, read by the second instance's connection. */
    private static long sessionsInTheDatabase(Account account) {
        return two.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                .param(account.username()).query(Long.class).single();
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnBoth() throws Exception {
        Account ana = account("Ana signing out");
        WebClient browser = signedInOn(one, ana);
        String session = browser.session();
        String page = browser.get(base(two) + "/account").body();

        HttpResponse<String> out = browser.post(base(two) + "/logout", page, Map.of());
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedOut"));
        assertThat(sessionsInTheDatabase(ana)).isZero();

        WebClient stolen = new WebClient();
        stolen.session(session);
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {one, two}) {
            HttpResponse<String> after = stolen.get(base(instance) + "/account");
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        Account ana = account("Ana's cookie");
        WebClient browser = new WebClient();
        String page = browser.get(base(one) + "/login").body();
        HttpResponse<String> signedIn = browser.post(base(one) + "/login", page,
                Map.of("username", ana.username(), "password", Members.PASSWORD));

        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure"));
    }
}

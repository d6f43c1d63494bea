package org.sanctuaryscorecard.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.MovableClock;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Signing in with the form and HTTP Basic: success, each refusal in plain words, the lock after 5 failures and its end. */
@ScorecardWebTest
@Import(MovableClock.Config.class)
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private ResultActions signIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password));
    }

    @Test
    void theSignInPageHasALabeledFormWithItsToken() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Sign in</h1>")))
                .andExpect(content().string(containsString("<label for=\"sign-in-username\">Username</label>")))
                .andExpect(content().string(containsString("autocomplete=\"current-password\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("<form method=\"post\" action=\"/login\"")));
    }

    @Test
    void aRightPasswordSignsInAndTheSessionCarriesThePerson() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana Pérez");

        MvcResult result = signIn(ana.username(), Members.PASSWORD).andExpect(redirectedUrl("/")).andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");

        assertThat(session).as("the session cookie").isNotNull();
        mvc.perform(get("/account").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your account (Ana Pérez)")));
    }

    @Test
    void theUsernameIsNotCaseSensitive() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");

        signIn(ana.username().toUpperCase(Locale.ROOT), Members.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordOrAnUnknownNameGetTheSameMessage() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");

        signIn(ana.username(), "wrong password").andExpect(redirectedUrl("/login?error=bad"));
        signIn("nobody-" + ana.username(), "wrong password").andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(content().string(containsString("That username and password do not match.")))
                .andExpect(content().string(containsString("role=\"alert\"")));
    }

    @Test
    void aDisabledAccountIsToldSo() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");
        accounts.setEnabled(ana.id(), false);

        signIn(ana.username(), Members.PASSWORD).andExpect(redirectedUrl("/login?error=disabled"));
        mvc.perform(get("/login").param("error", "disabled"))
                .andExpect(content().string(containsString("This account is disabled.")));
    }

    @Test
    void fiveFailuresByFormLockTheAccountFor15MinutesAndThePageSaysUntilWhen() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");
        for (int i = 1; i <= 4; i++) {
            signIn(ana.username(), "wrong " + i).andExpect(redirectedUrl("/login?error=bad"));
        }
        assertThat(accounts.get(ana.id()).lockedUntil()).as("not locked after 4 failures").isNull();

        MvcResult fifth = signIn(ana.username(), "wrong 5").andExpect(redirectedUrlPattern("/login?error=locked&until=*")).andReturn();

        Instant until = accounts.get(ana.id()).lockedUntil();
        assertThat(until).isBetween(clock.instant().plus(Duration.ofMinutes(14)), clock.instant().plus(Duration.ofMinutes(16)));
        assertThat(fifth.getResponse().getRedirectedUrl()).endsWith("until=" + until.getEpochSecond());
        signIn(ana.username(), Members.PASSWORD).andExpect(redirectedUrl("/login?error=locked&until=" + until.getEpochSecond()));
        String time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(until);
        mvc.perform(get(fifth.getResponse().getRedirectedUrl()))
                .andExpect(content().string(containsString("Too many failed sign-ins: this account is locked until " + time
                        + " (UTC). Try again then, or ask an administrator to reset the password.")));

        AuditEvent locked = audit.forTarget("account", ana.username()).stream().filter(e -> e.action().equals("locked"))
                .findFirst().orElseThrow();
        assertThat(locked.origin()).isEqualTo("127.0.0.1");
        assertThat(locked.after()).contains(until.toString());
    }

    @Test
    void theLockEndsAfterItsTimeByTheApplicationsClock() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");
        for (int i = 1; i <= 5; i++) {
            signIn(ana.username(), "wrong " + i);
        }
        clock.advance(Duration.ofMinutes(14));
        signIn(ana.username(), Members.PASSWORD).andExpect(redirectedUrlPattern("/login?error=locked&until=*"));

        clock.advance(Duration.ofMinutes(2));

        signIn(ana.username(), Members.PASSWORD).andExpect(redirectedUrl("/"));
        assertThat(accounts.get(ana.id()).lockedUntil()).isNull();
    }

    @Test
    void fiveFailuresByHttpBasicLockTheAccountToo() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");
        for (int i = 1; i <= 5; i++) {
            mvc.perform(get("/api/framework").with(httpBasic(ana.username(), "wrong " + i))).andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/framework").with(httpBasic(ana.username(), Members.PASSWORD))).andExpect(status().isUnauthorized());
        signIn(ana.username(), Members.PASSWORD).andExpect(redirectedUrlPattern("/login?error=locked&until=*"));
        assertThat(accounts.get(ana.id()).lockedUntil()).isNotNull();
    }

    @Test
    void aRightPasswordByHttpBasicIsAccepted() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");

        mvc.perform(get("/api/framework").with(httpBasic(ana.username(), Members.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aSuccessClearsTheCountOfFailures() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");
        for (int i = 1; i <= 4; i++) {
            signIn(ana.username(), "wrong " + i);
        }
        signIn(ana.username(), Members.PASSWORD).andExpect(redirectedUrl("/"));
        for (int i = 1; i <= 4; i++) {
            signIn(ana.username(), "wrong again " + i).andExpect(redirectedUrl("/login?error=bad"));
        }
        assertThat(accounts.get(ana.id()).lockedUntil()).isNull();
    }

    @Test
    void theSignInPageNeverShowsOtherQueryText() throws Exception {
        String html = mvc.perform(get("/login").param("error", "<script>alert(1)</script>").param("until", "<b>soon</b>"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("That username and password do not match.").doesNotContain("alert(1)", "soon");
        mvc.perform(get("/login").param("error", "locked").param("until", "not-a-time"))
                .andExpect(content().string(containsString("this account is locked for 15 minutes")))
                .andExpect(content().string(not(containsString("not-a-time"))));
    }

    @Test
    void afterSetupThePageSaysTheAdministratorIsReady() throws Exception {
        mvc.perform(get("/login").param("setup", ""))
                .andExpect(content().string(containsString("The administrator account is ready. Sign in with it.")));
    }

    @Test
    void signingOutEndsTheSessionAndTheSignInPageSaysSo() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");
        Cookie session = signIn(ana.username(), Members.PASSWORD).andReturn().getResponse().getCookie("SESSION");

        mvc.perform(post("/logout").with(csrf()).cookie(session).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login?signedOut"));

        mvc.perform(get("/account").cookie(session)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        String page = mvc.perform(get("/login").param("signedOut", "")).andReturn().getResponse().getContentAsString();
        assertThat(page).containsOnlyOnce("<p class=\"flash\" role=\"status\">You are signed out.</p>")
                .contains("<h1>Sign in</h1>").doesNotContain("Sign out</button>");
    }

    @Test
    void theSignInPageIsInTheReadersLanguage() throws Exception {
        mvc.perform(get("/login").param("error", "bad").header(HttpHeaders.ACCEPT_LANGUAGE, "zz"))
                .andExpect(content().string(containsString("<h1>ZZ-sign-in</h1>")))
                .andExpect(content().string(containsString("ZZ-bad-password")))
                .andExpect(content().string(containsString("ZZ-nav-sign-in")));
    }
}

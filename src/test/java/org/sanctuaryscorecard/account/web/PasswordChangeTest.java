package org.sanctuaryscorecard.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.sanctuaryscorecard.Members.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code /account}: the page, and changing one's password (each refusal, then success). */
@ScorecardWebTest
class PasswordChangeTest {

    static final String NEW = "a new and longer password";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    private ResultActions change(Account account, String current, String password, String repeat) throws Exception {
        return mvc.perform(post("/account/password").with(csrf()).with(signedIn(account)).param("form", "password")
                .param("currentPassword", current).param("password", password).param("repeat", repeat));
    }

    private ResultActions signIn(Account account, String password) throws Exception {
        return mvc.perform(Members.signInForm(account, password));
    }

    @Test
    void theAccountPageShowsNameUsernameOrganizationsAndRoles() throws Exception {
        var coalition = Members.newOrganization(accounts, "Bay Area Coalition");
        Account ana = Members.newMember(accounts, coalition, org.sanctuaryscorecard.account.Role.REVIEWER, "Ana Pérez");

        mvc.perform(get("/account").with(signedIn(ana)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd>Ana Pérez</dd>")))
                .andExpect(content().string(containsString("<dd>" + ana.username() + "</dd>")))
                .andExpect(content().string(containsString(">Bay Area Coalition</a></td>")))
                .andExpect(content().string(containsString("<td>Reviewer</td>")))
                .andExpect(content().string(containsString("<label for=\"password-currentPassword\">Current password</label>")))
                .andExpect(content().string(containsString("The rule: at least 10 characters (at most 200), and not the same as the "
                        + "username.")));
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndNothingChanges() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");

        change(ana, "not my password", NEW, NEW)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The current password is not right. Your password was not changed.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\" aria-describedby=\"problem\"")))
                // the page shown again keeps the header of the person signed in
                .andExpect(content().string(containsString("Your account (" + ana.displayName() + ")")));
        signIn(ana, Members.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void aShortPasswordIsRefused() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");

        change(ana, Members.PASSWORD, "short", "short")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The password must be at least 10 characters long.")));
    }

    @Test
    void twoDifferentNewPasswordsAreRefused() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");

        change(ana, Members.PASSWORD, NEW, NEW + " typo")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The two passwords are not the same.")));
        signIn(ana, Members.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void aRefusalIsInTheReadersLanguage() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");

        mvc.perform(post("/account/password").with(csrf()).with(signedIn(ana)).header("Accept-Language", "zz")
                        .param("currentPassword", Members.PASSWORD).param("password", "short").param("repeat", "short"))
                .andExpect(content().string(containsString("ZZ-short 10")));
    }

    @Test
    void theNewPasswordWorksTheOldOneNoLongerAndOtherSessionsEnd() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");
        Cookie here = signIn(ana, Members.PASSWORD).andReturn().getResponse().getCookie("SESSION");
        Cookie elsewhere = signIn(ana, Members.PASSWORD).andReturn().getResponse().getCookie("SESSION");

        mvc.perform(post("/account/password").with(csrf()).cookie(here)
                        .param("currentPassword", Members.PASSWORD).param("password", NEW).param("repeat", NEW))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("flash", "Your password is changed. Your other sessions were signed out."));

        mvc.perform(get("/account").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
        signIn(ana, Members.PASSWORD).andExpect(redirectedUrl("/login?error=bad"));
        signIn(ana, NEW).andExpect(redirectedUrl("/"));
        assertThat(audit.forTarget("account", ana.username())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("change-password");
            assertThat(e.actorId()).isEqualTo(ana.id());
            assertThat(e.origin()).isEqualTo("127.0.0.1");
            assertThat(e.before()).isNull();
            assertThat(e.after()).isNull();
        });
    }
}

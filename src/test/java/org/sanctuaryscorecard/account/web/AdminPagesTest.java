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

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code /admin}: only for site administrators; making, disabling, resetting and promoting accounts, all audited. */
@ScorecardWebTest
class AdminPagesTest {

    static final String TEMPORARY = "temporary password 1";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;
    Account site;

    @BeforeEach
    void administrator() {
        site = Members.newSiteAdmin(accounts, "Site administrator");
    }

    /** Sends a form as the site administrator. */
    private ResultActions send(String path, String... parameters) throws Exception {
        var request = post(path).with(csrf()).with(signedIn(site));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request);
    }

    private ResultActions signIn(Account account, String password) throws Exception {
        return mvc.perform(Members.signInForm(account, password));
    }

    private AuditEvent last(String username, String action) {
        List<AuditEvent> events = audit.forTarget("account", username);
        return events.stream().filter(e -> e.action().equals(action)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void onlySiteAdministratorsOpenIt() throws Exception {
        mvc.perform(get("/admin")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin").with(signedIn(Members.newAccount(accounts, "Pat"))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the site’s administrators can open this page.")));
        mvc.perform(get("/admin").with(signedIn(site)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Administration</h1>")))
                .andExpect(content().string(containsString("<caption>All accounts</caption>")))
                .andExpect(content().string(containsString("<label for=\"create-account-username\">Username</label>")));
    }

    @Test
    void everyFormIsRefusedToOthers() throws Exception {
        Account pat = Members.newAccount(accounts, "Pat");
        for (String path : List.of("/admin/accounts", "/admin/accounts/" + pat.username() + "/enabled",
                "/admin/accounts/" + pat.username() + "/password", "/admin/accounts/" + pat.username() + "/site-admin",
                "/admin/organizations")) {
            mvc.perform(post(path).with(csrf()).with(signedIn(pat))
                    .param("enabled", "false").param("siteAdmin", "true").param("password", TEMPORARY)
                    .param("username", "sneaky").param("displayName", "x").param("slug", "sneaky").param("name", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(post(path).with(csrf()))
                    .andExpect(redirectedUrl("/login"));
            // without its CSRF token, even a site administrator's form is refused
            mvc.perform(post(path).with(signedIn(site)))
                    .andExpect(status().isForbidden());
        }
        assertThat(accounts.get(pat.id()).siteAdmin()).isFalse();
        assertThat(accounts.find("sneaky")).isEmpty();
    }

    @Test
    void whoMayCallAFormIsCheckedBeforeItsInputIsRead() throws Exception {
        Account pat = Members.newAccount(accounts, "Pat");
        // no parameters at all: a site administrator is told the request is incomplete, anyone else only "no"
        mvc.perform(post("/admin/accounts/" + pat.username() + "/enabled").with(csrf()).with(signedIn(pat)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + pat.username() + "/enabled").with(csrf()).with(signedIn(site)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/accounts/" + pat.username() + "/site-admin").with(csrf()).with(signedIn(pat)).param("siteAdmin", "maybe"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAccountMadeWithATemporaryPasswordCanSignIn() throws Exception {
        String username = Members.unique("new");

        send("/admin/accounts", "form", "create-account", "username", username, "displayName", "Nadia Nueva", "password", TEMPORARY)
                .andExpect(redirectedUrl("/admin"))
                .andExpect(flash().attribute("flash", "The account " + username + " (Nadia Nueva) is made. Give the person the "
                        + "temporary password; they change it on their account page."));
        Account nadia = accounts.find(username).orElseThrow();
        assertThat(nadia.siteAdmin()).isFalse();
        signIn(nadia, TEMPORARY).andExpect(redirectedUrl("/"));

        AuditEvent created = last(username, "create");
        assertThat(created.actorId()).isEqualTo(site.id());
        assertThat(created.origin()).isEqualTo("127.0.0.1");
        assertThat(created.after()).contains("\"displayName\":\"Nadia Nueva\"").doesNotContain(TEMPORARY);
    }

    @Test
    void aRefusedAccountComesBackWithTheReasonAndWhatWasTyped() throws Exception {
        send("/admin/accounts", "form", "create-account", "username", "Bad Name!", "displayName", "Bea", "password", TEMPORARY)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("“bad name!” cannot be a username")))
                .andExpect(content().string(containsString("value=\"Bea\"")))
                .andExpect(content().string(containsString("<h1>Administration</h1>")));
        send("/admin/accounts", "form", "create-account", "username", site.username(), "displayName", "Copy", "password", TEMPORARY)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The username " + site.username() + " is taken.")));
    }

    @Test
    void disablingSignsOutEverywhereAndRefusesSignInUntilEnabled() throws Exception {
        Account pat = Members.newAccount(accounts, "Pat Pending");
        Cookie session = signIn(pat, Members.PASSWORD).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());

        send("/admin/accounts/" + pat.username() + "/enabled", "enabled", "false")
                .andExpect(flash().attribute("flash", "Pat Pending is disabled and signed out everywhere."));

        mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login"));
        signIn(pat, Members.PASSWORD).andExpect(redirectedUrl("/login?error=disabled"));
        AuditEvent disabled = last(pat.username(), "disable");
        assertThat(disabled.actorId()).isEqualTo(site.id());
        assertThat(disabled.before()).contains("\"enabled\":true");
        assertThat(disabled.after()).contains("\"enabled\":false");

        send("/admin/accounts/" + pat.username() + "/enabled", "enabled", "true").andExpect(redirectedUrl("/admin"));
        signIn(pat, Members.PASSWORD).andExpect(redirectedUrl("/"));
        assertThat(last(pat.username(), "enable").after()).contains("\"enabled\":true");
    }

    @Test
    void aPasswordResetLiftsALockAndTheOldPasswordNoLongerWorks() throws Exception {
        Account pat = Members.newAccount(accounts, "Pat");
        for (int i = 0; i < 5; i++) {
            signIn(pat, "wrong " + i);
        }
        assertThat(accounts.get(pat.id()).lockedUntil()).isNotNull();
        mvc.perform(get("/admin").with(signedIn(site))).andExpect(content().string(containsString(" UTC</td>")));

        send("/admin/accounts/" + pat.username() + "/password", "form", "reset-" + pat.username(), "password", "short")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"reset-" + pat.username() + "-password\" autocomplete=\"new-password\" "
                        + "required maxlength=\"200\" aria-invalid=\"true\" aria-describedby=\"problem\"")));
        send("/admin/accounts/" + pat.username() + "/password", "password", TEMPORARY)
                .andExpect(flash().attribute("flash", "The password of Pat is reset; they were signed out everywhere. "
                        + "Give them the temporary password."));

        assertThat(accounts.get(pat.id()).lockedUntil()).isNull();
        signIn(pat, Members.PASSWORD).andExpect(redirectedUrl("/login?error=bad"));
        signIn(pat, TEMPORARY).andExpect(redirectedUrl("/"));
        AuditEvent reset = last(pat.username(), "reset-password");
        assertThat(reset.actorId()).isEqualTo(site.id());
        assertThat(reset.origin()).isEqualTo("127.0.0.1");
    }

    @Test
    void siteAdministratorsAreMadeAndUnmadeAndTheChangeAppliesAtOnce() throws Exception {
        Account pat = Members.newAccount(accounts, "Pat");

        send("/admin/accounts/" + pat.username() + "/site-admin", "siteAdmin", "true")
                .andExpect(flash().attribute("flash", "Pat is now a site administrator."));
        mvc.perform(get("/admin").with(signedIn(pat))).andExpect(status().isOk());

        send("/admin/accounts/" + pat.username() + "/site-admin", "siteAdmin", "false")
                .andExpect(flash().attribute("flash", "Pat is no longer a site administrator."));
        // the same signed-in principal, made while Pat was an administrator: the database decides
        mvc.perform(get("/admin").with(signedIn(accounts.get(pat.id())))).andExpect(status().isForbidden());
        assertThat(audit.forTarget("account", pat.username())).filteredOn(e -> e.action().equals("site-admin"))
                .extracting(AuditEvent::after).containsExactly(
                        "{\"username\":\"" + pat.username() + "\",\"displayName\":\"Pat\",\"siteAdmin\":true,\"enabled\":true}",
                        "{\"username\":\"" + pat.username() + "\",\"displayName\":\"Pat\",\"siteAdmin\":false,\"enabled\":true}");
    }

    @Test
    void anOrganizationIsMadeFromTheAdministrationPage() throws Exception {
        String slug = Members.unique("org");

        send("/admin/organizations", "form", "create-organization", "slug", slug, "name", "Newsroom", "admin", "")
                .andExpect(redirectedUrl("/admin"))
                .andExpect(flash().attribute("flash", "The organization Newsroom is made."));
        assertThat(accounts.organization(slug)).isPresent();
        send("/admin/organizations", "form", "create-organization", "slug", Members.unique("org"), "name", "Ghost",
                "admin", "nobody-" + slug)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("There is no account with the username “nobody-" + slug + "”.")));
        assertThat(accounts.organizations()).noneMatch(o -> o.name().equals("Ghost"));
    }
}

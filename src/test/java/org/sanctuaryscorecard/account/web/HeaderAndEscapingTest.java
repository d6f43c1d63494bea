package org.sanctuaryscorecard.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctuaryscorecard.Members.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The site header's account links for each kind of visitor, and hostile names shown as text on every account page. */
@ScorecardWebTest
class HeaderAndEscapingTest {

    static final List<String> PAYLOADS = List.of("<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>",
            "<svg/onload=alert(2)>", "javascript:alert(3)//'\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String header(String html) {
        return html.substring(html.indexOf("<header"), html.indexOf("</header>"));
    }

    @Test
    void anonymousVisitorsSeeSignIn() throws Exception {
        String header = header(mvc.perform(get("/")).andReturn().getResponse().getContentAsString());

        assertThat(header).contains("<nav class=\"account-nav\" aria-label=\"Your account\">", "<a href=\"/login\">Sign in</a>")
                .doesNotContain("Your account (", "/organizations", "/admin", "/logout");
    }

    @Test
    void signedInPeopleSeeTheirAccountOrganizationsAndASignOutForm() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana Pérez");

        String header = header(page("/", signedIn(ana)));

        assertThat(header).contains("<a href=\"/account\">Your account (Ana Pérez)</a>", "<a href=\"/organizations\">Organizations</a>")
                .containsPattern("<form class=\"inline\" method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"_csrf\" "
                        + "value=\"[^\"]+\"/>\\s*<button type=\"submit\" class=\"link-button\">Sign out</button>")
                .doesNotContain("Sign in</a>", "Administration");
    }

    @Test
    void siteAdministratorsAlsoSeeAdministrationAndLoseItAtOnceWhenUnmade() throws Exception {
        Account site = Members.newSiteAdmin(accounts, "Site administrator");
        Members.newSiteAdmin(accounts, "Site administrator");

        assertThat(header(page("/framework", signedIn(site)))).contains("<a href=\"/admin\">Administration</a>");

        accounts.setSiteAdmin(site.id(), false);
        assertThat(header(page("/framework", signedIn(site)))).doesNotContain("Administration");
    }

    @Test
    void errorPagesKeepAWorkingHeader() throws Exception {
        Account ana = Members.newAccount(accounts, "Ana");

        String notFound = mvc.perform(get("/no/such/page").with(signedIn(ana))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(header(notFound)).contains("<nav aria-label=\"Main\">");
        String forbidden = mvc.perform(get("/admin").with(signedIn(ana))).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(header(forbidden)).contains("<nav aria-label=\"Main\">");
    }

    @Test
    void hostileNamesAreShownAsTextOnEveryAccountPage() throws Exception {
        for (String payload : PAYLOADS) {
            Organization organization = Members.newOrganization(accounts, payload + " org");
            Account admin = Members.newMember(accounts, organization, Role.ADMIN, payload + " admin");
            Account site = accounts.create(Members.unique("admin"), payload + " site", Members.PASSWORD, true);
            Account member = Members.newAccount(accounts, payload + " member");
            mvc.perform(post("/organizations/" + organization.slug() + "/members").with(csrf()).with(signedIn(admin))
                    .param("username", member.username()).param("role", "editor")).andExpect(status().isFound());
            // the flash message that names the member is kept in the session until the next page shows it
            Cookie session = mvc.perform(post("/organizations/" + organization.slug() + "/members").with(csrf()).with(signedIn(admin))
                            .param("username", member.username()).param("role", "reviewer"))
                    .andReturn().getResponse().getCookie("SESSION");
            String refused = mvc.perform(post("/organizations/" + organization.slug() + "/members").with(csrf()).with(signedIn(admin))
                            .param("form", "add-member").param("username", payload).param("role", payload))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

            List<String> pages = List.of(
                    page("/account", signedIn(admin)),
                    page("/organizations", signedIn(admin)),
                    page("/organizations", signedIn(site)),
                    page("/organizations/" + organization.slug(), signedIn(admin)),
                    page("/organizations/" + organization.slug() + "/audit", signedIn(admin)),
                    page("/admin", signedIn(site)),
                    page("/admin/audit", signedIn(site)),
                    page("/login", signedIn(admin)),
                    mvc.perform(get("/organizations/" + organization.slug()).with(signedIn(admin)).cookie(session))
                            .andReturn().getResponse().getContentAsString(),
                    refused);
            for (String html : pages) {
                assertThat(html).as("payload %s", payload).doesNotContain(payload)
                        .doesNotContainPattern("<(script|img|svg)[ /][^>]*(alert|onerror|onload)");
            }
            assertThat(pages.get(0)).contains("Your account (" + escaped(payload + " admin") + ")");
            assertThat(pages.get(3)).contains(escaped(payload + " org"), escaped(payload + " member"));
            assertThat(pages.get(8)).contains("<p class=\"flash\" role=\"status\">" + escaped(payload + " member") + " is now Reviewer.</p>");
        }
    }

    /** The text as Thymeleaf writes it into an element. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

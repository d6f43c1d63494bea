package org.sanctuaryscorecard.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.sanctuaryscorecard.Members.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code /organizations}: who sees which organization, and its admins adding, changing and removing members. */
@ScorecardWebTest
class MembershipPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;
    Organization coalition;
    Account admin;
    Account editor;

    @BeforeEach
    void coalition() {
        coalition = Members.newOrganization(accounts, "Bay Area Coalition");
        admin = Members.newMember(accounts, coalition, Role.ADMIN, "Alma Admin");
        editor = Members.newMember(accounts, coalition, Role.EDITOR, "Eddie Editor");
    }

    private String page() {
        return "/organizations/" + coalition.slug();
    }

    private ResultActions setRole(Account as, String username, String role) throws Exception {
        return mvc.perform(post(page() + "/members").with(csrf()).with(signedIn(as)).param("form", "add-member")
                .param("username", username).param("role", role));
    }

    private ResultActions remove(Account as, String username) throws Exception {
        return mvc.perform(post(page() + "/members/" + username + "/remove").with(csrf()).with(signedIn(as)));
    }

    @Test
    void membersSeeTheirOrganizationsAndItsMembers() throws Exception {
        mvc.perform(get("/organizations").with(signedIn(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Bay Area Coalition</a></td>")))
                .andExpect(content().string(containsString("<td>Editor</td>")))
                .andExpect(content().string(not(containsString("Make an organization"))));
        mvc.perform(get(page()).with(signedIn(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Bay Area Coalition</h1>")))
                .andExpect(content().string(containsString("<th scope=\"row\">Alma Admin</th>")))
                .andExpect(content().string(containsString("<th scope=\"row\">Eddie Editor</th>")))
                .andExpect(content().string(not(containsString("Add a member"))))
                .andExpect(content().string(not(containsString("Audit trail of this organization"))));
    }

    @Test
    void outsidersGetNotFoundAndAnonymousVisitorsTheSignInPage() throws Exception {
        Account outsider = Members.newAccount(accounts, "Olga Outsider");

        mvc.perform(get(page()).with(signedIn(outsider)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no organization at this address that you can see.")))
                .andExpect(content().string(not(containsString("Eddie Editor"))));
        mvc.perform(get("/organizations/no-such-organization").with(signedIn(outsider))).andExpect(status().isNotFound());
        setRole(outsider, outsider.username(), "admin").andExpect(status().isNotFound());
        remove(outsider, editor.username()).andExpect(status().isNotFound());
        mvc.perform(get("/organizations").with(signedIn(outsider)))
                .andExpect(content().string(not(containsString("Bay Area Coalition"))));
        mvc.perform(get(page())).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/organizations")).andExpect(redirectedUrl("/login"));
        assertThat(accounts.role(coalition.id(), outsider.id())).isEmpty();
    }

    @Test
    void membersWhoAreNotAdminsMayNotChangeMembers() throws Exception {
        Account other = Members.newAccount(accounts, "Ophelia");

        setRole(editor, other.username(), "viewer")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the organization’s admins (and the site’s administrators) can do this.")));
        setRole(editor, editor.username(), "admin").andExpect(status().isForbidden());
        remove(editor, admin.username()).andExpect(status().isForbidden());
        assertThat(accounts.role(coalition.id(), editor.id())).contains(Role.EDITOR);
        assertThat(accounts.role(coalition.id(), other.id())).isEmpty();
    }

    @Test
    void anAdminAddsAMemberChangesTheRoleAndRemovesThem() throws Exception {
        Account luis = Members.newAccount(accounts, "Luis Lugo");
        mvc.perform(get(page()).with(signedIn(admin)))
                .andExpect(content().string(containsString("<label for=\"add-member-username\">Username</label>")))
                .andExpect(content().string(containsString("Audit trail of this organization")));

        setRole(admin, luis.username(), "editor")
                .andExpect(redirectedUrl(page()))
                .andExpect(flash().attribute("flash", "Luis Lugo is now a member, as Editor."));
        assertThat(accounts.role(coalition.id(), luis.id())).contains(Role.EDITOR);

        setRole(admin, luis.username(), "reviewer")
                .andExpect(flash().attribute("flash", "Luis Lugo is now Reviewer."));
        mvc.perform(get(page()).with(signedIn(admin)))
                .andExpect(content().string(containsString("<th scope=\"row\">Luis Lugo</th>")))
                .andExpect(content().string(containsString("aria-label=\"Remove Luis Lugo from the organization\"")));

        remove(admin, luis.username())
                .andExpect(redirectedUrl(page()))
                .andExpect(flash().attribute("flash", "Luis Lugo is no longer a member."));
        assertThat(accounts.role(coalition.id(), luis.id())).isEmpty();

        List<AuditEvent> trail = audit.forTarget("membership", coalition.slug() + "/" + luis.username());
        assertThat(trail).extracting(AuditEvent::action).containsExactly("add", "change-role", "remove");
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(admin.id());
            assertThat(e.actorName()).isEqualTo("Alma Admin");
            assertThat(e.origin()).isEqualTo("127.0.0.1");
            assertThat(e.organizationId()).isEqualTo(coalition.id());
        });
        assertThat(trail).extracting(AuditEvent::before).containsExactly(null, "{\"role\":\"editor\"}", "{\"role\":\"reviewer\"}");
        assertThat(trail).extracting(AuditEvent::after).containsExactly("{\"role\":\"editor\"}", "{\"role\":\"reviewer\"}", null);
    }

    @Test
    void anAdminMakesAnAccountForSomeoneNewWhoThenSignsIn() throws Exception {
        String username = Members.unique("new");
        mvc.perform(get(page()).with(signedIn(admin)))
                .andExpect(content().string(containsString("<h2 id=\"new-member-heading\">Make an account for a new member</h2>")))
                .andExpect(content().string(containsString("<label for=\"new-member-password\">Temporary password</label>")));

        mvc.perform(post(page() + "/members/new").with(csrf()).with(signedIn(admin)).param("form", "new-member")
                        .param("username", username).param("displayName", "Nina New").param("password", "temporary password 2")
                        .param("role", "reviewer"))
                .andExpect(redirectedUrl(page()))
                .andExpect(flash().attribute("flash", "The account " + username + " (Nina New) is made and added as Reviewer. "
                        + "Give the person the temporary password; they change it on their account page."));

        Account nina = accounts.find(username).orElseThrow();
        assertThat(nina.siteAdmin()).isFalse();
        assertThat(accounts.role(coalition.id(), nina.id())).contains(Role.REVIEWER);
        mvc.perform(Members.signInForm(nina, "temporary password 2")).andExpect(redirectedUrl("/"));
        AuditEvent created = audit.forTarget("account", username).get(0);
        assertThat(created.action()).isEqualTo("create");
        assertThat(created.actorId()).isEqualTo(admin.id());
        assertThat(created.organizationId()).as("in the organization's trail").isEqualTo(coalition.id());
        assertThat(created.after()).doesNotContain("temporary password 2");
    }

    @Test
    void aRefusedNewAccountMakesNothingAndKeepsWhatWasTyped() throws Exception {
        String username = Members.unique("new");

        mvc.perform(post(page() + "/members/new").with(csrf()).with(signedIn(admin)).param("form", "new-member")
                        .param("username", username).param("displayName", "Nina New").param("password", "short").param("role", "editor"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The password must be at least 10 characters long.")))
                .andExpect(content().string(containsString("id=\"new-member-displayName\"")))
                .andExpect(content().string(containsString("value=\"Nina New\"")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        mvc.perform(post(page() + "/members/new").with(csrf()).with(signedIn(admin)).param("form", "new-member")
                        .param("username", username).param("displayName", "Nina New").param("password", "temporary password 2")
                        .param("role", "owner"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("“owner” is not a role.")));
        assertThat(accounts.find(username)).isEmpty();

        mvc.perform(post(page() + "/members/new").with(csrf()).with(signedIn(editor)).param("username", username)
                        .param("displayName", "Nina New").param("password", "temporary password 2").param("role", "admin"))
                .andExpect(status().isForbidden());
        mvc.perform(post(page() + "/members/new").with(csrf()).with(signedIn(Members.newAccount(accounts, "Olga Outsider")))
                        .param("username", username).param("displayName", "Nina New").param("password", "temporary password 2")
                        .param("role", "admin"))
                .andExpect(status().isNotFound());
        assertThat(accounts.find(username)).isEmpty();
    }

    @Test
    void theLastAdminCannotLeaveOrStepDown() throws Exception {
        setRole(admin, admin.username(), "editor")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Bay Area Coalition needs at least one admin: make another member admin first.")))
                .andExpect(content().string(containsString("role=\"alert\"")));
        remove(admin, admin.username()).andExpect(status().isUnprocessableContent());
        assertThat(accounts.role(coalition.id(), admin.id())).contains(Role.ADMIN);

        setRole(admin, editor.username(), "admin").andExpect(redirectedUrl(page()));
        remove(admin, admin.username()).andExpect(redirectedUrl(page()));
        assertThat(accounts.role(coalition.id(), admin.id())).isEmpty();
    }

    @Test
    void anUnknownUsernameOrRoleIsExplainedAndWhatWasTypedIsKept() throws Exception {
        setRole(admin, "nobody-by-this-name", "editor")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("There is no account with the username “nobody-by-this-name”.")))
                .andExpect(content().string(containsString("value=\"nobody-by-this-name\"")))
                .andExpect(content().string(containsString("id=\"add-member-username\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\" aria-describedby=\"problem\"")));
        setRole(admin, editor.username(), "owner")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("“owner” is not a role.")));
    }

    @Test
    void siteAdministratorsSeeAndManageEveryOrganization() throws Exception {
        Account site = Members.newSiteAdmin(accounts, "Site administrator");
        Account newcomer = Members.newAccount(accounts, "Nora Newcomer");

        mvc.perform(get("/organizations").with(signedIn(site)))
                .andExpect(content().string(containsString(">Bay Area Coalition</a></td>")))
                .andExpect(content().string(containsString("<td>not a member</td>")))
                .andExpect(content().string(containsString("Make an organization")));
        mvc.perform(get(page()).with(signedIn(site))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Add a member")));
        setRole(site, newcomer.username(), "viewer").andExpect(redirectedUrl(page()));
        assertThat(accounts.role(coalition.id(), newcomer.id())).contains(Role.VIEWER);
    }

    @Test
    void siteAdministratorsMakeOrganizationsOthersMayNot() throws Exception {
        Account site = Members.newSiteAdmin(accounts, "Site administrator");
        String slug = Members.unique("org");

        mvc.perform(post("/organizations").with(csrf()).with(signedIn(editor)).param("slug", slug).param("name", "Nope"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organizations").with(csrf()).with(signedIn(site)).param("form", "create-organization")
                        .param("slug", slug).param("name", "Legal Clinic").param("admin", editor.username()))
                .andExpect(redirectedUrl("/organizations/" + slug));
        Organization clinic = accounts.organization(slug).orElseThrow();
        assertThat(accounts.role(clinic.id(), editor.id())).contains(Role.ADMIN);
        AuditEvent created = audit.forTarget("organization", slug).get(0);
        assertThat(created.actorId()).isEqualTo(site.id());
        assertThat(created.origin()).isEqualTo("127.0.0.1");
        assertThat(created.organizationId()).isEqualTo(clinic.id());
        assertThat(created.after()).contains("\"name\":\"Legal Clinic\"");

        mvc.perform(post("/organizations").with(csrf()).with(signedIn(site)).param("form", "create-organization")
                        .param("slug", slug).param("name", "Again"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The short name " + slug + " is taken by another organization.")))
                .andExpect(content().string(containsString("value=\"Again\"")));
        mvc.perform(post("/organizations").with(csrf()).with(signedIn(site)).param("form", "create-organization")
                        .param("slug", Members.unique("org")).param("name", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Organization name is required.")));
    }
}

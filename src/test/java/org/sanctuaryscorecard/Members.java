package org.sanctuaryscorecard;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.audit.Actor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Organizations and members for tests. The standard ones ({@link #standard(Accounts)}, {@link #siteAdmin(Accounts)})
 * are made once and found again (the test database is shared by the tests of one Spring context); sign a test in as
 * one with {@code @WithUserDetails(value = Members.EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)} after
 * {@link #standard(Accounts)} has run in a {@code @BeforeEach}.
 *
 * <p>Tests that change accounts or memberships (sign-in locks, roles, passwords) make their own with
 * {@link #newAccount}, {@link #newMember}, {@link #newOrganization} and {@link #newSiteAdmin}: unique usernames and
 * slugs, the display name given. Every account made here has the password {@link #PASSWORD}, so that tests can also
 * sign in through the real form ({@link #signInForm}) or HTTP Basic; {@link #signedIn} makes a MockMvc request as an
 * account without a password. Changes are made as {@link Actor#SYSTEM} and audited like any other.
 */
public final class Members {

    /** The organization most tests work in (its slug), and its members by role. */
    public static final String ORGANIZATION = "test-coalition";
    public static final String VIEWER = "test-viewer";
    public static final String EDITOR = "test-editor";
    public static final String SECOND_EDITOR = "test-editor-2";
    public static final String REVIEWER = "test-reviewer";
    public static final String ADMIN = "test-admin";
    /** An editor of another organization, who must not see the first one's drafts. */
    public static final String OUTSIDER = "test-outsider";
    /** A site administrator (of the whole installation), in no organization: {@link #siteAdmin(Accounts)}. */
    public static final String SITE_ADMIN = "test-site-admin";
    /** The password of every account made here. */
    public static final String PASSWORD = "correct horse battery staple";

    private Members() {
    }

    /** The standard organization with a viewer, two editors, a reviewer and an admin, plus an outsider elsewhere. */
    public static Organization standard(Accounts accounts) {
        Organization organization = organization(accounts, ORGANIZATION, "Test Coalition");
        member(accounts, organization, VIEWER, Role.VIEWER);
        member(accounts, organization, EDITOR, Role.EDITOR);
        member(accounts, organization, SECOND_EDITOR, Role.EDITOR);
        member(accounts, organization, REVIEWER, Role.REVIEWER);
        member(accounts, organization, ADMIN, Role.ADMIN);
        member(accounts, organization(accounts, "test-other", "Other Group"), OUTSIDER, Role.EDITOR);
        return organization;
    }

    public static Organization organization(Accounts accounts, String slug, String name) {
        return accounts.organization(slug).orElseGet(() -> Actor.SYSTEM.call(() -> accounts.createOrganization(slug, name)));
    }

    /** The account (made with {@link #PASSWORD} if new), with this role in the organization. */
    public static Account member(Accounts accounts, Organization organization, String username, Role role) {
        Account account = accounts.find(username).orElseGet(() ->
                Actor.SYSTEM.call(() -> accounts.create(username, "Tester " + username, PASSWORD, false)));
        if (accounts.role(organization.id(), account.id()).orElse(null) != role) {
            Actor.SYSTEM.run(() -> accounts.setRole(organization.id(), username, role.id()));
        }
        return account;
    }

    /** The standard site administrator, made if new. */
    public static Account siteAdmin(Accounts accounts) {
        return accounts.find(SITE_ADMIN).orElseGet(() ->
                Actor.SYSTEM.call(() -> accounts.create(SITE_ADMIN, "Tester " + SITE_ADMIN, PASSWORD, true)));
    }

    // ---------------------------------------------------------------- new ones, for tests that change them

    /** A new organization with this name and a unique slug. */
    public static Organization newOrganization(Accounts accounts, String name) {
        return Actor.SYSTEM.call(() -> accounts.createOrganization(unique("org"), name));
    }

    /** A new account (not a site administrator, in no organization) shown as {@code displayName}. */
    public static Account newAccount(Accounts accounts, String displayName) {
        return Actor.SYSTEM.call(() -> accounts.create(unique("user"), displayName, PASSWORD, false));
    }

    /** A new site administrator shown as {@code displayName}. */
    public static Account newSiteAdmin(Accounts accounts, String displayName) {
        return Actor.SYSTEM.call(() -> accounts.create(unique("admin"), displayName, PASSWORD, true));
    }

    /** A new account shown as {@code displayName}, with this role in the organization. */
    public static Account newMember(Accounts accounts, Organization organization, Role role, String displayName) {
        Account account = newAccount(accounts, displayName);
        Actor.SYSTEM.run(() -> accounts.setRole(organization.id(), account.username(), role.id()));
        return account;
    }

    /** A unique lower-case name with this prefix, valid as a username and as a slug. */
    public static String unique(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- acting as someone

    /** Makes a MockMvc request as this account, signed in (no session, no password check). */
    public static RequestPostProcessor signedIn(Account account) {
        return user(new AccountPrincipal(account, null));
    }

    /** The sign-in form sent for this account, through Spring Security's real sign-in (which answers with a redirect). */
    public static MockHttpServletRequestBuilder signInForm(Account account, String password) {
        return post("/login").with(csrf()).param("username", account.username()).param("password", password);
    }

    /** Runs service calls as this account, as a request of theirs would. */
    public static <T> T as(Account account, Supplier<T> work) {
        return new Actor(account.id(), account.displayName(), "127.0.0.1").call(work);
    }
}

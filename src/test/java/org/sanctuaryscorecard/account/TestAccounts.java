package org.sanctuaryscorecard.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Locale;
import java.util.UUID;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test helper: organizations and accounts with roles, and MockMvc requests made as one of those accounts.
 *
 * <pre>{@code
 * @Autowired Accounts accounts;
 *
 * TestAccounts people = new TestAccounts(accounts);
 * Organization coalition = people.organization("Bay Area Coalition");
 * Account editor = people.member(coalition, Role.EDITOR);
 * mvc.perform(post("/some/form").with(csrf()).with(TestAccounts.as(editor)));
 * Cookie session = mvc.perform(TestAccounts.signIn(editor, TestAccounts.PASSWORD)).andReturn().getResponse().getCookie("SESSION");
 * }</pre>
 *
 * <p>The test database is shared by every test of a run (and by every Spring context on it), so usernames and slugs
 * are made unique on each call; the display name is what you give. Every account's password is {@link #PASSWORD}, so
 * that tests can also sign in through the real form or HTTP Basic. Changes are made as {@code Actor.SYSTEM} and are
 * audited like any other.
 */
public final class TestAccounts {

    /** The password of every account made here. */
    public static final String PASSWORD = "correct horse battery";

    private final Accounts accounts;

    public TestAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A new organization with this name and a unique slug. */
    public Organization organization(String name) {
        return accounts.createOrganization(unique("org"), name);
    }

    /** A new organization with a unique name. */
    public Organization organization() {
        return organization("Organization " + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A new account (not a site administrator, in no organization) shown as {@code displayName}. */
    public Account account(String displayName) {
        return accounts.create(unique("user"), displayName, PASSWORD, false);
    }

    /** A new account with a generated display name. */
    public Account account() {
        return account("Person " + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A new site administrator. */
    public Account siteAdmin() {
        return accounts.create(unique("admin"), "Site administrator", PASSWORD, true);
    }

    /** A new account with this role in the organization. */
    public Account member(Organization organization, Role role) {
        return member(organization, role, role.id() + " of " + organization.name());
    }

    /** A new account shown as {@code displayName}, with this role in the organization. */
    public Account member(Organization organization, Role role, String displayName) {
        Account account = account(displayName);
        accounts.setRole(organization.id(), account.username(), role.id());
        return account;
    }

    /** Makes a MockMvc request as this account, signed in (no session, no password check). */
    public static RequestPostProcessor as(Account account) {
        return user(new AccountPrincipal(account, null));
    }

    /** The sign-in form sent for this account (through Spring Security's real sign-in, which answers with a redirect). */
    public static MockHttpServletRequestBuilder signIn(Account account, String password) {
        return post("/login").with(csrf()).param("username", account.username()).param("password", password);
    }

    /** A unique lower-case name with this prefix, valid as a username and as a slug. */
    public static String unique(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
    }
}

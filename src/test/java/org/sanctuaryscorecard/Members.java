package org.sanctuaryscorecard;

import java.util.function.Supplier;

import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.audit.Actor;

/**
 * Organizations and members for tests, made once and found again (the test database is shared by the tests of one
 * Spring context). Sign a test in with {@code @WithUserDetails(value = Members.EDITOR, setupBefore =
 * TestExecutionEvent.TEST_EXECUTION)} after {@link #standard(Accounts)} has run in a {@code @BeforeEach}.
 */
public final class Members {

    /** The organization most tests work in, and its members by role. */
    public static final String ORGANIZATION = "test-coalition";
    public static final String VIEWER = "test-viewer";
    public static final String EDITOR = "test-editor";
    public static final String SECOND_EDITOR = "test-editor-2";
    public static final String REVIEWER = "test-reviewer";
    public static final String ADMIN = "test-admin";
    /** An editor of another organization, who must not see the first one's drafts. */
    public static final String OUTSIDER = "test-outsider";
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

    /** Runs service calls as this account, as a request of theirs would. */
    public static <T> T as(Account account, Supplier<T> work) {
        return new Actor(account.id(), account.displayName(), "127.0.0.1").call(work);
    }
}

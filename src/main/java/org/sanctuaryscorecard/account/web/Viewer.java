package org.sanctuaryscorecard.account.web;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.AccountPrincipal;

/**
 * Who is looking at a page, for the site header: signed in or not, their name, and whether they administer the site
 * (read from the database only when a page asks).
 */
public final class Viewer {

    private final AccountPrincipal principal;
    private final AccessPolicy policy;
    private Boolean siteAdmin;

    private Viewer(AccountPrincipal principal, AccessPolicy policy) {
        this.principal = principal;
        this.policy = policy;
    }

    static Viewer of(AccessPolicy policy) {
        return new Viewer(policy.current().orElse(null), policy);
    }

    public boolean signedIn() {
        return principal != null;
    }

    /** The name shown, or null when not signed in. */
    public String displayName() {
        return principal == null ? null : principal.displayName();
    }

    public String username() {
        return principal == null ? null : principal.getUsername();
    }

    public boolean siteAdmin() {
        if (siteAdmin == null) {
            siteAdmin = principal != null && policy.siteAdmin();
        }
        return siteAdmin;
    }
}

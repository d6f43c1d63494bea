package org.sanctuaryscorecard.account.web;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The account pages' access checks. An organization that the person may not see answers 404, as one that does not
 * exist does, so that its existence, members and drafts stay private; one they see but may not manage answers 403.
 */
@Component
class Gatekeeper {

    private final AccessPolicy policy;
    private final Accounts accounts;

    Gatekeeper(AccessPolicy policy, Accounts accounts) {
        this.policy = policy;
        this.accounts = accounts;
    }

    /** The signed-in person (the security rules let only them reach the account pages). */
    AccountPrincipal me() {
        return policy.current().orElseThrow(() -> new ExplainedException(HttpStatus.UNAUTHORIZED, "account.error.signInFirst"));
    }

    /** An organization the person is a member of, or any for a site administrator. */
    Organization visible(String slug) {
        return accounts.organization(slug).filter(o -> policy.canSeeMembers(o.id()))
                .orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "account.error.organizationNotFound"));
    }

    /** An organization the person administers (its admins and the site's administrators). */
    Organization administered(String slug) {
        Organization organization = visible(slug);
        if (!policy.canAdminister(organization.id())) {
            throw new ExplainedException(HttpStatus.FORBIDDEN, "account.error.notOrganizationAdmin");
        }
        return organization;
    }

    boolean canAdminister(Organization organization) {
        return policy.canAdminister(organization.id());
    }

    boolean siteAdmin() {
        return policy.siteAdmin();
    }

    void requireSiteAdmin() {
        if (!policy.siteAdmin()) {
            throw new ExplainedException(HttpStatus.FORBIDDEN, "account.error.siteAdminOnly");
        }
    }
}

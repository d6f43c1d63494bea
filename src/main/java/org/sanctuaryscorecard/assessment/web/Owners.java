package org.sanctuaryscorecard.assessment.web;

import java.util.List;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which organization a new or imported assessment belongs to: one where the signed-in person is an editor, named by
 * its slug, or their only one. Also the name the history shows for the person (their account's display name).
 */
@Component
class Owners {

    private final AccessPolicy policy;

    Owners(AccessPolicy policy) {
        this.policy = policy;
    }

    /** The organizations the current person may start assessments in. */
    List<Organization> choices() {
        return policy.organizationsWhere(Role.EDITOR);
    }

    /** The organization named by {@code slug} (or the only choice when blank), where the person is an editor. */
    Organization owner(String slug) {
        if (!policy.signedIn()) {
            throw new AccessDeniedException("sign in to start an assessment");
        }
        List<Organization> mine = choices();
        if (slug == null || slug.isBlank()) {
            if (mine.size() == 1) {
                return mine.get(0);
            }
            if (mine.isEmpty()) {
                throw new ExplainedException(HttpStatus.FORBIDDEN, "assessment.error.noOrganization");
            }
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "assessment.error.chooseOrganization");
        }
        return mine.stream().filter(o -> o.slug().equals(slug.strip())).findFirst().orElseThrow(() ->
                new ExplainedException(HttpStatus.FORBIDDEN, "assessment.error.notEditorOf", slug.strip()));
    }

    /** The name of the person making a change, as the history shows it. */
    static String editor() {
        return Actor.current().name();
    }

    /** Publishing or sending back needs a reviewer of the assessment's organization. */
    void requireReviewer(long organizationId) {
        if (!policy.canReview(organizationId)) {
            throw new ExplainedException(HttpStatus.FORBIDDEN, "assessment.error.reviewerOnly");
        }
    }
}

package org.sanctuaryscorecard.account;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may do what, in one place. Anyone, signed in or not, reads what is published. Members of an organization read
 * its drafts and reviews; editors start and edit; reviewers publish and send back; admins manage members and read the
 * audit trail. Roles are read from the database on every check, so a change applies at once.
 */
@Component
public class AccessPolicy {

    private final Accounts accounts;

    public AccessPolicy(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in person, if any. */
    public Optional<AccountPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            return Optional.empty();
        }
        return Optional.of(principal);
    }

    public boolean signedIn() {
        return current().isPresent();
    }

    /** Whether the current person administers the site, read from the database so that a change applies at once. */
    public boolean siteAdmin() {
        return current().flatMap(p -> accounts.find(p.getUsername())).map(a -> a.siteAdmin() && a.enabled()).orElse(false);
    }

    /** The current person's role in an organization, if they are a member. */
    public Optional<Role> roleIn(long organizationId) {
        return current().flatMap(p -> accounts.role(organizationId, p.accountId()));
    }

    /** Whether the current person has at least this role in the organization. */
    public boolean has(long organizationId, Role role) {
        return roleIn(organizationId).map(r -> r.includes(role)).orElse(false);
    }

    /** Published work is public; anything else is for the organization's members. */
    public boolean canView(long organizationId, boolean published) {
        return published || has(organizationId, Role.VIEWER);
    }

    public boolean canEdit(long organizationId) {
        return has(organizationId, Role.EDITOR);
    }

    public boolean canReview(long organizationId) {
        return has(organizationId, Role.REVIEWER);
    }

    /** Manages the organization's members and reads its audit trail: its admins, and the site's administrators. */
    public boolean canAdminister(long organizationId) {
        return has(organizationId, Role.ADMIN) || siteAdmin();
    }

    /** The organizations where the current person has at least this role, by name. */
    public List<Organization> organizationsWhere(Role role) {
        return current().map(p -> accounts.membershipsOf(p.accountId()).stream().filter(m -> m.role().includes(role))
                .map(Membership::organization).toList()).orElse(List.of());
    }

    /** Sees an organization's page and its members: its members, and the site's administrators. */
    public boolean canSeeMembers(long organizationId) {
        return has(organizationId, Role.VIEWER) || siteAdmin();
    }
}

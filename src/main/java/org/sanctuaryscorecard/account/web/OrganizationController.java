package org.sanctuaryscorecard.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.AccountInputException;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Membership;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /organizations}: your organizations (site administrators: all, and a form to make one), and each
 * organization's members with their roles, which its admins manage: adding someone who has an account by their
 * username, or making an account for them with a temporary password; changing roles; removing members. The service
 * keeps the last admin from leaving or stepping down.
 */
@Controller
class OrganizationController implements FormPage {

    private final Accounts accounts;
    private final Gatekeeper gate;
    private final ErrorReplies replies;

    OrganizationController(Accounts accounts, Gatekeeper gate, ErrorReplies replies) {
        this.accounts = accounts;
        this.gate = gate;
        this.replies = replies;
    }

    /** One line of the list: an organization and the person's role in it (null for a site administrator who is not a member). */
    public record Listed(Organization organization, Role role) {
    }

    @GetMapping("/organizations")
    @Gate(Gate.Who.SIGNED_IN)
    ModelAndView list() {
        AccountPrincipal me = gate.me();
        List<Membership> mine = accounts.membershipsOf(me.accountId());
        List<Listed> listed = gate.siteAdmin()
                ? accounts.organizations().stream().map(o -> new Listed(o, mine.stream()
                        .filter(m -> m.organization().id() == o.id()).map(Membership::role).findFirst().orElse(null))).toList()
                : mine.stream().map(m -> new Listed(m.organization(), m.role())).toList();
        ModelAndView page = new ModelAndView("account/organizations");
        page.addObject("organizations", listed);
        page.addObject("canCreate", gate.siteAdmin());
        return page;
    }

    @PostMapping("/organizations")
    @Gate(Gate.Who.SITE_ADMINS)
    String create(@RequestParam(required = false) String slug, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String admin, RedirectAttributes redirect) {
        gate.requireSiteAdmin();
        Organization created = accounts.createOrganization(slug, name, admin);
        redirect.addFlashAttribute("flash", replies.message("account.organization.created", created.name()));
        return "redirect:/organizations/" + created.slug();
    }

    @GetMapping("/organizations/{slug}")
    @Gate(Gate.Who.ORGANIZATION_MEMBERS)
    ModelAndView organization(@PathVariable String slug) {
        Organization organization = gate.visible(slug);
        ModelAndView page = new ModelAndView("account/organization");
        page.addObject("organization", organization);
        page.addObject("members", accounts.members(organization.id()));
        page.addObject("canManage", gate.canAdminister(organization));
        page.addObject("roles", Role.values());
        page.addObject("passwordMin", Accounts.PASSWORD_MIN);
        return page;
    }

    /** Adds a member with a role, or changes a member's role. */
    @PostMapping("/organizations/{slug}/members")
    @Gate(Gate.Who.ORGANIZATION_ADMINS)
    String setRole(@PathVariable String slug, @RequestParam(required = false) String username,
                   @RequestParam(required = false) String role, RedirectAttributes redirect) {
        Organization organization = gate.administered(slug);
        boolean added = accounts.members(organization.id()).stream()
                .noneMatch(m -> m.account().username().equalsIgnoreCase(username == null ? "" : username.strip()));
        Membership membership = accounts.setRole(organization.id(), username, role);
        redirect.addFlashAttribute("flash", replies.message(added ? "account.member.added" : "account.member.changed",
                membership.account().displayName(), replies.message("account.role." + membership.role().id())));
        return "redirect:/organizations/" + organization.slug();
    }

    /** Makes an account for someone who has none, with a temporary password, and adds them with a role. */
    @PostMapping("/organizations/{slug}/members/new")
    @Gate(Gate.Who.ORGANIZATION_ADMINS)
    String createMember(@PathVariable String slug, @RequestParam(required = false) String username,
                        @RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
                        @RequestParam(required = false) String role, RedirectAttributes redirect) {
        Organization organization = gate.administered(slug);
        Membership membership = accounts.createMember(organization.id(), username, displayName, password, role);
        redirect.addFlashAttribute("flash", replies.message("account.member.created", membership.account().displayName(),
                membership.account().username(), replies.message("account.role." + membership.role().id())));
        return "redirect:/organizations/" + organization.slug();
    }

    @PostMapping("/organizations/{slug}/members/{username}/remove")
    @Gate(Gate.Who.ORGANIZATION_ADMINS)
    String remove(@PathVariable String slug, @PathVariable String username, RedirectAttributes redirect) {
        Organization organization = gate.administered(slug);
        Account account = accounts.find(username)
                .orElseThrow(() -> new AccountInputException("username", "account.error.noSuchAccount", username));
        accounts.removeMember(organization.id(), account.username());
        redirect.addFlashAttribute("flash", replies.message("account.member.removed", account.displayName()));
        return "redirect:/organizations/" + organization.slug();
    }

    @Override
    public ModelAndView redisplay(HttpServletRequest request) {
        String slug = FormPage.pathVariable(request, "slug");
        return slug == null ? list() : organization(slug);
    }
}

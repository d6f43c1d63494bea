package org.sanctuaryscorecard.account.web;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.AccountInputException;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.internal.AccountSessions;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin}, for site administrators only: accounts (create with a temporary password, enable or disable, reset
 * the password, make or unmake site administrator) and organizations. Disabling an account or resetting its password
 * signs it out everywhere.
 */
@Controller
class AdminController implements FormPage {

    private final Accounts accounts;
    private final Gatekeeper gate;
    private final AccountSessions sessions;
    private final ErrorReplies replies;
    private final Clock clock;

    AdminController(Accounts accounts, Gatekeeper gate, AccountSessions sessions, ErrorReplies replies, Clock clock) {
        this.accounts = accounts;
        this.gate = gate;
        this.sessions = sessions;
        this.replies = replies;
        this.clock = clock;
    }

    @GetMapping("/admin")
    @Gate(Gate.Who.SITE_ADMINS)
    ModelAndView admin() {
        gate.requireSiteAdmin();
        ModelAndView page = new ModelAndView("account/admin");
        List<Account> all = accounts.all();
        page.addObject("accounts", all);
        page.addObject("locks", all.stream().filter(a -> a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant()))
                .collect(Collectors.toMap(Account::username, a -> AuditRows.WHEN.format(a.lockedUntil()))));
        page.addObject("organizations", accounts.organizations());
        page.addObject("passwordMin", Accounts.PASSWORD_MIN);
        page.addObject("me", gate.me().getUsername());
        return page;
    }

    @PostMapping("/admin/accounts")
    @Gate(Gate.Who.SITE_ADMINS)
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String password, @RequestParam(defaultValue = "false") boolean siteAdmin,
                  RedirectAttributes redirect) {
        gate.requireSiteAdmin();
        Account account = accounts.create(username, displayName, password, siteAdmin);
        return done(redirect, "account.admin.created", account.displayName(), account.username());
    }

    @PostMapping("/admin/accounts/{username}/enabled")
    @Gate(Gate.Who.SITE_ADMINS)
    String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        gate.requireSiteAdmin();
        Account account = account(username);
        accounts.setEnabled(account.id(), enabled);
        if (!enabled) {
            sessions.end(account.username(), null);
        }
        return done(redirect, enabled ? "account.admin.enabled" : "account.admin.disabled", account.displayName());
    }

    @PostMapping("/admin/accounts/{username}/password")
    @Gate(Gate.Who.SITE_ADMINS)
    String resetPassword(@PathVariable String username, @RequestParam(required = false) String password,
                         RedirectAttributes redirect) {
        gate.requireSiteAdmin();
        Account account = account(username);
        accounts.resetPassword(account.id(), password);
        sessions.end(account.username(), null);
        return done(redirect, "account.admin.passwordReset", account.displayName());
    }

    @PostMapping("/admin/accounts/{username}/site-admin")
    @Gate(Gate.Who.SITE_ADMINS)
    String siteAdmin(@PathVariable String username, @RequestParam boolean siteAdmin, RedirectAttributes redirect) {
        gate.requireSiteAdmin();
        Account account = account(username);
        accounts.setSiteAdmin(account.id(), siteAdmin);
        return done(redirect, siteAdmin ? "account.admin.madeSiteAdmin" : "account.admin.unmadeSiteAdmin", account.displayName());
    }

    @PostMapping("/admin/organizations")
    @Gate(Gate.Who.SITE_ADMINS)
    String createOrganization(@RequestParam(required = false) String slug, @RequestParam(required = false) String name,
                              @RequestParam(required = false) String admin, RedirectAttributes redirect) {
        gate.requireSiteAdmin();
        Organization organization = accounts.createOrganization(slug, name, admin);
        return done(redirect, "account.organization.created", organization.name());
    }

    @Override
    public ModelAndView redisplay(HttpServletRequest request) {
        return admin();
    }

    private Account account(String username) {
        return accounts.find(username).orElseThrow(() -> new AccountInputException("account", "account.error.noSuchAccount", username));
    }

    private String done(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("flash", replies.message(key, arguments));
        return "redirect:/admin";
    }
}

package org.sanctuaryscorecard.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.sanctuaryscorecard.account.AccountInputException;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.internal.AccountSessions;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account}: who you are, your organizations and roles, and changing your password. */
@Controller
class AccountController implements FormPage {

    private final Accounts accounts;
    private final Gatekeeper gate;
    private final AccountSessions sessions;
    private final ErrorReplies replies;

    AccountController(Accounts accounts, Gatekeeper gate, AccountSessions sessions, ErrorReplies replies) {
        this.accounts = accounts;
        this.gate = gate;
        this.sessions = sessions;
        this.replies = replies;
    }

    @GetMapping("/account")
    @Gate(Gate.Who.SIGNED_IN)
    ModelAndView account() {
        AccountPrincipal me = gate.me();
        ModelAndView page = new ModelAndView("account/account");
        page.addObject("account", accounts.get(me.accountId()));
        page.addObject("memberships", accounts.membershipsOf(me.accountId()));
        page.addObject("passwordMin", Accounts.PASSWORD_MIN);
        return page;
    }

    /** Changes one's own password; one's other sessions (other browsers, other devices) are signed out. */
    @PostMapping("/account/password")
    @Gate(Gate.Who.SIGNED_IN)
    String changePassword(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String password,
                          @RequestParam(required = false) String repeat, HttpServletRequest request, RedirectAttributes redirect) {
        AccountPrincipal me = gate.me();
        if (password == null || !password.equals(repeat)) {
            throw new AccountInputException("repeat", "account.error.passwordMismatch");
        }
        accounts.changePassword(me.accountId(), currentPassword, password);
        HttpSession session = request.getSession(false);
        sessions.end(me.getUsername(), session == null ? null : session.getId());
        redirect.addFlashAttribute("flash", replies.message("account.password.changed"));
        return "redirect:/account";
    }

    @Override
    public ModelAndView redisplay(HttpServletRequest request) {
        return account();
    }
}

package org.sanctuaryscorecard.account.web;

import jakarta.servlet.http.HttpServletRequest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.InstallationSetup;
import org.sanctuaryscorecard.account.InstallationSetup.LinkState;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one-time setup link printed at the first start: a form for the first site administrator and, if wanted, the
 * first organization. A wrong link answers 404; an expired one, or any link once an account exists, 410.
 */
@Controller
class SetupController implements FormPage {

    private final InstallationSetup setup;

    SetupController(InstallationSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/setup/{token}")
    @Gate(Gate.Who.ANYONE)
    ModelAndView form(@PathVariable String token) {
        requireValid(token);
        return page(token);
    }

    @PostMapping("/setup/{token}")
    @Gate(Gate.Who.ANYONE)
    String create(@PathVariable String token, @RequestParam(required = false) String username,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String repeat, @RequestParam(required = false) String slug,
                  @RequestParam(required = false) String name) {
        requireValid(token);
        setup.complete(token, username, displayName, password, repeat, slug, name);
        return "redirect:/login?setup";
    }

    @Override
    public ModelAndView redisplay(HttpServletRequest request) {
        return page(FormPage.pathVariable(request, "token"));
    }

    private static ModelAndView page(String token) {
        ModelAndView page = new ModelAndView("account/setup");
        page.addObject("token", token);
        page.addObject("passwordMin", Accounts.PASSWORD_MIN);
        return page;
    }

    private void requireValid(String token) {
        LinkState state = setup.check(token);
        switch (state) {
            case VALID -> { }
            case WRONG -> throw new ExplainedException(HttpStatus.NOT_FOUND, "setup.error.wrong");
            case EXPIRED -> throw new ExplainedException(HttpStatus.GONE, "setup.error.expired");
            case DONE -> throw new ExplainedException(HttpStatus.GONE, "setup.error.done");
        }
    }
}

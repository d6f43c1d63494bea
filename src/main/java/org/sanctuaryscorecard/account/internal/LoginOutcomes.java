package org.sanctuaryscorecard.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.audit.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * What happens after a sign-in attempt, by form or HTTP Basic: a success clears the count of failures; a wrong
 * password counts one, and {@link Accounts#FAILED_LOGINS_BEFORE_LOCK} in a row lock the account for
 * {@link Accounts#LOCK}. The sign-in page then says which of these happened, in plain words.
 */
@Component
class LoginOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final Accounts accounts;
    private final Clock clock;

    LoginOutcomes(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        setDefaultTargetUrl("/");
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            accounts.succeededLogin(principal.accountId());
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        if (name instanceof String username) {
            // Sign-in runs before the ActorFilter: a lock is recorded with the address the attempts came from.
            String origin = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress() : null;
            new Actor(null, "anonymous", origin).run(() -> accounts.failedLogin(username));
        }
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = "bad";
        String until = "";
        if (exception instanceof LockedException || exception instanceof BadCredentialsException) {
            Instant locked = accounts.find(request.getParameter("username")).map(a -> a.lockedUntil()).orElse(null);
            if (locked != null && locked.isAfter(clock.instant())) {
                reason = "locked";
                until = "&until=" + locked.getEpochSecond();
            }
        } else if (exception instanceof DisabledException) {
            reason = "disabled";
        }
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason + until);
    }
}

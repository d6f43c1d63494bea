package org.sanctuaryscorecard.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.web.Readers;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the signed-in person (or an anonymous visitor, with their address) the {@link Actor} of the request, so that
 * whatever the request changes is recorded with who did it and from where.
 */
@Component
class ActorFilter extends OncePerRequestFilter {

    private final AccessPolicy policy;

    ActorFilter(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getRemoteAddr();
        Actor actor = policy.current().map((AccountPrincipal p) -> new Actor(p.accountId(), p.displayName(), origin))
                .orElseGet(() -> new Actor(null, "anonymous", origin));
        if (actor.accountId() != null) {
            request.setAttribute(Readers.SIGNED_IN, Boolean.TRUE);
        }
        actor.enter();
        try {
            chain.doFilter(request, response);
        } finally {
            Actor.clear();
        }
    }
}

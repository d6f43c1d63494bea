package org.sanctuaryscorecard.account.internal;

import java.util.Locale;

import org.sanctuaryscorecard.account.AccountPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads an account for signing in (form or HTTP Basic). */
@Component
class AccountUserDetails implements UserDetailsService {

    private final AccountStore store;

    AccountUserDetails(AccountStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return store.credentials(name).map(c -> new AccountPrincipal(c.account(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}

package org.sanctuaryscorecard.account.internal;

import java.time.Clock;
import java.util.Locale;

import org.sanctuaryscorecard.account.Account;
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
    private final Clock clock;

    AccountUserDetails(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return store.credentials(name).map(c -> new AccountPrincipal(lockAsOfNow(c.account()), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** The account with a lock that has run out (by the application's clock) forgotten, so that it may sign in again. */
    private Account lockAsOfNow(Account account) {
        if (account.lockedUntil() == null || account.lockedUntil().isAfter(clock.instant())) {
            return account;
        }
        return new Account(account.id(), account.username(), account.displayName(), account.siteAdmin(), account.enabled(), null,
                account.createdAt());
    }
}

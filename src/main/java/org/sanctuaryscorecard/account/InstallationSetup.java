package org.sanctuaryscorecard.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.account.internal.AccountStore;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first start: no default password. While no account exists, each start makes a one-time link (a random 256-bit
 * token, valid for {@link #LINK_VALID}) that creates the first site administrator; only the token's SHA-256 hash is
 * stored. The link works once, and never after any account exists.
 */
@Service
@Transactional
public class InstallationSetup {

    /** How long a setup link works. */
    public static final Duration LINK_VALID = Duration.ofHours(24);

    /** What a setup link is worth now. */
    public enum LinkState {
        /** it may create the first administrator */
        VALID,
        /** no such link (mistyped, or replaced by a newer start's link) */
        WRONG,
        /** older than {@link #LINK_VALID} */
        EXPIRED,
        /** an account exists: the installation is set up */
        DONE
    }

    static final String SETTING = "setup-link";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final AccountStore store;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public InstallationSetup(AccountStore store, Accounts accounts, AuditTrail audit, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new setup link's token when no account exists (replacing any earlier one), otherwise nothing. */
    public Optional<String> newLink() {
        if (store.count() > 0) {
            store.deleteSetting(SETTING);
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(LINK_VALID);
        store.setSetting(SETTING, hash(token) + " " + expires.getEpochSecond(), clock.instant());
        audit.record(null, "setting", SETTING, "issue", null, Map.of("expires", expires.toString()));
        return Optional.of(token);
    }

    @Transactional(readOnly = true)
    public LinkState check(String token) {
        if (store.count() > 0) {
            return LinkState.DONE;
        }
        Optional<String> stored = store.setting(SETTING);
        if (token == null || !TOKEN.matcher(token).matches() || stored.isEmpty()) {
            return LinkState.WRONG;
        }
        String[] parts = stored.get().split(" ");
        if (!MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII), hash(token).getBytes(StandardCharsets.US_ASCII))) {
            return LinkState.WRONG;
        }
        return Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(clock.instant()) ? LinkState.VALID : LinkState.EXPIRED;
    }

    /**
     * Creates the first site administrator and, when a slug or name is given, the first organization with them as its
     * admin; uses up the link. Nothing is stored if anything is refused.
     *
     * @throws AccountInputException when the link no longer works or the input cannot be saved
     */
    public Account complete(String token, String username, String displayName, String password, String repeat,
                            String organizationSlug, String organizationName) {
        LinkState state = check(token);
        if (state != LinkState.VALID) {
            throw new AccountInputException("token", "setup.error." + state.name().toLowerCase(Locale.ROOT));
        }
        if (password == null || !password.equals(repeat)) {
            throw new AccountInputException("repeat", "account.error.passwordMismatch");
        }
        boolean withOrganization = !blank(organizationSlug) || !blank(organizationName);
        if (withOrganization && blank(organizationSlug)) {
            throw new AccountInputException("slug", "account.error.required", "slug");
        }
        if (withOrganization && blank(organizationName)) {
            throw new AccountInputException("name", "account.error.required", "name");
        }
        // Claims the link: of two people sending the form at once, the second finds it gone.
        if (store.claimSetting(SETTING) != 1 || store.count() > 0) {
            throw new AccountInputException("token", "setup.error.done");
        }
        Account admin = accounts.create(username, displayName, password, true);
        // what follows is the new administrator's doing, from the address the link was opened from
        new Actor(admin.id(), admin.displayName(), Actor.current().origin()).run(() -> {
            if (withOrganization) {
                accounts.createOrganization(organizationSlug, organizationName, admin.username());
            }
            audit.record(null, "setting", SETTING, "use", null, Map.of("administrator", admin.username()));
        });
        return admin;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

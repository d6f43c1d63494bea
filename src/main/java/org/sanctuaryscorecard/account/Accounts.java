package org.sanctuaryscorecard.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.account.internal.AccountStore;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts, organizations and memberships. Every change is checked first and recorded in the audit trail in the same
 * transaction. Passwords are stored only as hashes (bcrypt through Spring Security's delegating encoder).
 */
@Service
@Transactional
public class Accounts {

    /** Shortest and longest password. */
    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 200;
    /** Failed sign-ins in a row that lock an account, and for how long. */
    public static final int FAILED_LOGINS_BEFORE_LOCK = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,59}");
    private static final int NAME_MAX = 200;

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public Accounts(AccountStore store, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- accounts

    /** How many accounts exist (none on a fresh installation). */
    @Transactional(readOnly = true)
    public long count() {
        return store.count();
    }

    /** Makes an account; the username is normalized to lower case. */
    public Account create(String username, String displayName, String password, boolean siteAdmin) {
        return insert(null, username, displayName, password, siteAdmin);
    }

    /**
     * Makes an account and gives it a role in an organization, both or neither: an organization admin's way to add
     * someone who has no account yet (with a temporary password they then change). The account's creation is recorded
     * in the organization's trail too, so that its admins see who made it.
     */
    public Membership createMember(long organizationId, String username, String displayName, String password, String role) {
        store.organization(organizationId).orElseThrow(() ->
                new AccountInputException("organization", "account.error.noSuchOrganization", String.valueOf(organizationId)));
        Role.of(role).orElseThrow(() -> new AccountInputException("role", "account.error.role", String.valueOf(role)));
        Account account = insert(organizationId, username, displayName, password, false);
        return setRole(organizationId, account.username(), role);
    }

    private Account insert(Long organizationId, String username, String displayName, String password, boolean siteAdmin) {
        String name = username(username);
        String shown = name("displayName", displayName);
        checkPassword(password, name);
        if (store.account(name).isPresent()) {
            throw new AccountInputException("username", "account.error.usernameTaken", name);
        }
        long id = store.insertAccount(name, shown, passwords.encode(password), siteAdmin, clock.instant());
        Account account = get(id);
        audit.record(organizationId, "account", name, "create", null, describe(account));
        return account;
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return store.account(id).orElseThrow(() -> new AccountInputException("account", "account.error.noSuchAccount", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return username == null ? Optional.empty() : store.account(username.strip().toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return store.accounts();
    }

    /** Changes one's own password, given the current one. */
    public void changePassword(long accountId, String current, String newPassword) {
        Account account = get(accountId);
        String hash = store.passwordHash(accountId).orElseThrow();
        if (current == null || !passwords.matches(current, hash)) {
            throw new AccountInputException("currentPassword", "account.error.wrongPassword");
        }
        checkPassword(newPassword, account.username());
        store.setPassword(accountId, passwords.encode(newPassword), clock.instant());
        audit.record(null, "account", account.username(), "change-password", null, null);
    }

    /** Sets a password for someone (a site administrator's reset); also lifts a lock. */
    public void resetPassword(long accountId, String newPassword) {
        Account account = get(accountId);
        checkPassword(newPassword, account.username());
        store.setPassword(accountId, passwords.encode(newPassword), clock.instant());
        audit.record(null, "account", account.username(), "reset-password", null, null);
    }

    public void setEnabled(long accountId, boolean enabled) {
        Account before = get(accountId);
        if (!enabled && before.enabled() && before.siteAdmin() && enabledSiteAdmins() == 1) {
            throw new AccountInputException("enabled", "account.error.lastSiteAdmin");
        }
        store.setEnabled(accountId, enabled);
        audit.record(null, "account", before.username(), enabled ? "enable" : "disable", describe(before), describe(get(accountId)));
    }

    public void setSiteAdmin(long accountId, boolean siteAdmin) {
        Account before = get(accountId);
        if (!siteAdmin && before.siteAdmin() && before.enabled() && enabledSiteAdmins() == 1) {
            throw new AccountInputException("siteAdmin", "account.error.lastSiteAdmin");
        }
        store.setSiteAdmin(accountId, siteAdmin);
        audit.record(null, "account", before.username(), "site-admin", describe(before), describe(get(accountId)));
    }

    /**
     * Counts a failed sign-in for this username (an unknown username counts nothing). After
     * {@link #FAILED_LOGINS_BEFORE_LOCK} in a row the account is locked for {@link #LOCK}.
     *
     * @return until when the account is locked now, or null
     */
    public Instant failedLogin(String username) {
        Optional<Account> account = find(username);
        if (account.isEmpty()) {
            return null;
        }
        int failures = store.failedLogin(account.get().id());
        Instant until = null;
        if (failures >= FAILED_LOGINS_BEFORE_LOCK) {
            until = clock.instant().plus(LOCK).truncatedTo(ChronoUnit.SECONDS);
            store.lock(account.get().id(), until);
            audit.record(null, "account", account.get().username(), "locked", null, Map.of("until", until.toString()));
        }
        return until;
    }

    public void succeededLogin(long accountId) {
        store.succeededLogin(accountId);
    }

    // ---------------------------------------------------------------- organizations

    public Organization createOrganization(String slug, String name) {
        String checkedSlug = slug(slug);
        String checkedName = name("name", name);
        if (store.organization(checkedSlug).isPresent()) {
            throw new AccountInputException("slug", "account.error.slugTaken", checkedSlug);
        }
        long id = store.insertOrganization(checkedSlug, checkedName, clock.instant());
        Organization organization = store.organization(id).orElseThrow();
        audit.record(id, "organization", checkedSlug, "create", null, organization);
        return organization;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> organization(String slug) {
        return slug == null ? Optional.empty() : store.organization(slug);
    }

    @Transactional(readOnly = true)
    public Optional<Organization> organization(long id) {
        return store.organization(id);
    }

    @Transactional(readOnly = true)
    public List<Organization> organizations() {
        return store.organizations();
    }

    // ---------------------------------------------------------------- memberships

    @Transactional(readOnly = true)
    public List<Membership> members(long organizationId) {
        return store.members(organizationId);
    }

    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(long accountId) {
        return store.membershipsOf(accountId);
    }

    @Transactional(readOnly = true)
    public Optional<Role> role(long organizationId, long accountId) {
        return store.role(organizationId, accountId);
    }

    /** Gives an account a role in an organization (adding it, or changing its role). */
    public Membership setRole(long organizationId, String username, String role) {
        Organization organization = store.organization(organizationId).orElseThrow(() ->
                new AccountInputException("organization", "account.error.noSuchOrganization", String.valueOf(organizationId)));
        Account account = find(username).orElseThrow(() -> new AccountInputException("username", "account.error.noSuchAccount",
                String.valueOf(username)));
        Role wanted = Role.of(role).orElseThrow(() -> new AccountInputException("role", "account.error.role", String.valueOf(role)));
        Optional<Role> before = store.role(organizationId, account.id());
        if (before.isPresent() && before.get() == Role.ADMIN && wanted != Role.ADMIN
                && store.countWithRole(organizationId, Role.ADMIN) == 1) {
            throw new AccountInputException("role", "account.error.lastAdmin", organization.name());
        }
        store.upsertMembership(organizationId, account.id(), wanted, clock.instant());
        audit.record(organizationId, "membership", organization.slug() + "/" + account.username(),
                before.isPresent() ? "change-role" : "add", before.map(r -> Map.of("role", r.id())).orElse(null),
                Map.of("role", wanted.id()));
        return new Membership(organization, account, wanted);
    }

    /** Takes an account out of an organization. */
    public void removeMember(long organizationId, String username) {
        Organization organization = store.organization(organizationId).orElseThrow(() ->
                new AccountInputException("organization", "account.error.noSuchOrganization", String.valueOf(organizationId)));
        Account account = find(username).orElseThrow(() -> new AccountInputException("username", "account.error.noSuchAccount",
                String.valueOf(username)));
        Optional<Role> before = store.role(organizationId, account.id());
        if (before.isEmpty()) {
            return;
        }
        if (before.get() == Role.ADMIN && store.countWithRole(organizationId, Role.ADMIN) == 1) {
            throw new AccountInputException("role", "account.error.lastAdmin", organization.name());
        }
        store.deleteMembership(organizationId, account.id());
        audit.record(organizationId, "membership", organization.slug() + "/" + account.username(), "remove",
                Map.of("role", before.get().id()), null);
    }

    /**
     * Makes an organization and, when {@code adminUsername} is given, makes that account its first admin; both or
     * neither.
     */
    public Organization createOrganization(String slug, String name, String adminUsername) {
        boolean withAdmin = adminUsername != null && !adminUsername.isBlank();
        if (withAdmin && find(adminUsername).isEmpty()) {
            throw new AccountInputException("admin", "account.error.noSuchAccount", adminUsername.strip());
        }
        Organization organization = createOrganization(slug, name);
        if (withAdmin) {
            setRole(organization.id(), adminUsername, Role.ADMIN.id());
        }
        return organization;
    }

    /** Site administrators who may sign in: the last one cannot be disabled or lose the role. */
    private long enabledSiteAdmins() {
        return all().stream().filter(a -> a.siteAdmin() && a.enabled()).count();
    }

    // ---------------------------------------------------------------- checks

    private static String username(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountInputException("username", "account.error.username", name);
        }
        return name;
    }

    private static String slug(String slug) {
        String value = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(value).matches()) {
            throw new AccountInputException("slug", "account.error.slug", value);
        }
        return value;
    }

    private static String name(String field, String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            throw new AccountInputException(field, "account.error.required", field);
        }
        if (name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw new AccountInputException(field, "account.error.name", NAME_MAX);
        }
        return name;
    }

    private static void checkPassword(String password, String username) {
        if (password == null || password.length() < PASSWORD_MIN) {
            throw new AccountInputException("password", "account.error.passwordShort", PASSWORD_MIN);
        }
        if (password.length() > PASSWORD_MAX) {
            throw new AccountInputException("password", "account.error.passwordLong", PASSWORD_MAX);
        }
        if (password.strip().equalsIgnoreCase(username)) {
            throw new AccountInputException("password", "account.error.passwordIsUsername");
        }
    }

    private static Map<String, Object> describe(Account account) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("username", account.username());
        value.put("displayName", account.displayName());
        value.put("siteAdmin", account.siteAdmin());
        value.put("enabled", account.enabled());
        return value;
    }
}

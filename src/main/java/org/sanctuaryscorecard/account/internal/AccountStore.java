package org.sanctuaryscorecard.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Membership;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts, organizations, memberships and settings: all their SQL. */
@Repository
public class AccountStore {

    private static final String ACCOUNT = "u.id, u.username, u.display_name, u.site_admin, u.enabled, u.locked_until, u.created_at";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account and what signing in needs: its password hash and failed sign-ins. */
    public record Credentials(Account account, String passwordHash, int failedLogins) {
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    public long insertAccount(String username, String displayName, String passwordHash, boolean siteAdmin, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, site_admin, enabled, failed_logins, created_at, "
                        + "password_changed_at) VALUES (?, ?, ?, ?, TRUE, 0, ?, ?)")
                .params(username, displayName, passwordHash, siteAdmin, Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT " + ACCOUNT + ", u.password_hash, u.failed_logins FROM app_user u WHERE u.username = ?")
                .param(username)
                .query((rs, n) -> new Credentials(account(rs), rs.getString(8), rs.getInt(9))).optional();
    }

    public Optional<Account> account(long id) {
        return jdbc.sql("SELECT " + ACCOUNT + " FROM app_user u WHERE u.id = ?").param(id).query((rs, n) -> account(rs)).optional();
    }

    public Optional<Account> account(String username) {
        return jdbc.sql("SELECT " + ACCOUNT + " FROM app_user u WHERE u.username = ?").param(username).query((rs, n) -> account(rs))
                .optional();
    }

    public Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(id).query(String.class).optional();
    }

    public List<Account> accounts() {
        return jdbc.sql("SELECT " + ACCOUNT + " FROM app_user u ORDER BY u.username").query((rs, n) -> account(rs)).list();
    }

    public void setPassword(long id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")
                .params(passwordHash, Timestamp.from(now), id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    public void setSiteAdmin(long id, boolean siteAdmin) {
        jdbc.sql("UPDATE app_user SET site_admin = ? WHERE id = ?").params(siteAdmin, id).update();
    }

    /** Counts a failed sign-in; returns the count now. */
    public int failedLogin(long id) {
        jdbc.sql("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ?").param(id).update();
        return jdbc.sql("SELECT failed_logins FROM app_user WHERE id = ?").param(id).query(Integer.class).single();
    }

    public void lock(long id, Instant until) {
        jdbc.sql("UPDATE app_user SET locked_until = ?, failed_logins = 0 WHERE id = ?").params(Timestamp.from(until), id).update();
    }

    public void succeededLogin(long id) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    public void unlock(long id) {
        succeededLogin(id);
    }

    // ---------------------------------------------------------------- organizations

    public long insertOrganization(String slug, String name, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO organization (slug, name, created_at) VALUES (?, ?, ?)").params(slug, name, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Organization> organization(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM organization WHERE slug = ?").param(slug).query(AccountStore::organization).optional();
    }

    public Optional<Organization> organization(long id) {
        return jdbc.sql("SELECT id, slug, name FROM organization WHERE id = ?").param(id).query(AccountStore::organization).optional();
    }

    public List<Organization> organizations() {
        return jdbc.sql("SELECT id, slug, name FROM organization ORDER BY name").query(AccountStore::organization).list();
    }

    public void renameOrganization(long id, String name) {
        jdbc.sql("UPDATE organization SET name = ? WHERE id = ?").params(name, id).update();
    }

    // ---------------------------------------------------------------- memberships

    public Optional<Role> role(long organizationId, long accountId) {
        return jdbc.sql("SELECT role FROM membership WHERE organization_id = ? AND user_id = ?").params(organizationId, accountId)
                .query(String.class).optional().flatMap(Role::of);
    }

    public List<Membership> members(long organizationId) {
        return jdbc.sql("SELECT o.id, o.slug, o.name, " + ACCOUNT + ", m.role FROM membership m JOIN organization o ON o.id = m.organization_id "
                        + "JOIN app_user u ON u.id = m.user_id WHERE m.organization_id = ? ORDER BY u.username")
                .param(organizationId).query(AccountStore::membership).list();
    }

    public List<Membership> membershipsOf(long accountId) {
        return jdbc.sql("SELECT o.id, o.slug, o.name, " + ACCOUNT + ", m.role FROM membership m JOIN organization o ON o.id = m.organization_id "
                        + "JOIN app_user u ON u.id = m.user_id WHERE m.user_id = ? ORDER BY o.name")
                .param(accountId).query(AccountStore::membership).list();
    }

    public void upsertMembership(long organizationId, long accountId, Role role, Instant now) {
        int updated = jdbc.sql("UPDATE membership SET role = ? WHERE organization_id = ? AND user_id = ?")
                .params(role.id(), organizationId, accountId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO membership (organization_id, user_id, role, created_at) VALUES (?, ?, ?, ?)")
                    .params(organizationId, accountId, role.id(), Timestamp.from(now)).update();
        }
    }

    public void deleteMembership(long organizationId, long accountId) {
        jdbc.sql("DELETE FROM membership WHERE organization_id = ? AND user_id = ?").params(organizationId, accountId).update();
    }

    public long countWithRole(long organizationId, Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE organization_id = ? AND role = ?").params(organizationId, role.id())
                .query(Long.class).single();
    }

    // ---------------------------------------------------------------- settings

    public Optional<String> setting(String name) {
        return jdbc.sql("SELECT setting_value FROM app_setting WHERE name = ?").param(name).query(String.class).optional();
    }

    public void setSetting(String name, String value, Instant now) {
        int updated = jdbc.sql("UPDATE app_setting SET setting_value = ?, updated_at = ? WHERE name = ?").params(value, Timestamp.from(now), name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO app_setting (name, setting_value, updated_at) VALUES (?, ?, ?)").params(name, value, Timestamp.from(now)).update();
        }
    }

    public void deleteSetting(String name) {
        jdbc.sql("DELETE FROM app_setting WHERE name = ?").param(name).update();
    }

    /** Deletes a setting, saying whether this call deleted it (1) or it was gone already (0). */
    public int claimSetting(String name) {
        return jdbc.sql("DELETE FROM app_setting WHERE name = ?").param(name).update();
    }

    // ---------------------------------------------------------------- rows

    private static Account account(ResultSet rs) throws SQLException {
        return account(rs, 1);
    }

    private static Account account(ResultSet rs, int from) throws SQLException {
        Timestamp locked = rs.getTimestamp(from + 5);
        return new Account(rs.getLong(from), rs.getString(from + 1), rs.getString(from + 2), rs.getBoolean(from + 3),
                rs.getBoolean(from + 4), locked == null ? null : locked.toInstant(), rs.getTimestamp(from + 6).toInstant());
    }

    private static Organization organization(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getLong(1), rs.getString(2), rs.getString(3));
    }

    private static Membership membership(ResultSet rs, int row) throws SQLException {
        Organization organization = new Organization(rs.getLong(1), rs.getString(2), rs.getString(3));
        return new Membership(organization, account(rs, 4), Role.of(rs.getString(11)).orElseThrow());
    }
}

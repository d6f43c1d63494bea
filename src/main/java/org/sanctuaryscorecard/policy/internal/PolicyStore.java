package org.sanctuaryscorecard.policy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.policy.Policy;
import org.sanctuaryscorecard.policy.PolicyInput;
import org.sanctuaryscorecard.policy.PolicyLabel;
import org.sanctuaryscorecard.policy.PolicyStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** All the SQL of policies: the policy, policy_binding and policy_label tables. */
@Repository
public class PolicyStore {

    private static final String COLUMNS = "id, jurisdiction_geoid, title, kind, citation, source_url, source_note, enacted_note, "
            + "enacted_on, effective_on, status, status_note, ended_on, seed, organization_id, created_at, updated_at, version, "
            + "in_force_by, in_force_by_note";

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new policy with its bindings and labels; returns its id. */
    public long insert(PolicyInput p, String seed, Long organizationId, Instant now, Map<String, PolicyLabel> labels) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO policy (jurisdiction_geoid, title, kind, citation, source_url, source_note, enacted_note, enacted_on, "
                        + "effective_on, status, status_note, ended_on, body, seed, organization_id, created_at, updated_at, version, "
                        + "in_force_by, in_force_by_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
                .params(p.jurisdictionGeoid(), p.title(), p.kind(), p.citation(), p.sourceUrl(), p.sourceNote(), p.enactedNote(),
                        date(p.enactedOn()), date(p.effectiveOn()), p.status(), p.statusNote(), date(p.endedOn()), p.body(), seed,
                        organizationId, Timestamp.from(now), Timestamp.from(now), date(p.inForceBy()), p.inForceByNote())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (String geoid : p.alsoBinds()) {
            jdbc.sql("INSERT INTO policy_binding (policy_id, geoid) VALUES (?, ?)").params(id, geoid).update();
        }
        labels.values().forEach(l -> putLabel(id, l));
        return id;
    }

    /** Writes one label (replacing the one there). */
    public void putLabel(long policyId, PolicyLabel l) {
        jdbc.sql("DELETE FROM policy_label WHERE policy_id = ? AND provision = ?").params(policyId, l.provision()).update();
        jdbc.sql("INSERT INTO policy_label (policy_id, provision, label, quote, origin, origin_note, confirmed_by, confirmed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(policyId, l.provision(), l.label(), l.quote(), l.origin(), l.originNote(), l.confirmedBy(),
                        l.confirmedAt() == null ? null : Timestamp.from(l.confirmedAt()))
                .update();
    }

    /** Raises the version of a policy that is at {@code version}; false when someone changed it meanwhile. */
    public boolean touch(long id, int version, Instant now) {
        return jdbc.sql("UPDATE policy SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?")
                .params(Timestamp.from(now), id, version).update() == 1;
    }

    public boolean seeded(String seed) {
        return jdbc.sql("SELECT COUNT(*) FROM policy WHERE seed = ?").param(seed).query(Long.class).single() > 0;
    }

    public Optional<Policy> find(long id) {
        return list(" WHERE id = ?", id).stream().findFirst();
    }

    public Optional<String> text(long id) {
        return jdbc.sql("SELECT body FROM policy WHERE id = ?").param(id).query(String.class).optional();
    }

    /** The policies that bind a jurisdiction (adopted by it, or binding it as the same government). */
    public List<Policy> binding(String geoid) {
        return list(" WHERE jurisdiction_geoid = ? OR id IN (SELECT policy_id FROM policy_binding WHERE geoid = ?)", geoid, geoid);
    }

    /** Every policy, with its labels and bindings, in three queries. */
    public List<Policy> all() {
        return list("");
    }

    private List<Policy> list(String where, Object... params) {
        List<Object[]> rows = jdbc.sql("SELECT " + COLUMNS + " FROM policy" + where + " ORDER BY id").params(params)
                .query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = where.isEmpty() ? "" : " WHERE policy_id IN (SELECT id FROM policy" + where + ")";
        Object[] twice = where.isEmpty() ? new Object[0] : params;
        Map<Long, Map<String, PolicyLabel>> labels = new HashMap<>();
        jdbc.sql("SELECT policy_id, provision, label, quote, origin, origin_note, confirmed_by, confirmed_at FROM policy_label" + ids)
                .params(twice).query(rs -> {
                    Timestamp at = rs.getTimestamp(8);
                    labels.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), new PolicyLabel(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            at == null ? null : at.toInstant()));
                });
        Map<Long, List<String>> bindings = new HashMap<>();
        jdbc.sql("SELECT policy_id, geoid FROM policy_binding" + ids + " ORDER BY geoid").params(twice)
                .query(rs -> {
                    bindings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        List<Policy> policies = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = (Long) r[0];
            policies.add(new Policy(id, (String) r[1], bindings.getOrDefault(id, List.of()), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (LocalDate) r[8], (LocalDate) r[9],
                    PolicyStatus.of((String) r[10]).orElseThrow(), (String) r[11], (LocalDate) r[12], (LocalDate) r[18],
                    (String) r[19], (String) r[13],
                    (Long) r[14], (Instant) r[15], (Instant) r[16], (Integer) r[17], labels.getOrDefault(id, Map.of())));
        }
        return policies;
    }

    private static Object[] row(ResultSet rs) throws SQLException {
        long org = rs.getLong(15);
        Long organization = rs.wasNull() ? null : org;
        return new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), local(rs.getDate(9)), local(rs.getDate(10)), rs.getString(11), rs.getString(12),
                local(rs.getDate(13)), rs.getString(14), organization, rs.getTimestamp(16).toInstant(),
                rs.getTimestamp(17).toInstant(), rs.getInt(18), local(rs.getDate(19)), rs.getString(20)};
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

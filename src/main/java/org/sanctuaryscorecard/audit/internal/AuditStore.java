package org.sanctuaryscorecard.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.sanctuaryscorecard.audit.AuditEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail's SQL: the audit_event table, rows only ever added. */
@Repository
public class AuditStore {

    private static final String COLUMNS = "id, at, actor_id, actor_name, origin, organization_id, target_type, target_id, action, "
            + "before_value, after_value";

    /** Rows fetched at a time by an export (PostgreSQL otherwise reads the whole result into memory). */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Instant at, Long actorId, String actorName, String origin, Long organizationId, String targetType,
                       String targetId, String action, String before, String after) {
        jdbc.sql("INSERT INTO audit_event (at, actor_id, actor_name, origin, organization_id, target_type, target_id, action, "
                        + "before_value, after_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), actorId, cut(actorName, 200), cut(origin, 100), organizationId, targetType,
                        cut(targetId, 200), action, before, after)
                .update();
    }

    public List<AuditEvent> forOrganization(long organizationId, long beforeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE organization_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
                .params(organizationId, beforeId, limit).query(AuditStore::event).list();
    }

    /** Hands every event to the sink, oldest first, reading rows in batches; the result set is closed afterwards. */
    public void each(Long organizationId, Consumer<AuditEvent> sink) {
        JdbcClient.StatementSpec query = organizationId == null
                ? jdbc.sql("SELECT " + COLUMNS + " FROM audit_event ORDER BY id")
                : jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE organization_id = ? ORDER BY id").param(organizationId);
        try (Stream<AuditEvent> events = query.withFetchSize(EXPORT_FETCH_SIZE).query(AuditStore::event).stream()) {
            events.forEach(sink);
        }
    }

    /** Every organization's and the installation's events, newest first, at most {@code limit} before {@code beforeId}. */
    public List<AuditEvent> all(long beforeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE id < ? ORDER BY id DESC LIMIT ?")
                .params(beforeId, limit).query(AuditStore::event).list();
    }

    public List<AuditEvent> forTarget(String targetType, String targetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE target_type = ? AND target_id = ? ORDER BY id")
                .params(targetType, targetId).query(AuditStore::event).list();
    }

    public long count(Long organizationId) {
        return organizationId == null
                ? jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE organization_id = ?").param(organizationId).query(Long.class).single();
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        long organization = rs.getLong(6);
        Long organizationId = rs.wasNull() ? null : organization;
        long actor = rs.getLong(3);
        Long actorId = rs.wasNull() ? null : actor;
        return new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), actorId, rs.getString(4), rs.getString(5), organizationId,
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

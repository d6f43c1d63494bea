package org.sanctuaryscorecard.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditQuery;
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

    /** The events the query selects, newest first, at most {@code limit} with a number below {@code beforeId}. */
    public List<AuditEvent> page(AuditQuery query, long beforeId, int limit) {
        Where where = where(query).and("id < ?", beforeId);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + where.sql() + " ORDER BY id DESC LIMIT ?")
                .params(params).query(AuditStore::event).list();
    }

    /**
     * Hands every event the query selects to the sink, oldest first, reading rows in batches; the result set is closed
     * afterwards.
     */
    public void each(AuditQuery query, Consumer<AuditEvent> sink) {
        Where where = where(query);
        try (Stream<AuditEvent> events = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + where.sql() + " ORDER BY id")
                .params(where.params()).withFetchSize(EXPORT_FETCH_SIZE).query(AuditStore::event).stream()) {
            events.forEach(sink);
        }
    }

    /** The actions recorded (of one organization, or all when null), in alphabetical order. */
    public List<String> actions(Long organizationId) {
        return organizationId == null
                ? jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action").query(String.class).list()
                : jdbc.sql("SELECT DISTINCT action FROM audit_event WHERE organization_id = ? ORDER BY action").param(organizationId)
                        .query(String.class).list();
    }

    public List<AuditEvent> forTarget(String targetType, String targetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE target_type = ? AND target_id = ? ORDER BY id")
                .params(targetType, targetId).query(AuditStore::event).list();
    }

    /** The newest event's number; 0 when there is none. */
    public long latestId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    public long count(AuditQuery query) {
        Where where = where(query);
        return jdbc.sql("SELECT COUNT(*) FROM audit_event" + where.sql()).params(where.params()).query(Long.class).single();
    }

    /** A WHERE clause (or nothing) and its parameters, in order. */
    private record Where(String sql, List<Object> params) {
        Where and(String condition, Object value) {
            List<Object> more = new ArrayList<>(params);
            more.add(value);
            return new Where((sql.isEmpty() ? " WHERE " : sql + " AND ") + condition, more);
        }
    }

    private static Where where(AuditQuery query) {
        Where where = new Where("", List.of());
        if (query.organizationId() != null) {
            where = where.and("organization_id = ?", query.organizationId());
        }
        if (query.from() != null) {
            where = where.and("at >= ?", Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            where = where.and("at < ?", Timestamp.from(query.until()));
        }
        if (query.actorId() != null) {
            where = where.and("actor_id = ?", query.actorId());
        }
        if (query.action() != null) {
            where = where.and("action = ?", query.action());
        }
        return where;
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

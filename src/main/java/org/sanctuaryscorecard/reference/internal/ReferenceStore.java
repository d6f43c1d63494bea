package org.sanctuaryscorecard.reference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.reference.ReferenceFact;
import org.sanctuaryscorecard.reference.ReferenceKind;
import org.sanctuaryscorecard.reference.ReferenceList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the reference lists and their facts. */
public final class ReferenceStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIST_COLUMNS = "id, kind, list_date, source, file_name, sha256, origin, loaded_at, loaded_by,"
            + " superseded_by, superseded_at, row_count, matched_count";
    private static final String FACT_COLUMNS = "list_id, line, geoid, match_method, match_note, agency, model, signed, moa_url, original";

    private final JdbcTemplate jdbc;

    public ReferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new list; returns its id. */
    public long insertList(ReferenceKind kind, LocalDate listDate, String source, String fileName, String sha256,
                           String origin, Instant loadedAt, String loadedBy, int rows, int matched) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO reference_list (kind, list_date, source, file_name, sha256,"
                    + " origin, loaded_at, loaded_by, row_count, matched_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setString(1, kind.id());
            insert.setString(2, listDate.toString());
            insert.setString(3, source);
            insert.setString(4, fileName);
            insert.setString(5, sha256);
            insert.setString(6, origin);
            insert.setTimestamp(7, Timestamp.from(loadedAt));
            insert.setString(8, loadedBy);
            insert.setInt(9, rows);
            insert.setInt(10, matched);
            return insert;
        }, keys);
        return keys.getKey().longValue();
    }

    public void insertFacts(long listId, List<FactRows.NewFact> facts) {
        jdbc.batchUpdate("INSERT INTO reference_fact (" + FACT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts, 1000,
                (insert, f) -> {
                    insert.setLong(1, listId);
                    insert.setInt(2, f.line());
                    insert.setString(3, f.geoid());
                    insert.setString(4, f.method());
                    insert.setString(5, f.note());
                    insert.setString(6, limit(f.agency(), 500));
                    insert.setString(7, f.model() == null ? null : limit(f.model(), 200));
                    insert.setString(8, f.signed() == null ? null : f.signed().toString());
                    insert.setString(9, f.moaUrl() == null ? null : limit(f.moaUrl(), 2000));
                    insert.setString(10, limit(JSON.writeValueAsString(f.original()), 8000));
                });
    }

    public void supersede(long olderId, long newerId, Instant at) {
        jdbc.update("UPDATE reference_list SET superseded_by = ?, superseded_at = ? WHERE id = ?", newerId, Timestamp.from(at), olderId);
    }

    /** Every list, the newest first within each kind. */
    public List<ReferenceList> lists() {
        return jdbc.query("SELECT " + LIST_COLUMNS + " FROM reference_list ORDER BY kind, list_date DESC, id DESC", ReferenceStore::list);
    }

    public Optional<ReferenceList> list(long id) {
        return jdbc.query("SELECT " + LIST_COLUMNS + " FROM reference_list WHERE id = ?", ReferenceStore::list, id).stream().findFirst();
    }

    /** The current list of a kind (the one no newer list superseded), locked for an import when {@code lock}. */
    public Optional<ReferenceList> current(ReferenceKind kind, boolean lock) {
        return jdbc.query("SELECT " + LIST_COLUMNS + " FROM reference_list WHERE kind = ? AND superseded_by IS NULL"
                + " ORDER BY list_date DESC, id DESC" + (lock ? " FOR UPDATE" : ""), ReferenceStore::list, kind.id()).stream().findFirst();
    }

    public boolean anyOf(ReferenceKind kind) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM reference_list WHERE kind = ?", Integer.class, kind.id());
        return count != null && count > 0;
    }

    /** The facts of the given jurisdictions, from every list (current and superseded). */
    public List<ReferenceFact> factsFor(Collection<String> geoids) {
        if (geoids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(geoids.size(), "?"));
        return facts("WHERE geoid IN (" + marks + ") ORDER BY list_id DESC, line", geoids.toArray());
    }

    /** The facts of one list; only the unmatched ones when {@code unmatchedOnly}. */
    public List<ReferenceFact> facts(long listId, boolean unmatchedOnly) {
        return facts("WHERE list_id = ?" + (unmatchedOnly ? " AND geoid IS NULL" : "") + " ORDER BY line", listId);
    }

    private List<ReferenceFact> facts(String where, Object... arguments) {
        List<Object[]> rows = new ArrayList<>();
        List<Long> listIds = new ArrayList<>();
        jdbc.query("SELECT " + FACT_COLUMNS + " FROM reference_fact " + where, rs -> {
            String signed = rs.getString("signed");
            rows.add(new Object[] {rs.getLong("list_id"), rs.getInt("line"), rs.getString("geoid"), rs.getString("match_method"),
                    rs.getString("match_note"), rs.getString("agency"), rs.getString("model"),
                    signed == null ? null : LocalDate.parse(signed), rs.getString("moa_url"), rs.getString("original")});
            listIds.add(rs.getLong("list_id"));
        }, arguments);
        Map<Long, ReferenceList> lists = new HashMap<>();
        listIds.stream().distinct().forEach(id -> list(id).ifPresent(l -> lists.put(id, l)));
        List<ReferenceFact> facts = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            facts.add(new ReferenceFact(lists.get((Long) r[0]), (Integer) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (LocalDate) r[7], (String) r[8], original((String) r[9])));
        }
        return facts;
    }

    private static Map<String, String> original(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static ReferenceList list(ResultSet rs, int row) throws SQLException {
        Timestamp superseded = rs.getTimestamp("superseded_at");
        long newer = rs.getLong("superseded_by");
        Long supersededBy = rs.wasNull() ? null : newer;
        return new ReferenceList(rs.getLong("id"), ReferenceKind.of(rs.getString("kind")).orElseThrow(),
                LocalDate.parse(rs.getString("list_date")), rs.getString("source"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("origin"), rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"),
                supersededBy, superseded == null ? null : superseded.toInstant(),
                rs.getInt("row_count"), rs.getInt("matched_count"));
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}

package org.sanctuaryscorecard.backup;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table's rows read with plain SQL, independently of the backup's own reader: values made comparable across
 * connections (instants, bytes as Base64, whole numbers as longs) and rows sorted by their key.
 */
final class TableRows {

    private TableRows() {
    }

    static List<Map<String, Object>> read(JdbcTemplate jdbc, String table, List<String> key, String where, Object... arguments) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table + (where == null ? "" : " WHERE " + where), arguments)) {
            Map<String, Object> clean = new LinkedHashMap<>();
            row.forEach((column, value) -> clean.put(column.toLowerCase(Locale.ROOT), comparable(value)));
            rows.add(clean);
        }
        rows.sort(Comparator.comparing(row -> String.join("\u0000", key.stream().map(k -> keyPart(row.get(k))).toList())));
        return rows;
    }

    private static String keyPart(Object value) {
        return value instanceof Long n ? String.format("%020d", n) : String.valueOf(value);
    }

    private static Object comparable(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Long) {
            return ((Number) value).longValue();
        }
        return value;
    }
}

package org.sanctuaryscorecard.backup.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of column a backup knows, each with its JSON form: the same on H2 and PostgreSQL, so that a backup made
 * on one restores on the other.
 */
public enum ColumnType {
    /** a JSON number */
    BIGINT,
    /** a JSON number */
    INTEGER,
    /** true or false */
    BOOLEAN,
    /** a JSON string */
    TEXT,
    /** an instant in ISO-8601, UTC, to the stored precision: "2026-11-27T15:30:12.123456Z" */
    TIMESTAMP,
    /** the bytes in Base64 */
    BINARY,
    /** a calendar date in ISO-8601: "2026-11-27" */
    DATE;

    /** Its name in the manifest. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ColumnType> of(String id) {
        for (ColumnType type : values()) {
            if (type.id().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The kind of a database column, from its JDBC type (PostgreSQL reports timestamptz as TIMESTAMP, boolean as BIT). */
    public static ColumnType ofJdbc(int sqlType, String typeName, String column) {
        return switch (sqlType) {
            case Types.BIGINT -> BIGINT;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB -> TEXT;
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            case Types.DATE -> DATE;
            default -> throw new IllegalStateException("column " + column + " has the type " + typeName
                    + ", which backups do not know yet: add it to ColumnType");
        };
    }

    /** The value of column {@code index} of the current row, in its JSON form (null for SQL NULL). */
    public Object read(ResultSet rs, int index) throws SQLException {
        Object value = switch (this) {
            case BIGINT -> rs.getLong(index);
            case INTEGER -> rs.getInt(index);
            case BOOLEAN -> rs.getBoolean(index);
            case TEXT -> rs.getString(index);
            case TIMESTAMP -> {
                OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
                yield time == null ? null : time.toInstant().toString();
            }
            case BINARY -> {
                byte[] bytes = rs.getBytes(index);
                yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            }
            case DATE -> {
                java.sql.Date date = rs.getDate(index);
                yield date == null ? null : date.toLocalDate().toString();
            }
        };
        return rs.wasNull() ? null : value;
    }

    /**
     * Binds a value in its JSON form to parameter {@code index}.
     *
     * @throws IllegalArgumentException when the value is not of this kind
     */
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, switch (this) {
                case BIGINT -> Types.BIGINT;
                case INTEGER -> Types.INTEGER;
                case BOOLEAN -> Types.BOOLEAN;
                case TEXT -> Types.VARCHAR;
                case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
                case BINARY -> Types.VARBINARY;
                case DATE -> Types.DATE;
            });
            return;
        }
        switch (this) {
            case BIGINT -> statement.setLong(index, number(value).longValue());
            case INTEGER -> statement.setInt(index, Math.toIntExact(number(value).longValue()));
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException("not true or false: " + value);
                }
                statement.setBoolean(index, b);
            }
            case TEXT -> statement.setString(index, text(value));
            case TIMESTAMP -> statement.setObject(index, OffsetDateTime.ofInstant(Instant.parse(text(value)), ZoneOffset.UTC));
            case BINARY -> statement.setBytes(index, Base64.getDecoder().decode(text(value)));
            case DATE -> {
                try {
                    statement.setDate(index, java.sql.Date.valueOf(java.time.LocalDate.parse(text(value))));
                } catch (java.time.DateTimeException e) {
                    throw new IllegalArgumentException("not a date: " + value, e);
                }
            }
        }
    }

    private static Number number(Object value) {
        if (!(value instanceof Number n) || value instanceof Double || value instanceof Float) {
            throw new IllegalArgumentException("not a whole number: " + value);
        }
        return n;
    }

    private static String text(Object value) {
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("not a string: " + value);
        }
        return s;
    }
}

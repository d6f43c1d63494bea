package org.sanctuaryscorecard.backup.internal;

import java.util.List;

/**
 * {@code manifest.json}: what a backup is (format and version, the application and schema that made it, when, of
 * what) and, for each table, its file, columns, row count, size and SHA-256 (docs/backup-format.md).
 *
 * @param format        always {@link #FORMAT}
 * @param formatVersion the container's version, {@link #FORMAT_VERSION} for this one
 * @param application   the application and version that wrote it
 * @param createdAt     when, ISO-8601 UTC
 * @param schemaVersion the database schema's version (the last Flyway migration), which the restoring database must have
 * @param database      the database it was read from (product and version), for information
 * @param scope         the whole installation, or one organization
 * @param withheld      columns left out ("app_user.password_hash" in an organization's backup)
 * @param sections      the tables, in the order they are restored
 */
public record Manifest(String format, int formatVersion, String application, String createdAt, String schemaVersion,
                       String database, Scope scope, List<String> withheld, List<Section> sections) {

    public static final String FORMAT = "sanctuary-scorecard-backup";
    public static final int FORMAT_VERSION = 1;
    public static final String FILE = "manifest.json";

    public Manifest {
        withheld = List.copyOf(withheld);
        sections = List.copyOf(sections);
    }

    /**
     * What the backup holds.
     *
     * @param kind         "installation" or "organization"
     * @param organization the organization, for an organization's backup
     */
    public record Scope(String kind, ScopeOrganization organization) {

        public static final String INSTALLATION = "installation";
        public static final String ORGANIZATION = "organization";

        public boolean whole() {
            return INSTALLATION.equals(kind);
        }
    }

    /** The organization an organization's backup is of. */
    public record ScopeOrganization(long id, String slug, String name) {
    }

    /**
     * One table.
     *
     * @param table   its name
     * @param file    its entry in the ZIP: {@code tables/NAME.jsonl}, one JSON object per row and line
     * @param columns its columns, in order, with their kinds ({@link ColumnType#id()})
     * @param key     the columns its rows are ordered by
     * @param rows    how many rows (lines)
     * @param bytes   the entry's size, uncompressed
     * @param sha256  the SHA-256 of the entry, uncompressed, in lower-case hex
     */
    public record Section(String table, String file, List<Column> columns, List<String> key, long rows, long bytes, String sha256) {

        public Section {
            columns = List.copyOf(columns);
            key = List.copyOf(key);
        }
    }

    /** A column's name and kind. */
    public record Column(String name, String type) {
    }
}

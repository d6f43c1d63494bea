package org.sanctuaryscorecard.backup;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backup holds, or what was restored from one.
 *
 * @param scope         "installation", or the organization's slug
 * @param createdAt     when the backup was made
 * @param application   the application and version that made it
 * @param schemaVersion the database schema's version it was made at
 * @param rows          rows per table, in the backup's order
 * @param bytes         the backup file's size (0 when unknown)
 */
public record BackupSummary(String scope, Instant createdAt, String application, String schemaVersion, Map<String, Long> rows,
                            long bytes) {

    public BackupSummary {
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public BackupSummary withBytes(long size) {
        return new BackupSummary(scope, createdAt, application, schemaVersion, rows, size);
    }
}

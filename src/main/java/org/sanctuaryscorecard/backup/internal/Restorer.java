package org.sanctuaryscorecard.backup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.sanctuaryscorecard.backup.BackupRefusedException;

/**
 * Restores a checked backup through the caller's connection and transaction: refuses a database in use, replaces what
 * a new installation made by itself, inserts every row as it was (ids included), and numbers new rows after them.
 */
public final class Restorer {

    private static final int BATCH_ROWS = 500;
    private static final long BATCH_CHARACTERS = 16L * 1024 * 1024;

    private final Connection connection;
    private final Supplier<String> unusablePassword;

    /**
     * @param unusablePassword makes a password hash that no password matches (for accounts whose hash an
     *                         organization's backup leaves out)
     */
    public Restorer(Connection connection, Supplier<String> unusablePassword) {
        this.connection = connection;
        this.unusablePassword = unusablePassword;
    }

    /**
     * What makes the database count as in use: for each table with rows that a new installation does not make by
     * itself, how many. Empty when the database may be restored into.
     */
    public Map<String, Long> inUse() throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        for (BackupTables.Table table : BackupTables.ALL) {
            String sql = "SELECT COUNT(*) FROM " + table.name()
                    + (table.installationRows() == null ? "" : " WHERE NOT COALESCE((" + table.installationRows() + "), FALSE)");
            long count = count(sql);
            if (count > 0) {
                found.put(table.name(), count);
            }
        }
        return found;
    }

    /** Restores the backup; {@link #inUse()} must have been checked in the same transaction. Returns the rows per table. */
    public Map<String, Long> restore(BackupFile backup) throws Exception {
        Manifest manifest = backup.manifest();
        clear(manifest.scope());
        Map<String, Long> restored = new LinkedHashMap<>();
        for (Manifest.Section section : manifest.sections()) {
            BackupTables.Table table = BackupTables.named(section.table()).orElseThrow();
            restored.put(table.name(), insert(backup, section, table));
        }
        renumber();
        return restored;
    }

    /**
     * Removes what a new installation made by itself (the examples, their events, the setup settings): a whole
     * installation's backup replaces every table; an organization's replaces its tables but keeps the built-in
     * examples organization (whose examples the next start imports again), unless the backup is of that organization.
     */
    private void clear(Manifest.Scope scope) throws SQLException {
        List<BackupTables.Table> tables = new ArrayList<>(BackupTables.ALL);
        Collections.reverse(tables);
        for (BackupTables.Table table : tables) {
            if (scope.whole()) {
                update("DELETE FROM " + table.name());
            } else if (table.name().equals("organization")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM organization WHERE id = ? OR slug = ?")) {
                    delete.setLong(1, scope.organization().id());
                    delete.setString(2, scope.organization().slug());
                    delete.executeUpdate();
                }
            } else if (table.inOrganizationBackups()) {
                update("DELETE FROM " + table.name());
            }
        }
    }

    private long insert(BackupFile backup, Manifest.Section section, BackupTables.Table table) throws Exception {
        List<Manifest.Column> columns = section.columns();
        List<String> withheld = checkColumns(backup, section, table);
        List<String> names = new ArrayList<>(columns.stream().map(Manifest.Column::name).toList());
        names.addAll(withheld);
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
        List<ColumnType> types = columns.stream().map(c -> ColumnType.of(c.type()).orElseThrow()).toList();
        String password = withheld.isEmpty() ? null : unusablePassword.get();
        long[] rows = {0};
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            long[] pending = {0, 0, 0};  // rows in the batch, their characters, the first line of the batch
            backup.eachRow(section, (row, line) -> {
                int index = 1;
                for (int i = 0; i < columns.size(); i++) {
                    try {
                        types.get(i).bind(statement, index++, row.get(columns.get(i).name()));
                    } catch (IllegalArgumentException e) {
                        throw new BackupRefusedException("backup.error.badRow", backup.name(), section.file(), line);
                    }
                }
                for (int i = 0; i < withheld.size(); i++) {
                    statement.setString(index++, password);
                }
                statement.addBatch();
                if (pending[0]++ == 0) {
                    pending[2] = line;
                }
                pending[1] += row.values().stream().mapToLong(v -> v instanceof String s ? s.length() : 8).sum();
                rows[0]++;
                if (pending[0] >= BATCH_ROWS || pending[1] >= BATCH_CHARACTERS) {
                    execute(statement, backup, section, pending[2]);
                    pending[0] = 0;
                    pending[1] = 0;
                }
            });
            if (pending[0] > 0) {
                execute(statement, backup, section, pending[2]);
            }
        }
        return rows[0];
    }

    /** The backup's columns are the database's (but for those an organization's backup withholds, which are returned). */
    private List<String> checkColumns(BackupFile backup, Manifest.Section section, BackupTables.Table table) throws SQLException {
        List<Manifest.Column> database = new BackupWriter(connection).columns(table.name());
        List<Manifest.Column> expected = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        for (Manifest.Column column : database) {
            if (backup.manifest().withheld().contains(table.name() + "." + column.name()) && table.withheld().containsKey(column.name())) {
                withheld.add(column.name());
            } else {
                expected.add(column);
            }
        }
        if (!expected.equals(section.columns())) {
            throw new BackupRefusedException("backup.error.columns", backup.name(), table.name(), describe(section.columns()),
                    describe(expected));
        }
        return withheld;
    }

    private void execute(PreparedStatement statement, BackupFile backup, Manifest.Section section, long firstLine) {
        try {
            statement.executeBatch();
        } catch (SQLException e) {
            throw new BackupRefusedException("backup.error.rejected", backup.name(), section.file(), firstLine, reason(e));
        }
    }

    /**
     * Makes the database number new rows after the restored ones (an identity column does not move when ids are given).
     * New accounts are numbered after every account id the history names too.
     */
    private void renumber() throws SQLException {
        for (BackupTables.Table table : BackupTables.ALL) {
            if (table.identity() == null) {
                continue;
            }
            long highest = count("SELECT COALESCE(MAX(" + table.identity() + "), 0) FROM " + table.name());
            if (table.name().equals("app_user")) {
                for (BackupTables.Table other : BackupTables.ALL) {
                    for (String column : other.accountReferences()) {
                        highest = Math.max(highest, count("SELECT COALESCE(MAX(" + column + "), 0) FROM " + other.name()));
                    }
                }
            }
            update("ALTER TABLE " + table.name() + " ALTER COLUMN " + table.identity() + " RESTART WITH " + (highest + 1));
        }
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static String describe(List<Manifest.Column> columns) {
        return String.join(", ", columns.stream().map(c -> c.name() + " " + c.type()).toList());
    }

    /** The database's own words, first line, from the innermost cause (a batch wraps the row's error). */
    private static String reason(SQLException e) {
        SQLException inner = e;
        while (inner.getNextException() != null) {
            inner = inner.getNextException();
        }
        String message = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

package org.sanctuaryscorecard.backup.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup: every table of its scope, row by row, as JSON lines in a ZIP, then the manifest with each table's
 * row count and SHA-256. Reads through the caller's connection, whose transaction gives one consistent snapshot.
 */
public final class BackupWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper LINES = JsonMapper.builder().build();
    private static final String README = """
            This is a backup of Sanctuary Scorecard. Restore it with
                java -jar sanctuary-scorecard.jar backup import FILE
            into a new installation. manifest.json says what it holds; tables/*.jsonl hold the rows, one JSON object
            per line. The format is described in docs/backup-format.md.
            """;

    private final Connection connection;

    public BackupWriter(Connection connection) {
        this.connection = connection;
    }

    /**
     * Writes the backup to {@code out} (which stays open).
     *
     * @param header the manifest's fields other than its sections and withheld columns, which this fills in
     */
    public Manifest write(Manifest header, OutputStream out) throws IOException, SQLException {
        Manifest.Scope scope = header.scope();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        FileTime time = FileTime.from(Instant.parse(header.createdAt()));
        put(zip, "README.txt", time, README.getBytes(StandardCharsets.UTF_8));
        List<Manifest.Section> sections = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        for (BackupTables.Table table : BackupTables.ALL) {
            if (!scope.whole() && !table.inOrganizationBackups()) {
                continue;
            }
            List<Manifest.Column> columns = new ArrayList<>();
            for (Manifest.Column column : columns(table.name())) {
                if (!scope.whole() && table.withheld().containsKey(column.name())) {
                    withheld.add(table.name() + "." + column.name());
                } else {
                    columns.add(column);
                }
            }
            sections.add(writeTable(zip, time, table, columns, scope));
        }
        Manifest manifest = new Manifest(header.format(), header.formatVersion(), header.application(), header.createdAt(),
                header.schemaVersion(), header.database(), scope, withheld, sections);
        put(zip, Manifest.FILE, time, JSON.writeValueAsBytes(manifest));
        zip.finish();
        zip.flush();
        return manifest;
    }

    /** A table's columns as the database has them, in order, with their kinds. */
    public List<Manifest.Column> columns(String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Manifest.Column> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                columns.add(new Manifest.Column(name, ColumnType.ofJdbc(meta.getColumnType(i), meta.getColumnTypeName(i),
                        table + "." + name).id()));
            }
            return columns;
        }
    }

    private Manifest.Section writeTable(ZipOutputStream zip, FileTime time, BackupTables.Table table, List<Manifest.Column> columns,
                                       Manifest.Scope scope) throws IOException, SQLException {
        String file = "tables/" + table.name() + ".jsonl";
        ZipEntry entry = new ZipEntry(file);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        EntryStream counted = new EntryStream(zip);
        Writer lines = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 64 * 1024);
        List<String> names = columns.stream().map(Manifest.Column::name).toList();
        List<ColumnType> types = columns.stream().map(c -> ColumnType.of(c.type()).orElseThrow()).toList();
        String sql = "SELECT " + String.join(", ", names) + " FROM " + table.name()
                + (scope.whole() ? "" : " WHERE " + table.organizationRows().replace(":organization", "?"))
                + " ORDER BY " + String.join(", ", table.key());
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            // rows are read a few at a time (evidence files may be 20 MB each), not all into memory
            statement.setFetchSize(table.name().equals("evidence_file") ? 1 : 500);
            if (!scope.whole()) { // the condition may name the organization more than once
                int parameters = table.organizationRows().split(":organization", -1).length - 1;
                for (int i = 1; i <= parameters; i++) {
                    statement.setLong(i, scope.organization().id());
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        row.put(names.get(i), types.get(i).read(rs, i + 1));
                    }
                    lines.write(LINES.writeValueAsString(row));
                    lines.write('\n');
                    rows++;
                }
            }
        }
        lines.flush();
        zip.closeEntry();
        return new Manifest.Section(table.name(), file, columns, table.key(), rows, counted.bytes,
                HexFormat.of().formatHex(counted.sha256.digest()));
    }

    private static void put(ZipOutputStream zip, String name, FileTime time, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** One ZIP entry's bytes, counted and hashed on their way in; closing it leaves the ZIP open. */
    private static final class EntryStream extends OutputStream {
        private final OutputStream zip;
        private final MessageDigest sha256 = Sha256.digest();
        private long bytes;

        EntryStream(OutputStream zip) {
            this.zip = zip;
        }

        @Override
        public void write(int b) throws IOException {
            zip.write(b);
            sha256.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            zip.write(b, off, len);
            sha256.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() {
            // the ZIP goes on with the next entry
        }
    }
}

package org.sanctuaryscorecard.backup.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.sanctuaryscorecard.backup.BackupRefusedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup file, opened and checked completely before anything reads its rows: a ZIP with a manifest of this format,
 * of a version this application reads, with every table the manifest names present and matching its row count, size
 * and SHA-256. Any problem is a {@link BackupRefusedException} that says which.
 */
public final class BackupFile implements Closeable {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final String name;
    private final ZipFile zip;
    private final Manifest manifest;

    private BackupFile(String name, ZipFile zip, Manifest manifest) {
        this.name = name;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens and checks a backup. */
    public static BackupFile open(Path path) {
        String name = String.valueOf(path.getFileName());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new BackupRefusedException("backup.error.noFile", path.toString());
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackupRefusedException("backup.error.notABackup", name);
        }
        try {
            BackupFile file = new BackupFile(name, zip, manifest(name, zip));
            file.checkSections();
            return file;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The file's name, for messages. */
    public String name() {
        return name;
    }

    /** Receives the rows of a section, one at a time, with their line number. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Map<String, Object> row, long line) throws Exception;
    }

    /** Reads a section's rows in order; a line that is not a JSON object with exactly the section's columns is refused. */
    public void eachRow(Manifest.Section section, RowSink sink) throws Exception {
        Set<String> columns = new LinkedHashSet<>(section.columns().stream().map(Manifest.Column::name).toList());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(section.file())),
                StandardCharsets.UTF_8))) {
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                Map<String, Object> row;
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parsed = JSON.readValue(line, Map.class);
                    row = parsed;
                } catch (JacksonException e) {
                    throw new BackupRefusedException("backup.error.badRow", name, section.file(), number);
                }
                if (row == null || !row.keySet().equals(columns)) {
                    throw new BackupRefusedException("backup.error.badRow", name, section.file(), number);
                }
                sink.accept(row, number);
            }
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static Manifest manifest(String name, ZipFile zip) {
        ZipEntry entry = zip.getEntry(Manifest.FILE);
        if (entry == null) {
            throw new BackupRefusedException("backup.error.notABackup", name);
        }
        JsonNode tree;
        try (InputStream in = zip.getInputStream(entry)) {
            tree = JSON.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new BackupRefusedException("backup.error.damaged", name, Manifest.FILE);
        }
        if (tree == null || !tree.isObject() || !Manifest.FORMAT.equals(tree.path("format").asString(""))) {
            throw new BackupRefusedException("backup.error.notABackup", name);
        }
        int version = tree.path("formatVersion").asInt(0);
        if (version > Manifest.FORMAT_VERSION) {
            throw new BackupRefusedException("backup.error.newerFormat", name, version, Manifest.FORMAT_VERSION,
                    tree.path("application").asString("?"));
        }
        if (version < 1) {
            throw new BackupRefusedException("backup.error.damaged", name, Manifest.FILE);
        }
        try {
            Manifest manifest = JSON.treeToValue(tree, Manifest.class);
            if (manifest.scope() == null || manifest.schemaVersion() == null || manifest.sections().isEmpty()
                    || !manifest.scope().whole() && manifest.scope().organization() == null) {
                throw new BackupRefusedException("backup.error.damaged", name, Manifest.FILE);
            }
            return manifest;
        } catch (JacksonException | NullPointerException e) {
            throw new BackupRefusedException("backup.error.damaged", name, Manifest.FILE);
        }
    }

    /** The sections are this scope's tables, and each entry is as the manifest says: rows, bytes and SHA-256. */
    private void checkSections() {
        List<String> expected = BackupTables.ALL.stream()
                .filter(t -> manifest.scope().whole() || t.inOrganizationBackups()).map(BackupTables.Table::name).toList();
        List<String> found = manifest.sections().stream().map(Manifest.Section::table).toList();
        if (!found.equals(expected)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(found);
            List<String> unknown = new ArrayList<>(found);
            unknown.removeAll(expected);
            throw new BackupRefusedException("backup.error.sections", name, String.join(", ", missing.isEmpty() ? List.of("-") : missing),
                    String.join(", ", unknown.isEmpty() ? List.of("-") : unknown));
        }
        for (Manifest.Section section : manifest.sections()) {
            if (!("tables/" + section.table() + ".jsonl").equals(section.file())) {
                throw new BackupRefusedException("backup.error.damaged", name, Manifest.FILE);
            }
            for (Manifest.Column column : section.columns()) {
                if (column == null || column.name() == null || ColumnType.of(column.type()).isEmpty()) {
                    throw new BackupRefusedException("backup.error.damaged", name, Manifest.FILE);
                }
            }
            check(section);
        }
    }

    private void check(Manifest.Section section) {
        ZipEntry entry = zip.getEntry(section.file());
        if (entry == null) {
            throw new BackupRefusedException("backup.error.missingSection", name, section.file());
        }
        MessageDigest sha256 = Sha256.digest();
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (ZipException e) {
            throw new BackupRefusedException("backup.error.checksum", name, section.file());
        } catch (IOException e) {
            throw new BackupRefusedException("backup.error.damaged", name, section.file());
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (!digest.equals(section.sha256()) || bytes != section.bytes()) {
            throw new BackupRefusedException("backup.error.checksum", name, section.file());
        }
        if (lines != section.rows()) {
            throw new BackupRefusedException("backup.error.rowCount", name, section.file(), section.rows(), lines);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }
}

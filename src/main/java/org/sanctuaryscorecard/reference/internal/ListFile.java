package org.sanctuaryscorecard.reference.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.jurisdiction.DelimitedLine;
import org.sanctuaryscorecard.reference.ReferenceImportException;
import org.sanctuaryscorecard.reference.ReferenceImportException.Problem;
import org.sanctuaryscorecard.reference.ReferenceKind;

/**
 * A list file read and checked: UTF-8 text, a header line, comma- or pipe-delimited (whichever splits the header into
 * more columns), RFC 4180 quotes within one line. Every problem is reported with its line; none is skipped silently.
 */
public record ListFile(List<String> header, List<Row> rows) {

    /** Largest file accepted. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** Most rows accepted. */
    public static final int MAX_ROWS = 100_000;
    /** Most problems reported at once. */
    static final int MAX_PROBLEMS = 20;

    /** One data row: its line in the file and its values by column. */
    public record Row(int line, Map<String, String> values) {
        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }
    }

    public static ListFile read(ReferenceKind kind, String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ReferenceImportException("reference.import.empty", fileName);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ReferenceImportException("reference.import.tooLarge", fileName, bytes.length, MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ReferenceImportException("reference.import.notUtf8", fileName);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        String headerLine = lines[0];
        char delimiter = split(headerLine, '|').size() > split(headerLine, ',').size() ? '|' : ',';
        List<String> header = split(headerLine, delimiter).stream().map(String::strip).toList();
        List<String> missing = kind.columns().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ReferenceImportException("reference.import.missingColumns", fileName, String.join(", ", missing),
                    kind.id(), String.join(", ", kind.columns()), String.join(", ", header));
        }
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> values = split(lines[i], delimiter);
            if (values.size() != header.size()) {
                problems.add(new Problem("reference.import.fieldCount", line, values.size(), header.size()));
            } else {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), values.get(c));
                }
                rows.add(new Row(line, row));
            }
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new ReferenceImportException(problems);
        }
        if (rows.isEmpty()) {
            throw new ReferenceImportException("reference.import.noRows", fileName);
        }
        if (rows.size() > MAX_ROWS) {
            throw new ReferenceImportException("reference.import.tooManyRows", fileName, rows.size(), MAX_ROWS);
        }
        return new ListFile(header, List.copyOf(rows));
    }

    private static List<String> split(String line, char delimiter) {
        return DelimitedLine.split(line, delimiter);
    }
}

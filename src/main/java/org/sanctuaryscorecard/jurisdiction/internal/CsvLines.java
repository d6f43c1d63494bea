package org.sanctuaryscorecard.jurisdiction.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads a delimited file with a header line into rows addressed by column name (RFC 4180 quotes, one line per row). */
final class CsvLines {

    private CsvLines() {
    }

    /** One row of a file, read by header name. */
    record Row(Map<String, Integer> columns, List<String> values, int lineNumber) {
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new IllegalStateException("no column '" + column + "' (columns: " + columns.keySet() + ")");
            }
            return index < values.size() ? values.get(index).trim() : "";
        }
    }

    static void read(InputStream in, char delimiter, Consumer<Row> consumer) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalStateException("empty file");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            Map<String, Integer> columns = new HashMap<>();
            List<String> names = split(header, delimiter);
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i).trim(), i);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    consumer.accept(new Row(columns, split(line, delimiter), number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line, char delimiter) {
        return org.sanctuaryscorecard.jurisdiction.DelimitedLine.split(line, delimiter);
    }
}

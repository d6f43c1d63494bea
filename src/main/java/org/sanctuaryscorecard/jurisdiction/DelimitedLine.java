package org.sanctuaryscorecard.jurisdiction;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a delimited file split into its fields (RFC 4180 quotes within the line: "a ""b"", c" is one field). The
 * Census files and the public lists of the reference module are read with it.
 */
public final class DelimitedLine {

    private DelimitedLine() {
    }

    public static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

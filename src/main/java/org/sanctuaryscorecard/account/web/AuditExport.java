package org.sanctuaryscorecard.account.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditQuery;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.web.CsvCells;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail as files, oldest event first, written while the rows are read (never all in memory). JSON Lines:
 * one JSON object per line, whose {@code before} and {@code after} are the recorded values (a string when the value
 * was cut for length). CSV: a header line, then one line per event, RFC 4180; a cell that a spreadsheet would run as
 * a formula gets a leading apostrophe.
 */
@Component
class AuditExport {

    static final String[] COLUMNS = {"id", "at", "actorId", "actorName", "origin", "organization", "targetType", "targetId",
            "action", "before", "after"};

    private final AuditTrail audit;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditExport(AuditTrail audit) {
        this.audit = audit;
    }

    /** Writes the events the query selects as JSON Lines. */
    void jsonLines(AuditQuery query, Map<Long, String> slugs, OutputStream out) {
        Writer writer = writer(out);
        audit.each(query, event -> {
            ObjectNode line = json.createObjectNode();
            line.put("id", event.id());
            line.put("at", event.at().toString());
            if (event.actorId() == null) {
                line.putNull("actorId");
            } else {
                line.put("actorId", event.actorId());
            }
            line.put("actorName", event.actorName());
            line.put("origin", event.origin());
            line.put("organization", slug(event, slugs));
            line.put("targetType", event.targetType());
            line.put("targetId", event.targetId());
            line.put("action", event.action());
            line.set("before", value(event.before()));
            line.set("after", value(event.after()));
            write(writer, json.writeValueAsString(line) + "\n");
        });
        flush(writer);
    }

    /** Writes the events the query selects as CSV with a header line. */
    void csv(AuditQuery query, Map<Long, String> slugs, OutputStream out) {
        Writer writer = writer(out);
        write(writer, String.join(",", COLUMNS) + "\r\n");
        audit.each(query, event -> line(writer, event.id() + "", event.at().toString(),
                event.actorId() == null ? "" : event.actorId().toString(), event.actorName(), event.origin(), slug(event, slugs),
                event.targetType(), event.targetId(), event.action(), event.before(), event.after()));
        flush(writer);
    }

    /** A stored value as JSON: the recorded JSON itself, or a string when it was cut; null when there is none. */
    private JsonNode value(String stored) {
        if (stored == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(stored);
        } catch (JacksonException cut) {
            return json.getNodeFactory().stringNode(stored);
        }
    }

    private static String slug(AuditEvent event, Map<Long, String> slugs) {
        return event.organizationId() == null ? null : slugs.getOrDefault(event.organizationId(), event.organizationId().toString());
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
    }

    private static void line(Writer writer, String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        write(writer, line.append("\r\n").toString());
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(Writer writer) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV cell, as every export writes them ({@link CsvCells}). */
    static String cell(String value) {
        return CsvCells.cell(value);
    }
}

package org.sanctuaryscorecard.account.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail as files, oldest event first, written while the rows are read (never all in memory). JSON: an array
 * of events whose {@code before} and {@code after} are the recorded values (a string when the value was cut for
 * length). CSV: one line per event, RFC 4180; a cell that a spreadsheet would run as a formula gets a leading
 * apostrophe.
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

    /** Writes the events of one organization (or all, for null) as a JSON array. */
    void json(Long organizationId, Map<Long, String> slugs, OutputStream out) {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartArray();
            audit.each(organizationId, event -> {
                generator.writeStartObject();
                generator.writeNumberProperty("id", event.id());
                generator.writeStringProperty("at", event.at().toString());
                if (event.actorId() == null) {
                    generator.writeNullProperty("actorId");
                } else {
                    generator.writeNumberProperty("actorId", event.actorId());
                }
                generator.writeStringProperty("actorName", event.actorName());
                generator.writeStringProperty("origin", event.origin());
                generator.writeStringProperty("organization", slug(event, slugs));
                generator.writeStringProperty("targetType", event.targetType());
                generator.writeStringProperty("targetId", event.targetId());
                generator.writeStringProperty("action", event.action());
                value(generator, "before", event.before());
                value(generator, "after", event.after());
                generator.writeEndObject();
            });
            generator.writeEndArray();
        }
    }

    /** Writes the events of one organization (or all, for null) as CSV with a header line. */
    void csv(Long organizationId, Map<Long, String> slugs, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            writer.write(String.join(",", COLUMNS) + "\r\n");
            audit.each(organizationId, event -> line(writer, event.id() + "", event.at().toString(),
                    event.actorId() == null ? "" : event.actorId().toString(), event.actorName(), event.origin(), slug(event, slugs),
                    event.targetType(), event.targetId(), event.action(), event.before(), event.after()));
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void value(JsonGenerator generator, String name, String stored) {
        if (stored == null) {
            generator.writeNullProperty(name);
            return;
        }
        generator.writeName(name);
        try {
            generator.writeTree(json.readTree(stored));
        } catch (JacksonException cut) {
            generator.writeString(stored);
        }
    }

    private static String slug(AuditEvent event, Map<Long, String> slugs) {
        return event.organizationId() == null ? null : slugs.getOrDefault(event.organizationId(), event.organizationId().toString());
    }

    private static void line(Writer writer, String... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(cell(cells[i]));
            }
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV cell: quoted when needed; a leading = + - @ (a formula to a spreadsheet) is defused with an apostrophe. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

package org.sanctuaryscorecard.account.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit events as people read them: the time in UTC, who and from where, what was changed in words, and each changed
 * value before and after (the stored JSON taken apart; names and roles in the reader's language).
 */
@Component
class AuditRows {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final ErrorReplies messages;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditRows(ErrorReplies messages) {
        this.messages = messages;
    }

    /** One event on the page. {@code organization} is the slug of the organization it concerns, or null. */
    public record Row(long id, String at, String actor, String origin, String organization, String target, String action,
                      List<Change> changes) {
    }

    /** One value that changed; either side may be empty (created, removed). */
    public record Change(String field, String before, String after) {
    }

    List<Row> rows(List<AuditEvent> events, Map<Long, String> organizationSlugs) {
        return events.stream().map(e -> row(e, organizationSlugs)).toList();
    }

    private Row row(AuditEvent event, Map<Long, String> organizationSlugs) {
        String target = messages.messageOr("audit.target." + event.targetType(), null, event.targetType()) + " " + event.targetId();
        String action = messages.messageOr("audit.action." + event.action(), null, event.action());
        return new Row(event.id(), WHEN.format(event.at()), event.actorName(), event.origin(),
                event.organizationId() == null ? null : organizationSlugs.get(event.organizationId()), target, action,
                changes(event.before(), event.after()));
    }

    private List<Change> changes(String before, String after) {
        Map<String, String> old = fields(before);
        Map<String, String> now = fields(after);
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            String was = old.get(name);
            String is = now.get(name);
            if (before != null && after != null && Objects.equals(was, is)) {
                continue;
            }
            changes.add(new Change(messages.messageOr("audit.field." + name, null, name), was, is));
        }
        return changes;
    }

    /** A stored value as named, readable parts; a value that is not a JSON object (or was cut) is one part. */
    private Map<String, String> fields(String stored) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (stored == null) {
            return fields;
        }
        JsonNode node;
        try {
            node = json.readTree(stored);
        } catch (JacksonException cutOrMalformed) {
            fields.put("value", stored);
            return fields;
        }
        if (!node.isObject()) {
            fields.put("value", readable("value", node));
            return fields;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            fields.put(property.getKey(), readable(property.getKey(), property.getValue()));
        }
        return fields;
    }

    private String readable(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return messages.message(value.booleanValue() ? "audit.value.yes" : "audit.value.no");
        }
        if (value.isString()) {
            return name.equals("role") ? messages.messageOr("account.role." + value.stringValue(), null, value.stringValue())
                    : value.stringValue();
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}

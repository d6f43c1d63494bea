package org.sanctuaryscorecard.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.sanctuaryscorecard.assessment.AssessmentListing;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.Revision;
import org.sanctuaryscorecard.assessment.Revision.FieldChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Every SQL statement about assessments, in one place. Runs inside the caller's transaction. */
@Repository
public class AssessmentStore {

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The assessment row: which jurisdiction, which framework, and where its history stands. */
    public record Row(long id, String jurisdictionGeoid, long organizationId, String frameworkId, String frameworkVersion,
                      int revision, int evidenceCounter, String source, Instant createdAt, Instant updatedAt) {
    }

    /** A stored file, with or without its bytes. */
    public record StoredFile(long id, long assessmentId, String name, String contentType, long size, String sha256,
                             byte[] content) {
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("jurisdiction_geoid"), rs.getLong("organization_id"), rs.getString("framework_id"),
                rs.getString("framework_version"), rs.getInt("revision"), rs.getInt("evidence_counter"),
                rs.getString("source"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    public long insert(String geoid, long organizationId, String frameworkId, String frameworkVersion, String source, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO assessment (jurisdiction_geoid, organization_id, framework_id, framework_version, revision, evidence_counter,"
                        + " source, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?)")
                .params(geoid, organizationId, frameworkId, frameworkVersion, source, Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM assessment WHERE id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    /** The row, locked until the transaction ends: saves to one assessment happen one at a time. */
    public Optional<Row> lock(long id) {
        return jdbc.sql("SELECT * FROM assessment WHERE id = ? FOR UPDATE").param(id).query((rs, n) -> row(rs)).optional();
    }

    public boolean sourceExists(String source) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment WHERE source = ?").param(source).query(Long.class).single() > 0;
    }

    public Map<String, String> fields(long id) {
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.sql("SELECT field, field_value FROM assessment_field WHERE assessment_id = ? ORDER BY field").param(id)
                .query(rs -> {
                    fields.put(rs.getString(1), rs.getString(2));
                });
        return fields;
    }

    public Map<String, Integer> itemVersions(long id) {
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("SELECT item, version FROM assessment_item WHERE assessment_id = ?").param(id)
                .query(rs -> {
                    versions.put(rs.getString(1), rs.getInt(2));
                });
        return versions;
    }

    public int itemVersion(long id, String item) {
        return jdbc.sql("SELECT version FROM assessment_item WHERE assessment_id = ? AND item = ?").params(id, item)
                .query(Integer.class).optional().orElse(0);
    }

    public int nextEvidenceNumber(long id) {
        jdbc.sql("UPDATE assessment SET evidence_counter = evidence_counter + 1 WHERE id = ?").param(id).update();
        return jdbc.sql("SELECT evidence_counter FROM assessment WHERE id = ?").param(id).query(Integer.class).single();
    }

    /**
     * Records a revision: its header, each change, the new field values, the touched items' versions and the
     * assessment's revision number.
     */
    public void writeRevision(long id, int number, Instant now, String editor, Long actorId, String origin, String summary,
                              List<FieldChange> changes) {
        jdbc.sql("INSERT INTO assessment_revision (assessment_id, number, created_at, editor, actor_id, origin, summary)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, number, Timestamp.from(now), editor, actorId, origin == null || origin.length() <= 100 ? origin
                        : origin.substring(0, 100), summary).update();
        Set<String> items = new java.util.LinkedHashSet<>();
        for (FieldChange change : changes) {
            jdbc.sql("INSERT INTO assessment_change (assessment_id, revision, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)")
                    .params(id, number, change.field(), change.oldValue(), change.newValue()).update();
            if (change.newValue() == null) {
                jdbc.sql("DELETE FROM assessment_field WHERE assessment_id = ? AND field = ?").params(id, change.field()).update();
            } else if (change.oldValue() == null) {
                jdbc.sql("INSERT INTO assessment_field (assessment_id, field, field_value) VALUES (?, ?, ?)")
                        .params(id, change.field(), change.newValue()).update();
            } else {
                jdbc.sql("UPDATE assessment_field SET field_value = ? WHERE assessment_id = ? AND field = ?")
                        .params(change.newValue(), id, change.field()).update();
            }
            items.add(ContentFields.itemOf(change.field()));
        }
        for (String item : items) {
            int updated = jdbc.sql("UPDATE assessment_item SET version = ? WHERE assessment_id = ? AND item = ?")
                    .params(number, id, item).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO assessment_item (assessment_id, item, version) VALUES (?, ?, ?)")
                        .params(id, item, number).update();
            }
        }
        jdbc.sql("UPDATE assessment SET revision = ?, updated_at = ? WHERE id = ?").params(number, Timestamp.from(now), id).update();
    }

    /** Every revision of an assessment with its changes, oldest first. */
    public List<Revision> revisions(long id) {
        Map<Integer, List<FieldChange>> changes = new TreeMap<>();
        jdbc.sql("SELECT revision, field, old_value, new_value FROM assessment_change WHERE assessment_id = ?"
                        + " ORDER BY revision, field").param(id)
                .query(rs -> {
                    changes.computeIfAbsent(rs.getInt(1), n -> new ArrayList<>())
                            .add(new FieldChange(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return jdbc.sql("SELECT number, created_at, editor, summary, actor_id FROM assessment_revision WHERE assessment_id = ?"
                        + " ORDER BY number").param(id)
                .query((rs, n) -> new Revision(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), changes.getOrDefault(rs.getInt(1), List.of()), actorId(rs, 5)))
                .list();
    }

    /** The editor and time of one revision. */
    public Optional<Revision> revisionHeader(long id, int number) {
        return jdbc.sql("SELECT number, created_at, editor, summary, actor_id FROM assessment_revision WHERE assessment_id = ? AND number = ?")
                .params(id, number)
                .query((rs, n) -> new Revision(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        List.of(), actorId(rs, 5)))
                .optional();
    }

    /** The account that made the latest revision changing anything but the status, or empty (none, or the system). */
    public Optional<Long> lastContentEditor(long id) {
        return jdbc.sql("SELECT r.actor_id FROM assessment_revision r WHERE r.assessment_id = ? AND EXISTS (SELECT 1 FROM"
                        + " assessment_change c WHERE c.assessment_id = r.assessment_id AND c.revision = r.number"
                        + " AND c.field NOT IN ('status', 'statusReason')) ORDER BY r.number DESC LIMIT 1")
                .param(id).query((rs, n) -> actorId(rs, 1)).optional().flatMap(Optional::ofNullable);
    }

    /** Who owns an assessment, whether it is published and its revision, read cheaply for access checks. */
    public Optional<long[]> ownerAndPublished(long id) {
        return jdbc.sql("SELECT a.organization_id, (SELECT f.field_value FROM assessment_field f WHERE f.assessment_id = a.id"
                        + " AND f.field = 'status'), a.revision FROM assessment a WHERE a.id = ?")
                .param(id).query((rs, n) -> new long[] {rs.getLong(1), "published".equals(rs.getString(2)) ? 1 : 0, rs.getInt(3)})
                .optional();
    }

    private static Long actorId(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The fields as they were after revision {@code number}: the replay of every change up to it. */
    public Map<String, String> fieldsAt(long id, int number) {
        Map<String, String> fields = new TreeMap<>();
        jdbc.sql("SELECT field, new_value FROM assessment_change WHERE assessment_id = ? AND revision <= ? ORDER BY revision")
                .params(id, number)
                .query(rs -> {
                    if (rs.getString(2) == null) {
                        fields.remove(rs.getString(1));
                    } else {
                        fields.put(rs.getString(1), rs.getString(2));
                    }
                });
        return fields;
    }

    /** Every published assessment's id and revision, by jurisdiction then id. */
    public Map<Long, Integer> publishedRevisions() {
        Map<Long, Integer> revisions = new LinkedHashMap<>();
        jdbc.sql("SELECT a.id, a.revision FROM assessment a JOIN assessment_field f ON f.assessment_id = a.id"
                        + " AND f.field = 'status' AND f.field_value = 'published' ORDER BY a.jurisdiction_geoid, a.id")
                .query(rs -> {
                    revisions.put(rs.getLong(1), rs.getInt(2));
                });
        return revisions;
    }

    /** The assessments of one jurisdiction with their header fields. */
    public List<AssessmentListing> listFor(String geoid) {
        List<Row> rows = jdbc.sql("SELECT * FROM assessment WHERE jurisdiction_geoid = ?").param(geoid)
                .query((rs, n) -> row(rs)).list();
        return listings(rows);
    }

    /**
     * Every published assessment whose "as of" date is on or before {@code date}, in two queries whatever their
     * number (the national map reads them all on each request).
     */
    public List<AssessmentListing> publishedAsOf(LocalDate date) {
        Map<Long, Map<String, String>> headers = new HashMap<>();
        jdbc.sql("SELECT assessment_id, field, field_value FROM assessment_field"
                        + " WHERE field IN ('title', 'author', 'asOf', 'status', 'example') AND assessment_id IN"
                        + " (SELECT assessment_id FROM assessment_field WHERE field = 'status' AND field_value = ?)")
                .param(AssessmentStatus.PUBLISHED.id())
                .query(rs -> {
                    headers.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        List<AssessmentListing> listings = new ArrayList<>();
        if (headers.isEmpty()) {
            return listings;
        }
        jdbc.sql("SELECT * FROM assessment WHERE id IN (SELECT assessment_id FROM assessment_field WHERE field = 'status'"
                        + " AND field_value = ?)").param(AssessmentStatus.PUBLISHED.id())
                .query((rs, n) -> row(rs)).list().forEach(row -> {
                    Map<String, String> header = headers.getOrDefault(row.id(), Map.of());
                    LocalDate asOf = header.get("asOf") == null ? null : LocalDate.parse(header.get("asOf"));
                    if (asOf != null && !asOf.isAfter(date)) {
                        listings.add(new AssessmentListing(row.id(), row.jurisdictionGeoid(), row.organizationId(),
                                header.get("title"), header.get("author"), asOf, AssessmentStatus.PUBLISHED,
                                header.containsKey("example"), row.revision(), row.updatedAt()));
                    }
                });
        return listings;
    }

    private List<AssessmentListing> listings(Collection<Row> rows) {
        List<AssessmentListing> listings = new ArrayList<>();
        for (Row row : rows) {
            Map<String, String> header = new HashMap<>();
            jdbc.sql("SELECT field, field_value FROM assessment_field WHERE assessment_id = ?"
                            + " AND field IN ('title', 'author', 'asOf', 'status', 'example')").param(row.id())
                    .query(rs -> {
                        header.put(rs.getString(1), rs.getString(2));
                    });
            listings.add(new AssessmentListing(row.id(), row.jurisdictionGeoid(), row.organizationId(), header.get("title"), header.get("author"),
                    header.get("asOf") == null ? null : LocalDate.parse(header.get("asOf")),
                    AssessmentStatus.of(header.getOrDefault("status", "draft")).orElse(AssessmentStatus.DRAFT),
                    header.containsKey("example"), row.revision(), row.updatedAt()));
        }
        return listings;
    }

    public long insertFile(long assessmentId, String name, String contentType, byte[] content, String sha256, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO evidence_file (assessment_id, name, content_type, size_bytes, sha256, content, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(assessmentId, name, contentType, (long) content.length, sha256, content, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<StoredFile> file(long assessmentId, long fileId, boolean withContent) {
        return jdbc.sql("SELECT id, assessment_id, name, content_type, size_bytes, sha256"
                        + (withContent ? ", content" : "") + " FROM evidence_file WHERE assessment_id = ? AND id = ?")
                .params(assessmentId, fileId)
                .query((rs, n) -> new StoredFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), withContent ? rs.getBytes(7) : null))
                .optional();
    }

    public Map<Long, StoredFile> files(long assessmentId) {
        Map<Long, StoredFile> files = new LinkedHashMap<>();
        jdbc.sql("SELECT id, assessment_id, name, content_type, size_bytes, sha256 FROM evidence_file WHERE assessment_id = ? ORDER BY id")
                .param(assessmentId)
                .query(rs -> {
                    files.put(rs.getLong(1), new StoredFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), null));
                });
        return files;
    }
}

package org.sanctuaryscorecard.correction.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.correction.CorrectionFile;
import org.sanctuaryscorecard.correction.CorrectionRequest;
import org.sanctuaryscorecard.correction.CorrectionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** All the SQL of correction requests: the correction_request, correction_file and correction_gate tables. */
@Repository
public class CorrectionStore {

    private static final String COLUMNS = "r.id, r.assessment_id, r.organization_id, r.assessment_revision, r.received_at, "
            + "r.origin, r.requester_name, r.requester_affiliation, r.requester_email, r.part, r.what_is_wrong, r.should_say, "
            + "r.citation, r.link, r.status, r.note, r.handled_by_name, r.handled_at, r.version, "
            + "f.name, f.content_type, f.size_bytes, f.sha256";
    private static final String FROM = " FROM correction_request r LEFT JOIN correction_file f ON f.request_id = r.id";

    private final JdbcClient jdbc;

    CorrectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for, then holds until the transaction ends, the one lock that puts arriving requests in a line. */
    public void lockGate() {
        jdbc.sql("SELECT id FROM correction_gate WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    /** When the latest requests from one client arrived, newest first: at most {@code limit} since {@code since}. */
    public List<Instant> receivedFromClient(String clientKey, Instant since, int limit) {
        return jdbc.sql("SELECT received_at FROM correction_request WHERE client_key = ? AND received_at > ? "
                        + "ORDER BY received_at DESC LIMIT ?")
                .params(clientKey, Timestamp.from(since), limit).query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** When the latest requests about one assessment arrived, newest first: at most {@code limit} since {@code since}. */
    public List<Instant> receivedForAssessment(long assessmentId, Instant since, int limit) {
        return jdbc.sql("SELECT received_at FROM correction_request WHERE assessment_id = ? AND received_at > ? "
                        + "ORDER BY received_at DESC LIMIT ?")
                .params(assessmentId, Timestamp.from(since), limit).query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** Stores a new request; returns its id. */
    public long insert(NewRequest r) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO correction_request (assessment_id, organization_id, assessment_revision, received_at, origin, "
                        + "client_key, requester_name, requester_affiliation, requester_email, part, what_is_wrong, should_say, "
                        + "citation, link, status, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
                .params(r.assessmentId(), r.organizationId(), r.assessmentRevision(), Timestamp.from(r.receivedAt()), r.origin(),
                        r.clientKey(), r.name(), r.organization(), r.email(), r.part(), r.whatIsWrong(), r.shouldSay(),
                        r.citation(), r.link(), CorrectionStatus.NEW.id())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** What a new request stores, checked. */
    public record NewRequest(long assessmentId, long organizationId, int assessmentRevision, Instant receivedAt, String origin,
                             String clientKey, String name, String organization, String email, String part,
                             String whatIsWrong, String shouldSay, String citation, String link) {
    }

    public void insertFile(long requestId, CorrectionFile file) {
        jdbc.sql("INSERT INTO correction_file (request_id, name, content_type, size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?)")
                .params(requestId, file.name(), file.contentType(), file.size(), file.sha256(), file.content())
                .update();
    }

    public Optional<CorrectionRequest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.id = ?").param(id).query(CorrectionStore::request).optional();
    }

    /** The file of a request, with its bytes. */
    public Optional<CorrectionFile> file(long requestId) {
        return jdbc.sql("SELECT name, content_type, size_bytes, sha256, content FROM correction_file WHERE request_id = ?")
                .param(requestId)
                .query((rs, row) -> new CorrectionFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    /** Requests of these organizations, newest first; {@code status} and {@code assessmentId} narrow them when given. */
    public List<CorrectionRequest> list(Collection<Long> organizationIds, CorrectionStatus status, Long assessmentId,
                                        int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + where(status, assessmentId) + " ORDER BY r.id DESC LIMIT :limit OFFSET :offset")
                .param("organizations", organizationIds).param("status", status == null ? null : status.id())
                .param("assessment", assessmentId).param("limit", limit).param("offset", offset)
                .query(CorrectionStore::request).list();
    }

    /** How many requests of these organizations there are in each status ({@code assessmentId} narrows them when given). */
    public Map<CorrectionStatus, Long> countByStatus(Collection<Long> organizationIds, Long assessmentId) {
        Map<CorrectionStatus, Long> counts = new EnumMap<>(CorrectionStatus.class);
        for (CorrectionStatus status : CorrectionStatus.values()) {
            counts.put(status, 0L);
        }
        if (organizationIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT r.status, COUNT(*) FROM correction_request r" + where(null, assessmentId) + " GROUP BY r.status")
                .param("organizations", organizationIds).param("assessment", assessmentId)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> CorrectionStatus.of(e.getKey()).ifPresent(s -> counts.put(s, e.getValue())));
        return counts;
    }

    private static String where(CorrectionStatus status, Long assessmentId) {
        return " WHERE r.organization_id IN (:organizations)" + (status == null ? "" : " AND r.status = :status")
                + (assessmentId == null ? "" : " AND r.assessment_id = :assessment");
    }

    /** Sets the status and note if the request is still at {@code version}; returns whether it was. */
    public boolean updateStatus(long id, int version, CorrectionStatus status, String note, Long handledById,
                                String handledByName, Instant at) {
        return jdbc.sql("UPDATE correction_request SET status = ?, note = ?, handled_by_id = ?, handled_by_name = ?, "
                        + "handled_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(status.id(), note, handledById, handledByName, Timestamp.from(at), id, version)
                .update() == 1;
    }

    private static CorrectionRequest request(ResultSet rs, int row) throws SQLException {
        String fileName = rs.getString(20);
        CorrectionFile file = fileName == null ? null
                : new CorrectionFile(fileName, rs.getString(21), rs.getLong(22), rs.getString(23), null);
        Timestamp handledAt = rs.getTimestamp(18);
        return new CorrectionRequest(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getTimestamp(5).toInstant(),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), file,
                CorrectionStatus.of(rs.getString(15)).orElse(CorrectionStatus.NEW), rs.getString(16), rs.getString(17),
                handledAt == null ? null : handledAt.toInstant(), rs.getInt(19));
    }
}

package org.sanctuaryscorecard.secondcoding.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.secondcoding.CodingRequest;
import org.sanctuaryscorecard.secondcoding.CodingState;
import org.sanctuaryscorecard.secondcoding.FirstAnswer;
import org.sanctuaryscorecard.secondcoding.Followed;
import org.sanctuaryscorecard.secondcoding.Reconciliation;
import org.sanctuaryscorecard.secondcoding.SecondAnswer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Every SQL statement about second coding, in one place. Runs inside the caller's transaction. */
@Repository
public class SecondCodingStore {

    private final JdbcClient jdbc;

    SecondCodingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- requests

    /** Adds an open request; fails with a duplicate key when the assessment already has an active one. */
    public long insertRequest(long assessmentId, long organizationId, long coderId, String coderName, long requestedBy,
                              String requestedByName, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO second_coding (assessment_id, organization_id, coder_id, coder_name, requested_by,"
                        + " requested_by_name, requested_at, state, active_assessment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(assessmentId, organizationId, coderId, coderName, requestedBy, requestedByName, Timestamp.from(now),
                        CodingState.OPEN.id(), assessmentId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<CodingRequest> request(long id) {
        return jdbc.sql("SELECT * FROM second_coding WHERE id = ?").param(id).query((rs, n) -> request(rs)).optional();
    }

    /** The request, locked until the transaction ends: steps on one request happen one at a time. */
    public Optional<CodingRequest> lock(long id) {
        return jdbc.sql("SELECT * FROM second_coding WHERE id = ? FOR UPDATE").param(id).query((rs, n) -> request(rs)).optional();
    }

    /** The assessment's open or submitted request, if any. */
    public Optional<CodingRequest> active(long assessmentId) {
        return jdbc.sql("SELECT * FROM second_coding WHERE active_assessment_id = ?").param(assessmentId)
                .query((rs, n) -> request(rs)).optional();
    }

    /** Every request about an assessment, the newest first. */
    public List<CodingRequest> requests(long assessmentId) {
        return jdbc.sql("SELECT * FROM second_coding WHERE assessment_id = ? ORDER BY id DESC").param(assessmentId)
                .query((rs, n) -> request(rs)).list();
    }

    /** An organization's requests that were submitted (and maybe reconciled), oldest first. */
    public List<CodingRequest> comparedRequests(long organizationId) {
        return jdbc.sql("SELECT * FROM second_coding WHERE organization_id = ? AND state IN ('submitted', 'reconciled') ORDER BY id")
                .param(organizationId).query((rs, n) -> request(rs)).list();
    }

    /** The requests naming this account as the second coder, the newest first. */
    public List<CodingRequest> byCoder(long coderId) {
        return jdbc.sql("SELECT * FROM second_coding WHERE coder_id = ? ORDER BY id DESC").param(coderId)
                .query((rs, n) -> request(rs)).list();
    }

    /** The open and submitted requests of these organizations, the newest first. */
    public List<CodingRequest> activeIn(java.util.Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM second_coding WHERE organization_id IN (:organizations) AND active_assessment_id IS NOT NULL"
                        + " ORDER BY id DESC")
                .param("organizations", organizationIds).query((rs, n) -> request(rs)).list();
    }

    /** The id of the open request in which this account codes this assessment and has not yet opened its answers. */
    public Optional<Long> openUnviewed(long assessmentId, long coderId) {
        return jdbc.sql("SELECT id FROM second_coding WHERE active_assessment_id = ? AND coder_id = ? AND state = 'open'"
                        + " AND viewed_at IS NULL")
                .params(assessmentId, coderId).query(Long.class).optional();
    }

    public void submitted(long id, Instant now, int comparedRevision, boolean reconciled) {
        jdbc.sql("UPDATE second_coding SET state = ?, submitted_at = ?, compared_revision = ?, closed_at = ?,"
                        + " active_assessment_id = " + (reconciled ? "NULL" : "assessment_id") + " WHERE id = ?")
                .params((reconciled ? CodingState.RECONCILED : CodingState.SUBMITTED).id(), Timestamp.from(now),
                        comparedRevision, reconciled ? Timestamp.from(now) : null, id)
                .update();
    }

    /** Closes a request (reconciled or cancelled): it no longer blocks a new one. */
    public void close(long id, CodingState state, Instant now) {
        jdbc.sql("UPDATE second_coding SET state = ?, closed_at = ?, active_assessment_id = NULL WHERE id = ?")
                .params(state.id(), Timestamp.from(now), id).update();
    }

    /** Marks the first time the coder opened the assessment while blind; false if it was already marked. */
    public boolean viewed(long id, Instant now, String where) {
        return jdbc.sql("UPDATE second_coding SET viewed_at = ?, viewed_where = ? WHERE id = ? AND viewed_at IS NULL")
                .params(Timestamp.from(now), where.length() <= 200 ? where : where.substring(0, 200), id).update() == 1;
    }

    private static CodingRequest request(ResultSet rs) throws SQLException {
        return new CodingRequest(rs.getLong("id"), rs.getLong("assessment_id"), rs.getLong("organization_id"),
                rs.getLong("coder_id"), rs.getString("coder_name"), rs.getLong("requested_by"),
                rs.getString("requested_by_name"), instant(rs, "requested_at"),
                CodingState.of(rs.getString("state")).orElseThrow(), instant(rs, "submitted_at"),
                (Integer) rs.getObject("compared_revision", Integer.class), instant(rs, "closed_at"),
                instant(rs, "viewed_at"), rs.getString("viewed_where"));
    }

    // ---------------------------------------------------------------- the second coder's answers

    /** Saves one answer of the second coder (null answer and explanation remove it). */
    public void saveAnswer(long requestId, String questionId, String answer, String explanation, Instant now) {
        jdbc.sql("DELETE FROM second_coding_answer WHERE request_id = ? AND question_id = ?").params(requestId, questionId).update();
        if (answer != null || explanation != null) {
            jdbc.sql("INSERT INTO second_coding_answer (request_id, question_id, answer, explanation, answered_at) VALUES (?, ?, ?, ?, ?)")
                    .params(requestId, questionId, answer, explanation, Timestamp.from(now)).update();
        }
    }

    /** The second coder's answers by question id. */
    public Map<String, SecondAnswer> answers(long requestId) {
        Map<String, SecondAnswer> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT question_id, answer, explanation, answered_at FROM second_coding_answer WHERE request_id = ?")
                .param(requestId)
                .query(rs -> {
                    answers.put(rs.getString(1), new SecondAnswer(rs.getString(1), rs.getString(2), rs.getString(3),
                            instant(rs, "answered_at")));
                });
        return answers;
    }

    // ---------------------------------------------------------------- the first coding, as compared

    public void insertFirstAnswer(long requestId, FirstAnswer answer) {
        jdbc.sql("INSERT INTO second_coding_first_answer (request_id, question_id, answer, explanation, version, coded_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(requestId, answer.questionId(), answer.answer(), answer.explanation(), answer.version(), answer.codedBy())
                .update();
    }

    public Map<String, FirstAnswer> firstAnswers(long requestId) {
        Map<String, FirstAnswer> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT question_id, answer, explanation, version, coded_by FROM second_coding_first_answer WHERE request_id = ?")
                .param(requestId)
                .query(rs -> {
                    answers.put(rs.getString(1), new FirstAnswer(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getString(5)));
                });
        return answers;
    }

    // ---------------------------------------------------------------- reconciliations

    public void insertReconciliation(long requestId, Reconciliation r) {
        jdbc.sql("INSERT INTO second_coding_reconciliation (request_id, question_id, answer, explanation, followed, decided_by,"
                        + " decided_by_name, decided_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(requestId, r.questionId(), r.answer(), r.explanation(), r.followed().id(), r.decidedById(),
                        r.decidedByName(), Timestamp.from(r.decidedAt()), r.revision())
                .update();
    }

    public Map<String, Reconciliation> reconciliations(long requestId) {
        Map<String, Reconciliation> decisions = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM second_coding_reconciliation WHERE request_id = ?").param(requestId)
                .query(rs -> {
                    decisions.put(rs.getString("question_id"), reconciliation(rs));
                });
        return decisions;
    }

    /** Every decision about an assessment's questions in any round, oldest first. */
    public List<Reconciliation> reconciliationsOf(long assessmentId) {
        return jdbc.sql("SELECT r.* FROM second_coding_reconciliation r JOIN second_coding s ON s.id = r.request_id"
                        + " WHERE s.assessment_id = ? ORDER BY r.decided_at, r.request_id")
                .param(assessmentId).query((rs, n) -> reconciliation(rs)).list();
    }

    private static Reconciliation reconciliation(ResultSet rs) throws SQLException {
        return new Reconciliation(rs.getString("question_id"), rs.getString("answer"), rs.getString("explanation"),
                Followed.of(rs.getString("followed")).orElseThrow(), rs.getLong("decided_by"), rs.getString("decided_by_name"),
                instant(rs, "decided_at"), rs.getInt("revision"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

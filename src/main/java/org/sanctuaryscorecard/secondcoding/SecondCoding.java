package org.sanctuaryscorecard.secondcoding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Membership;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent.QuestionAnswer;
import org.sanctuaryscorecard.assessment.AssessmentInputException;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.Revision;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.secondcoding.SecondCodingException.Reason;
import org.sanctuaryscorecard.secondcoding.internal.SecondCodingStore;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blind second coding of an assessment's criterion questions, its comparison with the first coding and the
 * reconciliation of each difference.
 *
 * <p>Who may do what is checked here, for the {@link Actor} of the call, whatever interface it comes from: only a
 * reviewer of the assessment's organization asks for a second coding, reads the comparison and decides; only the
 * named coder answers and submits. The coder must be an editor there who is neither the reviewer asking nor anyone
 * who ever saved an answer of this assessment (a first coder). The first coding is the assessment's answers as they
 * stand when the second coder submits; a decision is written into the assessment through
 * {@link Assessments#saveAnswer}, so it needs a draft and is refused if that answer changed since the reviewer saw
 * it. Every step is recorded in the audit trail in the same transaction.
 */
@Service
@Transactional
public class SecondCoding {

    /** The assessment's name for a criterion question's answer item, as its versions and history use it. */
    private static final String ANSWER_ITEM = "answer/";
    private static final String TARGET = "second-coding";
    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private final SecondCodingStore store;
    private final Assessments assessments;
    private final Accounts accounts;
    private final Framework framework;
    private final AuditTrail audit;
    private final Clock clock;

    public SecondCoding(SecondCodingStore store, Assessments assessments, Accounts accounts, Framework framework,
                        AuditTrail audit, Clock clock) {
        this.store = store;
        this.assessments = assessments;
        this.accounts = accounts;
        this.framework = framework;
        this.audit = audit;
        this.clock = clock;
    }

    /** Someone who may be asked to code an assessment blind. */
    public record Candidate(String username, String displayName) {
    }

    /** The second coder's work on one request: the request and their answers by question id. */
    public record CoderSheet(CodingRequest request, Map<String, SecondAnswer> answers) {
        public CoderSheet {
            answers = Map.copyOf(answers);
        }
    }

    /**
     * What the scorecard says about one question's second coding: reconciled by someone, or confirmed by the second
     * coder. {@code blind} is false when the second coder opened the assessment itself while coding it.
     */
    public record QuestionMark(String questionId, boolean reconciled, String answer, String by, Instant at, Followed followed,
                               boolean blind) {
    }

    // ---------------------------------------------------------------- asking

    /** Asks an editor of the assessment's organization (by username) to code it blind. For reviewers. */
    public CodingRequest request(long assessmentId, String coderUsername) {
        Assessments.Ownership ownership = ownership(assessmentId);
        Account reviewer = requireRole(ownership.organizationId(), Role.REVIEWER, "secondcoding.error.reviewerOnly");
        if (ownership.published()) {
            throw new SecondCodingException(Reason.STATE, "secondcoding.error.published");
        }
        Optional<CodingRequest> active = store.active(assessmentId);
        if (active.isPresent()) {
            throw new SecondCodingException(Reason.CONFLICT, "secondcoding.error.alreadyActive", active.get().coderName());
        }
        Account coder = accounts.find(coderUsername).orElseThrow(() ->
                new AssessmentInputException("coder", "secondcoding.error.noSuchCoder", shortened(coderUsername)));
        if (coder.id() == reviewer.id()) {
            throw new AssessmentInputException("coder", "secondcoding.error.notYourself");
        }
        if (!accounts.role(ownership.organizationId(), coder.id()).map(r -> r.includes(Role.EDITOR)).orElse(false)) {
            throw new AssessmentInputException("coder", "secondcoding.error.notEditor", coder.displayName());
        }
        if (firstCoders(assessmentId).contains(coder.id())) {
            throw new AssessmentInputException("coder", "secondcoding.error.firstCoder", coder.displayName());
        }
        long id;
        try {
            id = store.insertRequest(assessmentId, ownership.organizationId(), coder.id(), coder.displayName(), reviewer.id(),
                    reviewer.displayName(), clock.instant());
        } catch (DuplicateKeyException e) {
            // another reviewer asked at the same moment (the transaction is spoiled on PostgreSQL: no more queries)
            throw new SecondCodingException(Reason.CONFLICT, "secondcoding.error.alreadyActiveNow");
        }
        audit.record(ownership.organizationId(), TARGET, String.valueOf(id), "request", null,
                Map.of("assessment", assessmentId, "coder", coder.username()));
        return store.request(id).orElseThrow();
    }

    /** Withdraws the assessment's open or submitted request. For reviewers. */
    public CodingRequest cancel(long assessmentId) {
        Assessments.Ownership ownership = ownership(assessmentId);
        requireRole(ownership.organizationId(), Role.REVIEWER, "secondcoding.error.reviewerOnly");
        CodingRequest request = lockActive(assessmentId).orElseThrow(() ->
                new SecondCodingException(Reason.STATE, "secondcoding.error.noActive"));
        store.close(request.id(), CodingState.CANCELLED, clock.instant());
        audit.record(ownership.organizationId(), TARGET, String.valueOf(request.id()), "cancel",
                Map.of("state", request.state().id()), Map.of("state", CodingState.CANCELLED.id()));
        return store.request(request.id()).orElseThrow();
    }

    /** The people a reviewer may ask to code this assessment blind, by name. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long assessmentId) {
        Assessments.Ownership ownership = ownership(assessmentId);
        Account reviewer = requireRole(ownership.organizationId(), Role.REVIEWER, "secondcoding.error.reviewerOnly");
        Set<Long> firstCoders = firstCoders(assessmentId);
        return accounts.members(ownership.organizationId()).stream()
                .filter(m -> m.role().includes(Role.EDITOR) && m.account().enabled())
                .map(Membership::account)
                .filter(a -> a.id() != reviewer.id() && !firstCoders.contains(a.id()))
                .map(a -> new Candidate(a.username(), a.displayName()))
                .sorted(java.util.Comparator.comparing(Candidate::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Every request about the assessment, the newest first. For reviewers. */
    @Transactional(readOnly = true)
    public List<CodingRequest> requests(long assessmentId) {
        requireRole(ownership(assessmentId).organizationId(), Role.REVIEWER, "secondcoding.error.reviewerOnly");
        return store.requests(assessmentId);
    }

    /** The requests naming the current person as second coder, the newest first. */
    @Transactional(readOnly = true)
    public List<CodingRequest> askedOfMe() {
        Long me = Actor.current().accountId();
        return me == null ? List.of() : store.byCoder(me);
    }

    /** The open and submitted requests in the organizations where the current person is a reviewer. */
    @Transactional(readOnly = true)
    public List<CodingRequest> underWayForMe() {
        Long me = Actor.current().accountId();
        return me == null ? List.of() : store.activeIn(accounts.membershipsOf(me).stream()
                .filter(m -> m.role().includes(Role.REVIEWER)).map(m -> m.organization().id()).toList());
    }

    // ---------------------------------------------------------------- coding blind

    /** Whether the current person is coding this assessment blind now (the named coder of its open request). */
    @Transactional(readOnly = true)
    public boolean codesBlind(long assessmentId) {
        Long me = Actor.current().accountId();
        return me != null && store.active(assessmentId).filter(r -> r.state() == CodingState.OPEN && r.coderId() == me).isPresent();
    }

    /**
     * The current person's own second coding of the assessment: the latest request naming them (open, or handed in
     * and not cancelled) with their answers. Nothing of the first coding is in it.
     */
    @Transactional(readOnly = true)
    public CoderSheet sheet(long assessmentId) {
        ownership(assessmentId);
        Long me = Actor.current().accountId();
        CodingRequest request = store.requests(assessmentId).stream()
                .filter(r -> me != null && r.coderId() == me && r.state() != CodingState.CANCELLED)
                .findFirst()
                .orElseThrow(() -> new SecondCodingException(Reason.FORBIDDEN, "secondcoding.error.coderOnly"));
        return new CoderSheet(request, store.answers(request.id()));
    }

    /** Saves the second coder's answer to one question (Y, N, OTHER or blank) and why, as they work. */
    public SecondAnswer saveAnswer(long assessmentId, String questionId, String answer, String explanation) {
        CodingRequest request = lockOwnOpenRequest(assessmentId);
        String code = checkedAnswer(questionId, answer);
        String why = checkedExplanation(explanation);
        SecondAnswer before = store.answers(request.id()).get(questionId);
        Instant now = clock.instant();
        store.saveAnswer(request.id(), questionId, code, why, now);
        SecondAnswer after = new SecondAnswer(questionId, code, why, now);
        audit.record(request.organizationId(), TARGET, request.id() + "/answer/" + questionId, "answer",
                before == null ? null : values(before.answer(), before.explanation()), values(code, why));
        return after;
    }

    /**
     * Hands in the second coding: it can no longer change, and it is compared with the assessment's answers as they
     * stand now. With no difference where both answered, the request is reconciled at once.
     */
    public CodingRequest submit(long assessmentId) {
        CodingRequest request = lockOwnOpenRequest(assessmentId);
        Map<String, SecondAnswer> second = store.answers(request.id());
        if (second.values().stream().allMatch(a -> a.answer() == null)) {
            throw new AssessmentInputException("answers", "secondcoding.error.nothingAnswered");
        }
        Assessment assessment = assessments.get(assessmentId);
        Map<Integer, String> editors = new HashMap<>();
        assessments.history(assessmentId).forEach(r -> editors.put(r.number(), r.editor()));
        Map<String, FirstAnswer> first = new LinkedHashMap<>();
        framework.questions().forEach(q -> {
            QuestionAnswer current = assessment.content().answer(q.id());
            if (current.answer() != null || current.explanation() != null) {
                int version = assessment.version(ANSWER_ITEM + q.id());
                FirstAnswer answer = new FirstAnswer(q.id(), current.answer(), current.explanation(), version, editors.get(version));
                store.insertFirstAnswer(request.id(), answer);
                first.put(q.id(), answer);
            }
        });
        Divergence divergence = divergence(first, second);
        store.submitted(request.id(), clock.instant(), assessment.revision(), divergence.different() == 0);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", divergence.different() == 0 ? CodingState.RECONCILED.id() : CodingState.SUBMITTED.id());
        after.put("comparedRevision", assessment.revision());
        after.put("different", divergence.different());
        after.put("answeredByBoth", divergence.answeredByBoth());
        audit.record(request.organizationId(), TARGET, String.valueOf(request.id()), "submit", Map.of("state", "open"), after);
        return store.request(request.id()).orElseThrow();
    }

    /**
     * Notes that the current person opened or changed the assessment itself ({@code where}, such as "GET
     * /assessments/5/history") while coding it blind. Only the first time is kept on the request; it goes into the
     * audit trail and the reviewer sees it.
     */
    public void noteViewWhileBlind(long assessmentId, String where) {
        Long me = Actor.current().accountId();
        if (me == null) {
            return;
        }
        store.openUnviewed(assessmentId, me).ifPresent(id -> {
            if (store.viewed(id, clock.instant(), where)) {
                CodingRequest request = store.request(id).orElseThrow();
                audit.record(request.organizationId(), TARGET, String.valueOf(id), "viewed-while-blind", null, Map.of("where", where));
            }
        });
    }

    // ---------------------------------------------------------------- comparing and deciding

    /**
     * The comparison of a handed-in second coding with the first: the request numbered {@code requestId}, or the
     * assessment's latest handed-in one when null. Empty when there is none yet. For reviewers, except one who is
     * coding the assessment blind now.
     */
    @Transactional(readOnly = true)
    public Optional<Comparison> comparison(long assessmentId, Long requestId) {
        requireRole(ownership(assessmentId).organizationId(), Role.REVIEWER, "secondcoding.error.reviewerOnly");
        if (codesBlind(assessmentId)) {
            // a reviewer who is coding it blind now must not read an earlier round's first answers
            throw new SecondCodingException(Reason.FORBIDDEN, "secondcoding.error.blindComparison");
        }
        Optional<CodingRequest> chosen = store.requests(assessmentId).stream()
                .filter(r -> r.state().compared() && (requestId == null || r.id() == requestId)).findFirst();
        if (requestId != null && chosen.isEmpty()) {
            throw new SecondCodingException(Reason.NOT_FOUND, "secondcoding.error.noSuchRound", requestId);
        }
        return chosen.map(r -> compare(r, assessments.get(assessmentId)));
    }

    /**
     * Decides one question of the latest handed-in second coding: keep the first coder's answer, take the second's,
     * or give another answer with an explanation. The answer is written into the assessment (which must be a draft)
     * through {@link Assessments#saveAnswer} with {@code version}, the answer's version the reviewer saw; the decision
     * records who made it. A question is decided once: a second decision is refused with who made the first.
     *
     * @param follow      "first", "second" or "neither"
     * @param answer      with "neither": the answer (Y, N, OTHER or blank); else ignored
     * @param explanation the explanation to keep; blank keeps the followed coder's; required with "neither"
     */
    public Reconciliation reconcile(long assessmentId, String questionId, String follow, String answer, String explanation,
                                    int version) {
        Assessments.Ownership ownership = ownership(assessmentId);
        Account reviewer = requireRole(ownership.organizationId(), Role.REVIEWER, "secondcoding.error.reviewerOnly");
        CodingRequest latest = store.requests(assessmentId).stream().findFirst()
                .filter(r -> r.state().compared())
                .orElseThrow(() -> new SecondCodingException(Reason.STATE, "secondcoding.error.nothingToReconcile"));
        CodingRequest request = store.lock(latest.id()).orElseThrow();
        if (request.coderId() == reviewer.id()) {
            throw new SecondCodingException(Reason.FORBIDDEN, "secondcoding.error.ownCoding");
        }
        if (framework.question(questionId == null ? "" : questionId).isEmpty()) {
            throw new AssessmentInputException("question", "assessment.error.unknownQuestion", String.valueOf(questionId));
        }
        Reconciliation earlier = store.reconciliations(request.id()).get(questionId);
        if (earlier != null) {
            throw new SecondCodingException(Reason.CONFLICT, "secondcoding.error.alreadyDecided", framework.questionNumber(questionId),
                    earlier.decidedByName(), WHEN.format(earlier.decidedAt()));
        }
        FirstAnswer first = store.firstAnswers(request.id()).get(questionId);
        SecondAnswer second = store.answers(request.id()).get(questionId);
        if (!Agreement.of(first == null ? null : first.answer(), second == null ? null : second.answer()).decidable()) {
            throw new AssessmentInputException("question", "secondcoding.error.notDifferent", framework.questionNumber(questionId));
        }
        Followed followed = Followed.of(follow == null ? "" : follow.strip()).orElseThrow(() ->
                new AssessmentInputException("follow", "secondcoding.error.follow", String.valueOf(follow)));
        String given = blankToNull(explanation);
        String code;
        String why;
        switch (followed) {
            case FIRST -> {
                code = first == null ? null : first.answer();
                why = given != null ? given : first == null ? null : first.explanation();
            }
            case SECOND -> {
                code = second == null ? null : second.answer();
                why = given != null ? given : second == null ? null : second.explanation();
            }
            default -> {
                if (given == null) {
                    throw new AssessmentInputException("explanation", "secondcoding.error.explanationRequired");
                }
                code = checkedAnswer(questionId, answer);
                why = given;
            }
        }
        Assessment saved = assessments.saveAnswer(assessmentId, questionId, version, code, checkedExplanation(why),
                Actor.current().name());
        Reconciliation decision = new Reconciliation(questionId, code, why, followed, reviewer.id(), reviewer.displayName(),
                clock.instant(), saved.revision());
        store.insertReconciliation(request.id(), decision);
        Map<String, Object> after = new LinkedHashMap<>(values(code, why));
        after.put("followed", followed.id());
        after.put("revision", saved.revision());
        // before: the two codings that differed; after: the decided answer (the assessment's own event has its before)
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("first", first == null ? null : first.answer());
        before.put("second", second == null ? null : second.answer());
        audit.record(request.organizationId(), TARGET, request.id() + "/reconcile/" + questionId, "reconcile", before, after);
        if (request.state() == CodingState.SUBMITTED && compare(request, saved).undecided() == 0) {
            store.close(request.id(), CodingState.RECONCILED, clock.instant());
            audit.record(request.organizationId(), TARGET, String.valueOf(request.id()), "reconciled",
                    Map.of("state", CodingState.SUBMITTED.id()), Map.of("state", CodingState.RECONCILED.id()));
        }
        return decision;
    }

    // ---------------------------------------------------------------- the organization's figure

    /** The divergence over every second coding an organization has handed in, and each round's. For its reviewers. */
    @Transactional(readOnly = true)
    public OrganizationDivergence organization(long organizationId) {
        requireRole(organizationId, Role.REVIEWER, "secondcoding.error.reviewerOnlyOrganization");
        Organization organization = accounts.organization(organizationId).orElseThrow();
        List<OrganizationDivergence.Round> rounds = new ArrayList<>();
        Set<Long> assessmentIds = new LinkedHashSet<>();
        Divergence total = Divergence.of(0, 0, 0);
        for (CodingRequest request : store.comparedRequests(organizationId)) {
            Divergence divergence = divergence(store.firstAnswers(request.id()), store.answers(request.id()));
            String title = assessments.find(request.assessmentId()).map(a -> a.content().title()).orElse("?");
            rounds.add(new OrganizationDivergence.Round(request.id(), request.assessmentId(), title, request.coderName(),
                    request.state(), request.submittedAt(), divergence));
            assessmentIds.add(request.assessmentId());
            total = total.plus(divergence);
        }
        return new OrganizationDivergence(organizationId, organization.name(), assessmentIds.size(), total, rounds);
    }

    // ---------------------------------------------------------------- for the scorecard

    /**
     * What the scorecard says about each question's second coding, as known at {@code revision} (null: now): the
     * latest decision, or, for a question both coders answered alike, that a blind second coding confirmed it.
     * Whoever may read the scorecard may read these.
     */
    @Transactional(readOnly = true)
    public Map<String, QuestionMark> marks(long assessmentId, Integer revision) {
        Map<String, QuestionMark> marks = new HashMap<>();
        List<CodingRequest> requests = new ArrayList<>(store.requests(assessmentId));
        java.util.Collections.reverse(requests);
        for (CodingRequest request : requests) {
            if (!request.state().compared() || revision != null && request.comparedRevision() > revision) {
                continue;
            }
            Map<String, FirstAnswer> first = store.firstAnswers(request.id());
            store.answers(request.id()).forEach((question, second) -> {
                FirstAnswer f = first.get(question);
                if (Agreement.of(f == null ? null : f.answer(), second.answer()) == Agreement.SAME) {
                    marks.put(question, new QuestionMark(question, false, second.answer(), request.coderName(),
                            request.submittedAt(), null, request.viewedAt() == null));
                }
            });
            store.reconciliations(request.id()).values().stream()
                    .filter(r -> revision == null || r.revision() <= revision)
                    .forEach(r -> marks.put(r.questionId(), new QuestionMark(r.questionId(), true, r.answer(), r.decidedByName(),
                            r.decidedAt(), r.followed(), request.viewedAt() == null)));
        }
        return marks;
    }

    // ---------------------------------------------------------------- helpers

    private Comparison compare(CodingRequest request, Assessment assessment) {
        Map<String, FirstAnswer> first = store.firstAnswers(request.id());
        Map<String, SecondAnswer> second = store.answers(request.id());
        Map<String, Reconciliation> decisions = store.reconciliations(request.id());
        List<QuestionComparison> questions = framework.questions().map(q -> {
            FirstAnswer f = first.getOrDefault(q.id(), new FirstAnswer(q.id(), null, null, 0, null));
            SecondAnswer s = second.get(q.id());
            return new QuestionComparison(q.id(), framework.questionNumber(q.id()), q.text(), f, s,
                    Agreement.of(f.answer(), s == null ? null : s.answer()), decisions.get(q.id()),
                    assessment.content().answer(q.id()).answer(), assessment.version(ANSWER_ITEM + q.id()));
        }).toList();
        return new Comparison(request, questions, divergence(first, second));
    }

    private Divergence divergence(Map<String, FirstAnswer> first, Map<String, SecondAnswer> second) {
        int different = 0;
        int both = 0;
        int one = 0;
        for (Framework.CriterionQuestion q : framework.questions().toList()) {
            FirstAnswer f = first.get(q.id());
            SecondAnswer s = second.get(q.id());
            switch (Agreement.of(f == null ? null : f.answer(), s == null ? null : s.answer())) {
                case DIFFERENT -> {
                    different++;
                    both++;
                }
                case SAME -> both++;
                case FIRST_ONLY, SECOND_ONLY -> one++;
                default -> {
                }
            }
        }
        return Divergence.of(different, both, one);
    }

    /** The accounts that ever saved an answer to a criterion question of this assessment. */
    private Set<Long> firstCoders(long assessmentId) {
        Set<Long> coders = new LinkedHashSet<>();
        for (Revision revision : assessments.history(assessmentId)) {
            if (revision.actorId() != null && revision.changes().stream().anyMatch(c -> c.field().startsWith(ANSWER_ITEM))) {
                coders.add(revision.actorId());
            }
        }
        return coders;
    }

    private CodingRequest lockOwnOpenRequest(long assessmentId) {
        Assessments.Ownership ownership = ownership(assessmentId);
        Long me = Actor.current().accountId();
        CodingRequest request = lockActive(assessmentId)
                .filter(r -> me != null && r.coderId() == me)
                .orElseThrow(() -> new SecondCodingException(Reason.FORBIDDEN, "secondcoding.error.coderOnly"));
        if (request.state() != CodingState.OPEN) {
            throw new SecondCodingException(Reason.STATE, "secondcoding.error.notOpen");
        }
        requireRole(ownership.organizationId(), Role.EDITOR, "secondcoding.error.coderOnly");
        return request;
    }

    private Optional<CodingRequest> lockActive(long assessmentId) {
        return store.active(assessmentId).flatMap(r -> store.lock(r.id())).filter(r -> r.state().active());
    }

    private Assessments.Ownership ownership(long assessmentId) {
        return assessments.ownership(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
    }

    /** The current person's account, if they have at least this role in the organization. */
    private Account requireRole(long organizationId, Role role, String messageKey) {
        Long me = Actor.current().accountId();
        if (me == null || !accounts.role(organizationId, me).map(r -> r.includes(role)).orElse(false)) {
            throw new SecondCodingException(Reason.FORBIDDEN, messageKey);
        }
        return accounts.get(me);
    }

    private String checkedAnswer(String questionId, String answer) {
        Framework.Criterion criterion = framework.criterionOf(questionId == null ? "" : questionId).orElseThrow(() ->
                new AssessmentInputException("question", "assessment.error.unknownQuestion", String.valueOf(questionId)));
        String code = blankToNull(answer);
        Framework.AnswerSet set = framework.answerSet(criterion.answerSet()).orElseThrow();
        if (code != null && !set.allows(code)) {
            throw new AssessmentInputException("answer", "assessment.error.answer", code,
                    String.join(", ", set.options().stream().map(Framework.AnswerOption::code).toList()));
        }
        return code;
    }

    private static String checkedExplanation(String explanation) {
        String why = blankToNull(explanation);
        if (why != null && why.length() > Assessments.TEXT_MAX) {
            throw new AssessmentInputException("explanation", "assessment.error.tooLong",
                    new DefaultMessageSourceResolvable(new String[] {"assessment.field.explanation"}, "explanation"),
                    why.length(), Assessments.TEXT_MAX);
        }
        return why;
    }

    /** A value to quote back in a message, cut to a readable length. */
    private static String shortened(String value) {
        String text = String.valueOf(value).strip();
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static Map<String, Object> values(String answer, String explanation) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("answer", answer);
        values.put("explanation", explanation);
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.sanctuaryscorecard.correction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.correction.internal.ClientKey;
import org.sanctuaryscorecard.correction.internal.CorrectionStore;
import org.sanctuaryscorecard.correction.internal.FileCheck;
import org.sanctuaryscorecard.correction.internal.Parts;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Correction requests: anyone may send one about a published scorecard; the reviewers of the organization that owns
 * it read them and mark each answered or dismissed with a note. Nothing here is published or changes an assessment.
 *
 * <p>A request is checked completely and against the rate limits ({@link CorrectionLimits}) before anything is stored.
 * The limits count the requests stored in the database. Arriving requests are taken one at a time, checked and stored
 * in one transaction: in this instance they wait in line for a lock in memory, and across instances that share the
 * database for a lock on a row ({@code correction_gate}), so that requests arriving at once never overrun a limit. Everything stored or changed is in the audit
 * trail, with the actor (an anonymous visitor with their address, or the reviewer) in the same transaction.
 *
 * <p>Only reviewers (and admins) of the owning organization may read or handle a request; for anyone else a request
 * does not exist ({@link CorrectionNotFoundException}).
 */
@Service
@Transactional
public class Corrections {

    /** Requests on one page of the reviewers' list. */
    public static final int PAGE_SIZE = 50;
    /** The target type of correction requests in the audit trail. */
    public static final String AUDIT_TARGET = "correction";

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:]+");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final CorrectionStore store;
    private final Assessments assessments;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Parts parts;
    private final CorrectionLimits limits;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** Arriving requests of this instance, one at a time (fair: in the order they came). */
    private final ReentrantLock arrivals = new ReentrantLock(true);

    public Corrections(CorrectionStore store, Assessments assessments, AccessPolicy policy, AuditTrail audit, Parts parts,
                       CorrectionLimits limits, Clock clock, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.assessments = assessments;
        this.policy = policy;
        this.audit = audit;
        this.parts = parts;
        this.limits = limits;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---------------------------------------------------------------- anyone

    /**
     * Receives a request about a published assessment from the current actor (whose address the limits count by), in
     * a transaction of its own.
     *
     * @throws NoPublishedScorecardException when there is no such assessment or it is not published
     * @throws CorrectionLimitException      when a rate limit is reached (nothing is stored)
     * @throws CorrectionInputException      when something sent is wrong or missing (nothing is stored)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // its own transaction, begun once it is its turn
    public CorrectionRequest receive(long assessmentId, CorrectionInput input) {
        arrivals.lock();
        try {
            return transactions.execute(status -> receiveInTurn(assessmentId, input));
        } finally {
            arrivals.unlock();
        }
    }

    private CorrectionRequest receiveInTurn(long assessmentId, CorrectionInput input) {
        Assessments.Ownership owner = requirePublished(assessmentId);
        Actor actor = Actor.current();
        String clientKey = ClientKey.of(actor.origin());
        store.lockGate();
        Instant now = clock.instant();
        checkLimits(clientKey, assessmentId, now);
        if (clean(input.trap()) != null) {
            throw new CorrectionInputException("trap", "correction.error.trap");
        }
        CorrectionStore.NewRequest request = checked(input, owner, assessments.get(assessmentId).revision(), now,
                actor.origin(), clientKey);
        CorrectionFile file = input.file() == null ? null : FileCheck.check(input.file(), limits);
        if (request.citation() == null && request.link() == null && file == null) {
            throw new CorrectionInputException("citation", "correction.error.evidence");
        }
        long id = store.insert(request);
        if (file != null) {
            store.insertFile(id, file);
        }
        CorrectionRequest stored = store.find(id).orElseThrow();
        audit.record(owner.organizationId(), AUDIT_TARGET, String.valueOf(id), "receive", null, auditValue(stored));
        return stored;
    }

    /** Whether this assessment takes correction requests (it exists and is published). */
    @Transactional(readOnly = true)
    public boolean open(long assessmentId) {
        return assessments.ownership(assessmentId).map(Assessments.Ownership::published).orElse(false);
    }

    private Assessments.Ownership requirePublished(long assessmentId) {
        return assessments.ownership(assessmentId).filter(Assessments.Ownership::published)
                .orElseThrow(() -> new NoPublishedScorecardException(assessmentId));
    }

    private void checkLimits(String clientKey, long assessmentId, Instant now) {
        Optional<Duration> hour = wait(store.receivedFromClient(clientKey, now.minus(HOUR), limits.perClientPerHour()),
                limits.perClientPerHour(), HOUR, now);
        if (hour.isPresent()) {
            throw new CorrectionLimitException("correction.limit.clientHour", limits.perClientPerHour(), hour.get());
        }
        Optional<Duration> day = wait(store.receivedFromClient(clientKey, now.minus(DAY), limits.perClientPerDay()),
                limits.perClientPerDay(), DAY, now);
        if (day.isPresent()) {
            throw new CorrectionLimitException("correction.limit.clientDay", limits.perClientPerDay(), day.get());
        }
        Optional<Duration> assessment = wait(store.receivedForAssessment(assessmentId, now.minus(DAY), limits.perAssessmentPerDay()),
                limits.perAssessmentPerDay(), DAY, now);
        if (assessment.isPresent()) {
            throw new CorrectionLimitException("correction.limit.assessmentDay", limits.perAssessmentPerDay(), assessment.get());
        }
    }

    /**
     * How long until one more request fits, given the latest ones in the window (newest first, at most {@code limit}):
     * empty when there is room now; else until the oldest of them leaves the window.
     */
    private static Optional<Duration> wait(List<Instant> latest, int limit, Duration window, Instant now) {
        if (latest.size() < limit) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, latest.get(limit - 1).plus(window));
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    private CorrectionStore.NewRequest checked(CorrectionInput input, Assessments.Ownership owner, int revision, Instant now,
                                               String origin, String clientKey) {
        String name = limit("name", required("name", input.name()), CorrectionLimits.NAME_MAX);
        String organization = limit("organization", clean(input.organization()), CorrectionLimits.NAME_MAX);
        String email = limit("email", clean(input.email()), CorrectionLimits.EMAIL_MAX);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new CorrectionInputException("email", "correction.error.email", email);
        }
        String part = clean(input.part());
        if (part == null) {
            throw new CorrectionInputException("part", "correction.error.partRequired");
        }
        if (!parts.exists(part)) {
            throw new CorrectionInputException("part", "correction.error.part", part.length() > 100 ? part.substring(0, 100) + "\u2026" : part);
        }
        String wrong = limit("whatIsWrong", required("whatIsWrong", input.whatIsWrong()), limits.textMax());
        String shouldSay = limit("shouldSay", clean(input.shouldSay()), limits.textMax());
        String citation = limit("citation", clean(input.citation()), CorrectionLimits.CITATION_MAX);
        String link = limit("link", clean(input.link()), CorrectionLimits.LINK_MAX);
        if (link != null && !LINK.matcher(link).matches()) {
            throw new CorrectionInputException("link", "correction.error.link");
        }
        return new CorrectionStore.NewRequest(owner.assessmentId(), owner.organizationId(), revision, now, origin, clientKey,
                name, organization, email, part, wrong, shouldSay, citation, link);
    }

    // ---------------------------------------------------------------- reviewers

    /** The organizations whose requests the current person may read: where they are a reviewer or an admin. */
    @Transactional(readOnly = true)
    public List<Organization> reviewedOrganizations() {
        return policy.organizationsWhere(Role.REVIEWER);
    }

    /**
     * A page of the requests the current person may handle, newest first.
     *
     * @param status       only those in this status, or all when null
     * @param assessmentId only those about this assessment, or all when null
     * @param page         from 1
     */
    @Transactional(readOnly = true)
    public ReviewPage list(CorrectionStatus status, Long assessmentId, int page) {
        List<Long> organizations = reviewedOrganizations().stream().map(Organization::id).toList();
        if (organizations.isEmpty()) {
            return new ReviewPage(List.of(), 1, 1, store.countByStatus(organizations, null));
        }
        Map<CorrectionStatus, Long> counts = store.countByStatus(organizations, assessmentId);
        long total = status == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.get(status);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(1, Math.min(page, pages));
        return new ReviewPage(store.list(organizations, status, assessmentId, (current - 1) * PAGE_SIZE, PAGE_SIZE),
                current, pages, counts);
    }

    /**
     * How many new requests there are about this assessment, for its organization's reviewers; empty for anyone else
     * and for an assessment that does not exist.
     */
    @Transactional(readOnly = true)
    public Optional<Long> countNew(long assessmentId) {
        return assessments.ownership(assessmentId).filter(owner -> policy.canReview(owner.organizationId()))
                .map(owner -> store.countByStatus(List.of(owner.organizationId()), assessmentId).get(CorrectionStatus.NEW));
    }

    /** A request, for a reviewer of its organization. */
    @Transactional(readOnly = true)
    public CorrectionRequest get(long id) {
        return store.find(id).filter(r -> policy.canReview(r.organizationId())).orElseThrow(() -> new CorrectionNotFoundException(id));
    }

    /** A request's file with its bytes, for a reviewer of its organization. */
    @Transactional(readOnly = true)
    public CorrectionFile file(long id) {
        get(id);
        return store.file(id).orElseThrow(() -> new CorrectionNotFoundException(id));
    }

    /** What happened to a request, oldest first: its arrival and each change, from the audit trail. */
    @Transactional(readOnly = true)
    public List<AuditEvent> history(long id) {
        get(id);
        return audit.forTarget(AUDIT_TARGET, String.valueOf(id));
    }

    /**
     * Marks a request answered or dismissed, with a note (both required), as the current reviewer. The assessment is
     * not touched: a correction the reviewers accept is made by an editor, as any other change.
     *
     * @param version the request's version the reviewer saw
     * @throws CorrectionConflictException when someone else changed it since
     */
    public CorrectionRequest handle(long id, int version, String status, String note) {
        CorrectionRequest current = get(id);
        CorrectionStatus wanted = CorrectionStatus.of(clean(status)).filter(s -> s != CorrectionStatus.NEW)
                .orElseThrow(() -> new CorrectionInputException("status", "correction.error.status"));
        String cleanNote = limit("note", required("note", note), limits.textMax());
        if (current.version() != version) {
            throw new CorrectionConflictException(current.handledBy(), current.handledAt());
        }
        Actor actor = Actor.current();
        Instant now = clock.instant();
        if (!store.updateStatus(id, version, wanted, cleanNote, actor.accountId(), actor.name(), now)) {
            CorrectionRequest latest = store.find(id).orElseThrow();
            throw new CorrectionConflictException(latest.handledBy(), latest.handledAt());
        }
        audit.record(current.organizationId(), AUDIT_TARGET, String.valueOf(id), "status",
                statusValue(current.status(), current.note()), statusValue(wanted, cleanNote));
        return store.find(id).orElseThrow();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> statusValue(CorrectionStatus status, String note) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("status", status.id());
        value.put("note", note);
        return value;
    }

    /** What the audit trail keeps of an arriving request: everything sent, the file described by its hash. */
    private static Map<String, Object> auditValue(CorrectionRequest r) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("assessment", r.assessmentId());
        value.put("revision", r.assessmentRevision());
        value.put("part", r.part());
        value.put("name", r.name());
        value.put("organization", r.organization());
        value.put("email", r.email());
        value.put("whatIsWrong", r.whatIsWrong());
        value.put("shouldSay", r.shouldSay());
        value.put("citation", r.citation());
        value.put("link", r.link());
        if (r.file() != null) {
            value.put("file", Map.of("name", r.file().name(), "type", r.file().contentType(), "size", r.file().size(),
                    "sha256", r.file().sha256()));
        }
        value.put("status", r.status().id());
        return value;
    }

    private static String required(String field, String value) {
        String clean = clean(value);
        if (clean == null) {
            throw new CorrectionInputException(field, "correction.error.required", label(field));
        }
        return clean;
    }

    private static String limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            boolean text = "whatIsWrong".equals(field) || "shouldSay".equals(field);
            throw new CorrectionInputException(field, text ? "correction.error.textTooLong" : "correction.error.tooLong", label(field),
                    value.length(), max);
        }
        return value;
    }

    /** Trimmed, without NUL characters (which no database stores), or null when blank. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\0') >= 0 ? value.replace("\0", "") : value;
        return text.isBlank() ? null : text.strip();
    }

    /** The words for a field (a message key, resolved with the message). */
    private static DefaultMessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable(new String[] {"correction.field." + field}, field);
    }
}

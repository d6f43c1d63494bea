package org.sanctuaryscorecard.policy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.policy.internal.PolicyStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads policy records and stores new ones and corrected labels, each change audited in its transaction. Who may call
 * the changing methods is the web layer's question (editors of any organization); this class checks the input: a real
 * jurisdiction, a known status and kind, the thirteen provisions only, and every quote verbatim in the text.
 */
@Service
public class Policies {

    public static final int TITLE_MAX = 1000;
    public static final int CITATION_MAX = 1000;
    public static final int URL_MAX = 4000;
    public static final int NOTE_MAX = 2000;
    public static final int BODY_MAX = 1_000_000;
    public static final int QUOTE_MAX = 20_000;
    public static final Set<String> LABELS = Set.of("protects", "limited", "contrary", "silent");
    public static final Set<String> KINDS = Set.of("statute", "ordinance", "resolution", "executive-order", "directive",
            "department-policy", "agreement", "court-order", "bill", "other");

    private final PolicyStore store;
    private final Framework framework;
    private final JurisdictionCatalog jurisdictions;
    private final AuditTrail audit;
    private final Clock clock;

    public Policies(PolicyStore store, Framework framework, JurisdictionCatalog jurisdictions, AuditTrail audit, Clock clock) {
        this.store = store;
        this.framework = framework;
        this.jurisdictions = jurisdictions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Policy> find(long id) {
        return store.find(id);
    }

    /** The stored text of a policy. */
    @Transactional(readOnly = true)
    public Optional<String> text(long id) {
        return store.text(id);
    }

    /** The policies that bind a jurisdiction itself (not those of the governments above it), oldest record first. */
    @Transactional(readOnly = true)
    public List<Policy> binding(String geoid) {
        return store.binding(geoid);
    }

    /** Every policy record, with labels, without texts. */
    @Transactional(readOnly = true)
    public List<Policy> all() {
        return store.all();
    }

    /** Whether the shipped policy with this mark is already stored. */
    @Transactional(readOnly = true)
    public boolean seeded(String seed) {
        return store.seeded(seed);
    }

    /**
     * Stores a new policy and its labels.
     *
     * @param seed           "seed:" and a file name for a shipped policy, or null
     * @param organizationId the organization in whose name it is added, or null for a shipped one
     * @param labelOrigin    who made the labels: {@link PolicyLabel#CORPUS}, {@link PolicyLabel#ANALYZER} or
     *                       {@link PolicyLabel#PERSON} (then the current actor confirmed them now)
     * @param originNote     the origin in words
     * @throws PolicyInputException when the input cannot be stored
     */
    @Transactional
    public Policy create(PolicyInput input, String seed, Long organizationId, String labelOrigin, String originNote) {
        check(input);
        Map<String, PolicyLabel> labels = new LinkedHashMap<>();
        boolean person = PolicyLabel.PERSON.equals(labelOrigin);
        for (Framework.Provision provision : framework.provisions()) {
            PolicyInput.LabelInput given = input.labels().get(provision.id());
            String label = given == null || given.label() == null ? "silent" : given.label();
            String quote = given == null || "silent".equals(label) ? null : given.quote();
            labels.put(provision.id(), new PolicyLabel(provision.id(), label, quote, labelOrigin, originNote,
                    person ? Actor.current().name() : null, person ? clock.instant() : null));
        }
        long id = store.insert(input, seed, organizationId, clock.instant(), labels);
        Policy policy = store.find(id).orElseThrow();
        audit.record(organizationId, "policy", Long.toString(id), "create", null, policy);
        return policy;
    }

    /**
     * A person confirms or corrects one label: it becomes theirs, now.
     *
     * @param version the policy's version the person started from
     * @throws PolicyInputException when the label or quote is not acceptable, or the policy changed meanwhile
     */
    @Transactional
    public Policy confirmLabel(long id, int version, String provision, String label, String quote, Long organizationId) {
        Policy before = store.find(id).orElseThrow(() -> new PolicyInputException("policy.error.notFound", id));
        if (framework.provisions().stream().noneMatch(p -> p.id().equals(provision))) {
            throw new PolicyInputException("policy.error.provision", provision);
        }
        String body = store.text(id).orElseThrow();
        String kept = "silent".equals(label) ? null : quote;
        checkLabel(provision, label, kept, body);
        if (!store.touch(id, version, clock.instant())) {
            throw new PolicyInputException("policy.error.stale", before.version());
        }
        PolicyLabel after = new PolicyLabel(provision, label, kept, PolicyLabel.PERSON, null, Actor.current().name(), clock.instant());
        store.putLabel(id, after);
        audit.record(organizationId, "policy", Long.toString(id), "label", before.label(provision), after);
        return store.find(id).orElseThrow();
    }

    private void check(PolicyInput p) {
        if (p.jurisdictionGeoid() == null || jurisdictions.find(p.jurisdictionGeoid()).isEmpty()) {
            throw new PolicyInputException("policy.error.jurisdiction", String.valueOf(p.jurisdictionGeoid()));
        }
        for (String geoid : p.alsoBinds()) {
            if (jurisdictions.find(geoid).isEmpty() || geoid.equals(p.jurisdictionGeoid())) {
                throw new PolicyInputException("policy.error.jurisdiction", geoid);
            }
        }
        required("title", p.title(), TITLE_MAX);
        required("text", p.body(), BODY_MAX);
        optional("citation", p.citation(), CITATION_MAX);
        optional("source", p.sourceUrl(), URL_MAX);
        optional("source", p.sourceNote(), URL_MAX);
        optional("enacted", p.enactedNote(), NOTE_MAX);
        optional("statusNote", p.statusNote(), NOTE_MAX);
        if (p.sourceUrl() != null && !p.sourceUrl().isBlank() && !p.sourceUrl().matches("(?i)https?://\\S+")) {
            throw new PolicyInputException("policy.error.url");
        }
        if (p.kind() == null || !KINDS.contains(p.kind())) {
            throw new PolicyInputException("policy.error.kind", String.valueOf(p.kind()));
        }
        if (PolicyStatus.of(p.status()).isEmpty()) {
            throw new PolicyInputException("policy.error.status", String.valueOf(p.status()));
        }
        if (p.endedOn() != null && p.from() != null && !p.endedOn().isAfter(p.from())) {
            throw new PolicyInputException("policy.error.dates");
        }
        optional("inForceByNote", p.inForceByNote(), NOTE_MAX);
        if (p.inForceBy() != null && (p.inForceByNote() == null || p.inForceByNote().isBlank())) {
            throw new PolicyInputException("policy.error.inForceByNote");
        }
        if (p.inForceBy() != null && p.from() != null) {
            throw new PolicyInputException("policy.error.inForceByWithDate");
        }
        if (p.endedOn() != null && p.inForceBy() != null && !p.endedOn().isAfter(p.inForceBy())) {
            throw new PolicyInputException("policy.error.dates");
        }
        for (Map.Entry<String, PolicyInput.LabelInput> e : p.labels().entrySet()) {
            if (framework.provisions().stream().noneMatch(pr -> pr.id().equals(e.getKey()))) {
                throw new PolicyInputException("policy.error.provision", e.getKey());
            }
            String label = e.getValue().label() == null ? "silent" : e.getValue().label();
            checkLabel(e.getKey(), label, "silent".equals(label) ? null : e.getValue().quote(), p.body());
        }
    }

    private static void checkLabel(String provision, String label, String quote, String body) {
        if (!LABELS.contains(label)) {
            throw new PolicyInputException("policy.error.label", provision, String.valueOf(label));
        }
        if ("silent".equals(label)) {
            return;
        }
        if (quote == null || quote.isBlank()) {
            throw new PolicyInputException("policy.error.quoteMissing", provision);
        }
        if (quote.length() > QUOTE_MAX) {
            throw new PolicyInputException("policy.error.tooLong", "quote", QUOTE_MAX);
        }
        if (!body.contains(quote)) {
            throw new PolicyInputException("policy.error.quoteNotInText", provision);
        }
    }

    private static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new PolicyInputException("policy.error.required", field);
        }
        optional(field, value, max);
    }

    private static void optional(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new PolicyInputException("policy.error.tooLong", field, max);
        }
    }
}

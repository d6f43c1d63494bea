package org.sanctuaryscorecard.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.assessment.AssessmentContent.Evidence;
import org.sanctuaryscorecard.assessment.Revision.FieldChange;
import org.sanctuaryscorecard.assessment.internal.AssessmentStore;
import org.sanctuaryscorecard.assessment.internal.ContentFields;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments: create them, save each answer on its own, keep every change as a revision, show any past state.
 *
 * <p>Every save names the item it changes (the header, one answer, one piece of evidence ...) and the version of that
 * item the person started from. Saves to one assessment are serialized; a save based on an old version of an item
 * that has changed since is refused with an {@link EditConflictException} carrying the other person's version, never
 * applied over it. Input is checked completely before anything is written.
 */
@Service
@Transactional
public class Assessments {

    /** Longest title and author name. */
    public static final int NAME_MAX = 200;
    /** Longest explanation, landscape description or quote. */
    public static final int TEXT_MAX = 20_000;
    /** Longest citation or source title. */
    public static final int CITATION_MAX = 500;
    /** Longest URL. */
    public static final int URL_MAX = 2_000;
    /** Most agencies in a landscape answer, and the longest agency name. */
    public static final int AGENCIES_MAX = 50;
    /** Most pieces of evidence in one assessment. */
    public static final int EVIDENCE_MAX = 200;
    /** Largest uploaded file. */
    public static final int FILE_MAX_BYTES = 20 * 1024 * 1024;
    /** The kinds of file that can be uploaded as evidence. */
    public static final Set<String> FILE_TYPES = Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain", "text/html",
            "image/png", "image/jpeg");

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final String ANONYMOUS = "anonymous";

    private final AssessmentStore store;
    private final Framework framework;
    private final JurisdictionCatalog jurisdictions;
    private final AuditTrail audit;
    private final Clock clock;

    public Assessments(AssessmentStore store, Framework framework, JurisdictionCatalog jurisdictions, AuditTrail audit, Clock clock) {
        this.store = store;
        this.framework = framework;
        this.jurisdictions = jurisdictions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Who owns an assessment, whether it is published and its revision, read cheaply (one query) for access checks.
     *
     * @return the owning organization's id, whether the assessment is published and its revision; empty when there is no
     *         such assessment
     */
    @Transactional(readOnly = true)
    public Optional<Ownership> ownership(long id) {
        return store.ownerAndPublished(id).map(o -> new Ownership(id, o[0], o[1] == 1, (int) o[2]));
    }

    /**
     * An assessment's owner, whether it is published, and its revision: every change, a change of status included,
     * makes a new revision, so an assessment at one revision is always the same.
     */
    public record Ownership(long assessmentId, long organizationId, boolean published, int revision) {
    }

    // ---------------------------------------------------------------- reading

    /** The assessment with this id, if any. */
    @Transactional(readOnly = true)
    public Optional<Assessment> find(long id) {
        return store.find(id).map(row -> assemble(row, store.fields(row.id()), store.itemVersions(row.id())));
    }

    /** The assessment with this id. */
    @Transactional(readOnly = true)
    public Assessment get(long id) {
        return find(id).orElseThrow(() -> new AssessmentNotFoundException(id));
    }

    /** A jurisdiction's assessments: published ones first, then the others; within each, the latest "as of" first. */
    @Transactional(readOnly = true)
    public List<AssessmentListing> listFor(String geoid) {
        List<AssessmentListing> list = new ArrayList<>(store.listFor(geoid));
        list.sort(Comparator.comparing((AssessmentListing a) -> a.status() != AssessmentStatus.PUBLISHED)
                .thenComparing(AssessmentListing::asOf, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(AssessmentListing::id, Comparator.reverseOrder()));
        return list;
    }

    /**
     * Every published assessment (what anyone may read, for the open exports) as id → revision, by jurisdiction GEOID
     * then id. Only ids, so that a reader can load and write one assessment at a time; the revisions tell when any
     * of them changed.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> publishedRevisions() {
        return store.publishedRevisions();
    }

    /** The jurisdiction's latest published assessment (by "as of" date, then the newest), if it has one. */
    @Transactional(readOnly = true)
    public Optional<Assessment> latestPublished(String geoid) {
        return listFor(geoid).stream().filter(a -> a.status() == AssessmentStatus.PUBLISHED).findFirst()
                .flatMap(a -> find(a.id()));
    }

    /**
     * For each jurisdiction, its latest published assessment as of a date: of the assessments published now whose
     * "as of" date is on or before {@code date}, the one with the latest "as of" date (the higher id on a tie).
     * Jurisdictions without one are absent. Read in two queries, however many there are.
     */
    @Transactional(readOnly = true)
    public Map<String, AssessmentListing> latestPublished(LocalDate date) {
        Map<String, AssessmentListing> latest = new HashMap<>();
        Comparator<AssessmentListing> order = Comparator.comparing(AssessmentListing::asOf).thenComparing(AssessmentListing::id);
        for (AssessmentListing listing : store.publishedAsOf(date)) {
            latest.merge(listing.jurisdictionGeoid(), listing, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        return latest;
    }

    /** Every revision, oldest first, with each field's old and new value. */
    @Transactional(readOnly = true)
    public List<Revision> history(long id) {
        requireRow(id);
        return store.revisions(id);
    }

    /** The content as it was right after revision {@code revision}. */
    @Transactional(readOnly = true)
    public AssessmentContent contentAt(long id, int revision) {
        AssessmentStore.Row row = requireRow(id);
        if (revision < 1 || revision > row.revision()) {
            throw new AssessmentNotFoundException(id, revision);
        }
        return ContentFields.contentOf(store.fieldsAt(id, revision), framework);
    }

    /** The fields that differ between two revisions (old = at {@code from}, new = at {@code to}), in field order. */
    @Transactional(readOnly = true)
    public List<FieldChange> compare(long id, int from, int to) {
        AssessmentStore.Row row = requireRow(id);
        for (int revision : new int[] {from, to}) {
            if (revision < 1 || revision > row.revision()) {
                throw new AssessmentNotFoundException(id, revision);
            }
        }
        Map<String, String> before = ContentFields.fieldsOf(ContentFields.contentOf(store.fieldsAt(id, from), framework));
        Map<String, String> after = ContentFields.fieldsOf(ContentFields.contentOf(store.fieldsAt(id, to), framework));
        List<FieldChange> changes = new ArrayList<>();
        java.util.Set<String> fields = new java.util.TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(new FieldChange(field, before.get(field), after.get(field)));
            }
        }
        return changes;
    }

    /** An uploaded evidence file of this assessment. */
    @Transactional(readOnly = true)
    public Optional<EvidenceFile> file(long id, long fileId) {
        requireRow(id);
        return store.file(id, fileId, true).map(f -> new EvidenceFile(f.id(), f.name(), f.contentType(), f.size(),
                f.sha256(), f.content()));
    }

    // ---------------------------------------------------------------- writing

    /** Starts an assessment of a jurisdiction for an organization, as a draft. */
    public Assessment create(String geoid, long organizationId, String title, String author, String asOf, String editor) {
        if (geoid == null || jurisdictions.find(geoid).isEmpty()) {
            throw new AssessmentInputException("jurisdiction", "assessment.error.jurisdiction", String.valueOf(geoid));
        }
        Map<String, String> fields = headerFields(title, author, asOf);
        fields.put("status", AssessmentStatus.DRAFT.id());
        Instant now = clock.instant();
        long id = store.insert(geoid, organizationId, framework.about().id(), framework.about().version(), null, now);
        write(id, organizationId, 0, fields, Map.of(), editor(editor), "Started the assessment");
        return get(id);
    }

    /** Saves the title, author and "as of" date. */
    public Assessment saveHeader(long id, int version, String title, String author, String asOf, String editor) {
        return save(id, ContentFields.HEADER_ITEM, version, headerFields(title, author, asOf), editor, "Changed the title, author or date");
    }

    /**
     * Moves the assessment along its workflow: a draft is submitted for review; a reviewer publishes it or sends it
     * back to draft with a reason; a published one goes back to draft with a reason. Who may do each is decided by
     * the caller's access policy; one rule is the assessment's own: the person who made the last change to the
     * content cannot publish it (a second person reviews).
     *
     * @param status the status wanted: draft, in-review or published
     * @param reason why it goes back to draft (required then), else ignored
     */
    public Assessment setStatus(long id, int version, String status, String reason, String editor) {
        AssessmentStatus wanted = AssessmentStatus.of(status).orElseThrow(() ->
                new AssessmentInputException("status", "assessment.error.status", String.valueOf(status)));
        AssessmentStatus current = status(id);
        if (current == wanted) {
            return get(id);
        }
        boolean allowed = switch (wanted) {
            case IN_REVIEW -> current == AssessmentStatus.DRAFT;
            case PUBLISHED -> current == AssessmentStatus.IN_REVIEW;
            case DRAFT -> true;
        };
        if (!allowed) {
            throw new AssessmentStateException("assessment.error.transition", current.id(), wanted.id());
        }
        String summary = "Status: " + wanted.id();
        if (wanted == AssessmentStatus.DRAFT) {
            String why = blankToNull(reason);
            if (why == null) {
                throw new AssessmentInputException("reason", "assessment.error.reasonRequired");
            }
            summary = "Status: draft. Reason: " + limit("reason", why, CITATION_MAX);
        }
        if (wanted == AssessmentStatus.PUBLISHED) {
            Long actor = Actor.current().accountId();
            Optional<Long> lastEditor = store.lastContentEditor(id);
            if (actor != null && lastEditor.isPresent() && lastEditor.get().equals(actor)) {
                throw new AssessmentStateException("assessment.error.ownWork");
            }
        }
        return save(id, ContentFields.STATUS_ITEM, version, Map.of("status", wanted.id()), editor, summary);
    }

    private AssessmentStatus status(long id) {
        return AssessmentStatus.of(store.fields(id).getOrDefault("status", "draft")).orElse(AssessmentStatus.DRAFT);
    }

    /** Saves the answer to one landscape question. */
    public Assessment saveLandscape(long id, String questionId, int version, String choice, String text,
                                    List<String> agencies, String link, String editor) {
        return save(id, ContentFields.landscapeItem(questionId), version,
                landscapeFields(questionId, choice, text, agencies, link), editor, "Answered " + questionId);
    }

    /** Saves the answer (Y, N, OTHER, or blank for not yet answered) and explanation of one criterion question. */
    public Assessment saveAnswer(long id, String questionId, int version, String answer, String explanation, String editor) {
        return save(id, ContentFields.answerItem(questionId), version, answerFields(questionId, answer, explanation),
                editor, "Answered " + questionId);
    }

    /** Saves the label (protects, limited, contrary, silent, or blank) and explanation of one provision. */
    public Assessment saveProvision(long id, String provisionId, int version, String label, String explanation, String editor) {
        return save(id, ContentFields.provisionItem(provisionId), version, provisionFields(provisionId, label, explanation),
                editor, "Labeled provision " + provisionId);
    }

    /** Adds a piece of evidence; its number is the assessment's next. */
    public Assessment addEvidence(long id, EvidenceInput input, String editor) {
        Map<String, String> checked = evidenceFields(input, null);
        AssessmentStore.Row row = lockRow(id);
        long count = store.fields(id).keySet().stream().filter(f -> f.startsWith("evidence/") && f.endsWith("/item")).count();
        if (count >= EVIDENCE_MAX) {
            throw new AssessmentInputException("evidence", "assessment.error.tooMany", label("evidence"), count + 1, EVIDENCE_MAX);
        }
        requireDraft(id);
        if (input.file() != null) {
            checked.put("file", String.valueOf(storeFile(id, input.file())));
        }
        int number = store.nextEvidenceNumber(id);
        Map<String, String> fields = prefixed(ContentFields.evidenceItem(number), checked);
        write(id, row.organizationId(), row.revision(), fields, store.fields(id), editor(editor), "Added evidence " + number);
        return get(id);
    }

    /** Changes a piece of evidence; without a new file, the current file stays. */
    public Assessment updateEvidence(long id, int number, int version, EvidenceInput input, String editor) {
        String item = ContentFields.evidenceItem(number);
        Map<String, String> current = requireEvidence(id, number);
        Map<String, String> checked = evidenceFields(input, current.get(item + "/file"));
        if (input.file() != null) {
            checked.put("file", String.valueOf(storeFile(id, input.file())));
        }
        return save(id, item, version, prefixed(item, checked), editor, "Changed evidence " + number);
    }

    /** Removes a piece of evidence (its history stays). */
    public Assessment removeEvidence(long id, int number, int version, String editor) {
        String item = ContentFields.evidenceItem(number);
        Map<String, String> fields = new LinkedHashMap<>();
        requireEvidence(id, number).keySet().forEach(field -> fields.put(field, null));
        return save(id, item, version, fields, editor, "Removed evidence " + number);
    }

    /** Exports the current content as a document (docs/assessment-format.md). */
    @Transactional(readOnly = true)
    public AssessmentDocument export(long id) {
        Assessment assessment = get(id);
        return AssessmentDocuments.toDocument(assessment, framework, fileId -> store.file(id, fileId, true)
                .map(f -> new EvidenceFile(f.id(), f.name(), f.contentType(), f.size(), f.sha256(), f.content()))
                .orElseThrow());
    }

    /**
     * Imports a document as a new assessment. The whole document is checked first; nothing is stored when any part
     * of it is wrong. {@code source} (or null) marks where it came from, once: importing the same source twice is refused.
     */
    public Assessment importDocument(AssessmentDocument document, long organizationId, String editor, String source) {
        AssessmentDocuments.Imported imported = AssessmentDocuments.fromDocument(document, framework);
        if (jurisdictions.find(document.jurisdiction()).isEmpty()) {
            throw new AssessmentInputException("jurisdiction", "assessment.error.jurisdiction", String.valueOf(document.jurisdiction()));
        }
        if (source != null && store.sourceExists(source)) {
            throw new AssessmentInputException("source", "assessment.error.alreadyImported", source);
        }
        // check every part through the same rules as single saves, on a scratch copy of the fields
        Map<String, String> fields = new LinkedHashMap<>(headerFields(document.title(), document.author(), document.asOf()));
        fields.put("status", AssessmentStatus.of(document.status()).orElseThrow(() ->
                new AssessmentInputException("status", "assessment.error.status", String.valueOf(document.status()))).id());
        fields.put("example", limit("example", blankToNull(document.example()), TEXT_MAX));
        Instant now = clock.instant();
        long id = store.insert(document.jurisdiction(), organizationId, framework.about().id(), framework.about().version(), source, now);
        imported.landscape().forEach((question, answer) ->
                fields.putAll(landscapeFields(question, answer.choice(), answer.text(), answer.agencies(), answer.link())));
        imported.answers().forEach((question, answer) -> fields.putAll(answerFields(question, answer.answer(), answer.explanation())));
        imported.provisions().forEach((provision, check) -> fields.putAll(provisionFields(provision, check.label(), check.explanation())));
        if (imported.evidence().size() > EVIDENCE_MAX) {
            throw new AssessmentInputException("evidence", "assessment.error.tooMany", label("evidence"), imported.evidence().size(), EVIDENCE_MAX);
        }
        Map<Integer, Long> storedFiles = new LinkedHashMap<>();
        imported.files().forEach((documentId, upload) -> storedFiles.put(documentId, storeFile(id, upload)));
        int highest = 0;
        for (AssessmentDocuments.ImportedEvidence e : imported.evidence()) {
            Map<String, String> checked = evidenceFields(e.input(), null);
            if (e.fileId() != null) {
                checked.put("file", String.valueOf(storedFiles.get(e.fileId())));
            }
            fields.putAll(prefixed(ContentFields.evidenceItem(e.number()), checked));
            highest = Math.max(highest, e.number());
        }
        for (int i = 0; i < highest; i++) {
            store.nextEvidenceNumber(id);
        }
        write(id, organizationId, 0, fields, Map.of(), editor(editor), source == null ? "Imported from a file" : "Imported from " + source);
        return get(id);
    }

    /** True when something was already imported from this source (the shipped examples use it). */
    @Transactional(readOnly = true)
    public boolean imported(String source) {
        return store.sourceExists(source);
    }

    // ---------------------------------------------------------------- the one way to save

    private Assessment save(long id, String item, int version, Map<String, String> newFields, String editor, String summary) {
        AssessmentStore.Row row = lockRow(id);
        Map<String, String> current = store.fields(id);
        if (!item.equals(ContentFields.STATUS_ITEM)) {
            requireDraft(current);
        }
        Map<String, String> itemFields = itemFields(current, item);
        Map<String, String> wanted = new LinkedHashMap<>();
        newFields.forEach((field, value) -> wanted.put(field, blankToNull(value)));
        boolean unchanged = wanted.entrySet().stream().allMatch(e -> Objects.equals(e.getValue(), current.get(e.getKey())));
        if (unchanged) {
            return get(id);
        }
        int currentVersion = store.itemVersion(id, item);
        if (currentVersion != version) {
            Revision last = store.revisionHeader(id, currentVersion).orElse(null);
            throw new EditConflictException(item, version, currentVersion, last == null ? ANONYMOUS : last.editor(),
                    last == null ? row.updatedAt() : last.createdAt(), itemFields);
        }
        write(id, row.organizationId(), row.revision(), wanted, current, editor(editor), summary);
        return get(id);
    }

    /** Only a draft changes: in review and published, the content is what is being reviewed or what was published. */
    private void requireDraft(long id) {
        requireDraft(store.fields(id));
    }

    private static void requireDraft(Map<String, String> fields) {
        String status = fields.getOrDefault("status", "draft");
        if (!AssessmentStatus.DRAFT.id().equals(status)) {
            throw new AssessmentStateException("assessment.error.notDraft." + status);
        }
    }

    /**
     * Writes the changed fields as revision {@code revision + 1}, with who made it and from where, and records the
     * change in the audit trail in the same transaction.
     */
    private void write(long id, long organizationId, int revision, Map<String, String> fields, Map<String, String> current,
                       String editor, String summary) {
        List<FieldChange> changes = new ArrayList<>();
        fields.forEach((field, value) -> {
            String newValue = blankToNull(value);
            String oldValue = current.get(field);
            if (!Objects.equals(oldValue, newValue)) {
                changes.add(new FieldChange(field, oldValue, newValue));
            }
        });
        Actor actor = Actor.current();
        store.writeRevision(id, revision + 1, clock.instant(), editor, actor.accountId(), actor.origin(), summary, changes);
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        for (FieldChange change : changes) {
            before.put(change.field(), change.oldValue());
            after.put(change.field(), change.newValue());
        }
        Map<String, String> afterWithSummary = new LinkedHashMap<>();
        afterWithSummary.put("summary", summary);
        afterWithSummary.putAll(after);
        audit.record(organizationId, "assessment", id + "/" + (revision + 1),
                fields.containsKey("status") && fields.size() == 1 ? "status" : revision == 0 ? "create" : "save", before, afterWithSummary);
    }

    // ---------------------------------------------------------------- checks

    private Map<String, String> headerFields(String title, String author, String asOf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", limit("title", required("title", title), NAME_MAX));
        fields.put("author", limit("author", required("author", author), NAME_MAX));
        fields.put("asOf", date("asOf", required("asOf", asOf), true).toString());
        return fields;
    }

    private Map<String, String> landscapeFields(String questionId, String choice, String text, List<String> agencies, String link) {
        Framework.LandscapeQuestion question = framework.landscape().questions().stream()
                .filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new AssessmentInputException("question", "assessment.error.unknownQuestion", String.valueOf(questionId)));
        String cleanChoice = blankToNull(choice);
        if (cleanChoice != null) {
            Framework.AnswerSet set = question.answer().answerSet() == null ? null
                    : framework.answerSet(question.answer().answerSet()).orElseThrow();
            if (set == null || !set.allows(cleanChoice)) {
                throw new AssessmentInputException("choice", "assessment.error.choice", cleanChoice,
                        set == null ? "-" : String.join(", ", set.options().stream().map(Framework.AnswerOption::code).toList()));
            }
        }
        List<String> names = new ArrayList<>();
        for (String agency : agencies == null ? List.<String>of() : agencies) {
            String name = blankToNull(agency);
            if (name != null) {
                limit("agencies", name, NAME_MAX);
                if (name.contains("\n")) {
                    throw new AssessmentInputException("agencies", "assessment.error.agencyLine");
                }
                names.add(name);
            }
        }
        if (names.size() > AGENCIES_MAX) {
            throw new AssessmentInputException("agencies", "assessment.error.tooMany", label("agencies"), names.size(), AGENCIES_MAX);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String prefix = ContentFields.landscapeItem(questionId) + "/";
        fields.put(prefix + "choice", cleanChoice);
        fields.put(prefix + "text", limit("text", blankToNull(text), TEXT_MAX));
        fields.put(prefix + "agencies", names.isEmpty() ? null : String.join("\n", names));
        fields.put(prefix + "link", url("link", link));
        return fields;
    }

    private Map<String, String> answerFields(String questionId, String answer, String explanation) {
        Framework.Criterion criterion = framework.criteria().stream()
                .filter(c -> c.questions().stream().anyMatch(q -> q.id().equals(questionId))).findFirst()
                .orElseThrow(() -> new AssessmentInputException("question", "assessment.error.unknownQuestion", String.valueOf(questionId)));
        String code = blankToNull(answer);
        Framework.AnswerSet set = framework.answerSet(criterion.answerSet()).orElseThrow();
        if (code != null && !set.allows(code)) {
            throw new AssessmentInputException("answer", "assessment.error.answer", code,
                    String.join(", ", set.options().stream().map(Framework.AnswerOption::code).toList()));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String prefix = ContentFields.answerItem(questionId) + "/";
        fields.put(prefix + "value", code);
        fields.put(prefix + "explanation", limit("explanation", blankToNull(explanation), TEXT_MAX));
        return fields;
    }

    private Map<String, String> provisionFields(String provisionId, String label, String explanation) {
        if (framework.provision(provisionId == null ? "" : provisionId).isEmpty()) {
            throw new AssessmentInputException("provision", "assessment.error.unknownProvision", String.valueOf(provisionId));
        }
        String value = blankToNull(label);
        if (value != null && framework.provisionLabels().stream().noneMatch(l -> l.id().equals(value))) {
            throw new AssessmentInputException("label", "assessment.error.label", value,
                    String.join(", ", framework.provisionLabels().stream().map(Framework.ProvisionLabel::id).toList()));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String prefix = ContentFields.provisionItem(provisionId) + "/";
        fields.put(prefix + "label", value);
        fields.put(prefix + "explanation", limit("explanation", blankToNull(explanation), TEXT_MAX));
        return fields;
    }

    /** The evidence fields without their prefix, checked. {@code currentFile} is kept when no file is uploaded. */
    private Map<String, String> evidenceFields(EvidenceInput input, String currentFile) {
        String item = required("evidence.item", input.item());
        if (!supportsEvidence(item)) {
            throw new AssessmentInputException("evidence.item", "assessment.error.evidenceItem", item);
        }
        String kind = required("evidence.sourceKind", input.sourceKind());
        if (SourceKind.of(kind).isEmpty()) {
            throw new AssessmentInputException("evidence.sourceKind", "assessment.error.sourceKind", kind);
        }
        String shows = required("evidence.shows", input.shows());
        if (Framework.EvidenceKind.of(shows).isEmpty()) {
            throw new AssessmentInputException("evidence.shows", "assessment.error.shows", shows);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("item", item);
        fields.put("sourceTitle", limit("evidence.sourceTitle", required("evidence.sourceTitle", input.sourceTitle()), CITATION_MAX));
        fields.put("sourceKind", kind);
        fields.put("citation", limit("evidence.citation", blankToNull(input.citation()), CITATION_MAX));
        fields.put("url", url("evidence.url", input.url()));
        String seenOn = blankToNull(input.seenOn());
        fields.put("seenOn", seenOn == null ? null : date("evidence.seenOn", seenOn, true).toString());
        fields.put("quote", limit("evidence.quote", blankToNull(input.quote()), TEXT_MAX));
        fields.put("shows", shows);
        if (input.file() != null) {
            checkFile(input.file());
        }
        fields.put("file", currentFile);
        if (fields.get("url") == null && fields.get("citation") == null && input.file() == null && currentFile == null) {
            throw new AssessmentInputException("evidence.url", "assessment.error.evidenceSource");
        }
        return fields;
    }

    private boolean supportsEvidence(String item) {
        if (item.startsWith("provision.")) {
            return framework.provision(item.substring("provision.".length())).isPresent();
        }
        return framework.question(item).isPresent()
                || framework.landscape().questions().stream().anyMatch(q -> q.id().equals(item));
    }

    private void checkFile(EvidenceInput.FileUpload file) {
        if (file.content() == null || file.content().length == 0) {
            throw new AssessmentInputException("evidence.file", "assessment.error.fileEmpty", String.valueOf(file.name()));
        }
        if (file.content().length > FILE_MAX_BYTES) {
            throw new AssessmentInputException("evidence.file", "assessment.error.fileTooLarge", file.content().length,
                    FILE_MAX_BYTES / (1024 * 1024));
        }
        String type = file.contentType() == null ? "" : file.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!FILE_TYPES.contains(type)) {
            throw new AssessmentInputException("evidence.file", "assessment.error.fileType", type.isEmpty() ? "?" : type);
        }
        limit("evidence.file", file.name(), 255);
    }

    private long storeFile(long id, EvidenceInput.FileUpload file) {
        checkFile(file);
        String type = file.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        String name = blankToNull(file.name()) == null ? "evidence" : file.name().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return store.insertFile(id, name, type, file.content(), sha256(file.content()), clock.instant());
    }

    private Map<String, String> requireEvidence(long id, int number) {
        requireRow(id);
        Map<String, String> fields = itemFields(store.fields(id), ContentFields.evidenceItem(number));
        if (fields.isEmpty()) {
            throw new AssessmentInputException("evidence", "assessment.error.unknownEvidence", number);
        }
        return fields;
    }

    private static String required(String field, String value) {
        String clean = blankToNull(value);
        if (clean == null) {
            throw new AssessmentInputException(field, "assessment.error.required", label(field));
        }
        return clean;
    }

    private static String limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new AssessmentInputException(field, "assessment.error.tooLong", label(field), value.length(), max);
        }
        return value;
    }

    private static String url(String field, String value) {
        String clean = limit(field, blankToNull(value), URL_MAX);
        if (clean != null && !URL.matcher(clean).matches()) {
            throw new AssessmentInputException(field, "assessment.error.url", label(field));
        }
        return clean;
    }

    private LocalDate date(String field, String value, boolean notInFuture) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new AssessmentInputException(field, "assessment.error.date", label(field), value);
        }
        if (date.getYear() < 1776 || notInFuture && date.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new AssessmentInputException(field, "assessment.error.dateRange", label(field), value);
        }
        return date;
    }

    /** The words for a field in messages: a key in messages.properties, resolved with the message. */
    private static DefaultMessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable(new String[] {"assessment.field." + field}, field);
    }

    private static String editor(String editor) {
        String clean = blankToNull(editor);
        if (clean == null) {
            return ANONYMOUS;
        }
        return clean.length() > NAME_MAX ? clean.substring(0, NAME_MAX) : clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> itemFields(Map<String, String> fields, String item) {
        Map<String, String> result = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            if (ContentFields.itemOf(field).equals(item)) {
                result.put(field, value);
            }
        });
        return result;
    }

    private static Map<String, String> prefixed(String item, Map<String, String> fields) {
        Map<String, String> result = new LinkedHashMap<>();
        fields.forEach((field, value) -> result.put(item + "/" + field, value));
        return result;
    }

    private AssessmentStore.Row requireRow(long id) {
        return store.find(id).orElseThrow(() -> new AssessmentNotFoundException(id));
    }

    private AssessmentStore.Row lockRow(long id) {
        return store.lock(id).orElseThrow(() -> new AssessmentNotFoundException(id));
    }

    private Assessment assemble(AssessmentStore.Row row, Map<String, String> fields, Map<String, Integer> versions) {
        return new Assessment(row.id(), row.jurisdictionGeoid(), row.organizationId(), row.frameworkId(), row.frameworkVersion(), row.revision(),
                row.createdAt(), row.updatedAt(), ContentFields.contentOf(fields, framework), versions);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.sanctuaryscorecard.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.AssessmentContent.Evidence;
import org.sanctuaryscorecard.assessment.AssessmentContent.LandscapeAnswer;
import org.sanctuaryscorecard.assessment.AssessmentContent.ProvisionCheck;
import org.sanctuaryscorecard.assessment.AssessmentContent.QuestionAnswer;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.SourceKind;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.Framework.EvidenceKind;

/**
 * The one mapping between an assessment's content and its stored fields ("title", "answer/&lt;question&gt;/value",
 * "evidence/3/quote" ...). The current state and every past revision go through it, so they cannot disagree.
 * An absent field means empty; fields are never stored blank.
 */
public final class ContentFields {

    static final String TITLE = "title";
    static final String AUTHOR = "author";
    static final String AS_OF = "asOf";
    static final String STATUS = "status";
    static final String EXAMPLE = "example";

    /** The item that holds the header fields. */
    public static final String HEADER_ITEM = "header";
    /** The item that holds the status. */
    public static final String STATUS_ITEM = "status";

    private ContentFields() {
    }

    public static String landscapeItem(String questionId) {
        return "landscape/" + questionId;
    }

    public static String answerItem(String questionId) {
        return "answer/" + questionId;
    }

    public static String provisionItem(String provisionId) {
        return "provision/" + provisionId;
    }

    public static String evidenceItem(int number) {
        return "evidence/" + number;
    }

    /** The editable item a field belongs to: "header", "status", or the field's path without its last part. */
    public static String itemOf(String field) {
        if (field.equals(STATUS)) {
            return STATUS_ITEM;
        }
        int slash = field.lastIndexOf('/');
        return slash < 0 ? HEADER_ITEM : field.substring(0, slash);
    }

    /** The fields of the header. */
    public static Map<String, String> header(String title, String author, LocalDate asOf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(TITLE, title);
        fields.put(AUTHOR, author);
        fields.put(AS_OF, asOf.toString());
        return fields;
    }

    public static Map<String, String> landscape(String questionId, LandscapeAnswer answer) {
        String item = landscapeItem(questionId) + "/";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(item + "choice", answer.choice());
        fields.put(item + "text", answer.text());
        fields.put(item + "agencies", answer.agencies().isEmpty() ? null : String.join("\n", answer.agencies()));
        fields.put(item + "link", answer.link());
        return fields;
    }

    public static Map<String, String> answer(String questionId, QuestionAnswer answer) {
        String item = answerItem(questionId) + "/";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(item + "value", answer.answer());
        fields.put(item + "explanation", answer.explanation());
        return fields;
    }

    public static Map<String, String> provision(String provisionId, ProvisionCheck check) {
        String item = provisionItem(provisionId) + "/";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(item + "label", check.label());
        fields.put(item + "explanation", check.explanation());
        return fields;
    }

    public static Map<String, String> evidence(Evidence e) {
        String item = evidenceItem(e.number()) + "/";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(item + "item", e.item());
        fields.put(item + "sourceTitle", e.sourceTitle());
        fields.put(item + "sourceKind", e.sourceKind() == null ? null : e.sourceKind().id());
        fields.put(item + "citation", e.citation());
        fields.put(item + "url", e.url());
        fields.put(item + "seenOn", e.seenOn() == null ? null : e.seenOn().toString());
        fields.put(item + "quote", e.quote());
        fields.put(item + "shows", e.shows() == null ? null : e.shows().id());
        fields.put(item + "file", e.fileId() == null ? null : e.fileId().toString());
        return fields;
    }

    /** Every field of a content, absent values left out. */
    public static Map<String, String> fieldsOf(AssessmentContent content) {
        Map<String, String> fields = new LinkedHashMap<>(header(content.title(), content.author(), content.asOf()));
        fields.put(STATUS, content.status().id());
        fields.put(EXAMPLE, content.example());
        content.landscape().forEach((id, answer) -> fields.putAll(landscape(id, answer)));
        content.answers().forEach((id, answer) -> fields.putAll(answer(id, answer)));
        content.provisions().forEach((id, check) -> fields.putAll(provision(id, check)));
        content.evidence().forEach(e -> fields.putAll(evidence(e)));
        fields.values().removeIf(v -> v == null || v.isBlank());
        return fields;
    }

    /** The content that a set of stored fields describes; maps follow the framework's order. */
    public static AssessmentContent contentOf(Map<String, String> fields, Framework framework) {
        Map<String, LandscapeAnswer> landscape = new LinkedHashMap<>();
        for (Framework.LandscapeQuestion question : framework.landscape().questions()) {
            String item = landscapeItem(question.id()) + "/";
            String agencies = fields.get(item + "agencies");
            LandscapeAnswer answer = new LandscapeAnswer(fields.get(item + "choice"), fields.get(item + "text"),
                    agencies == null ? List.of() : Arrays.asList(agencies.split("\n")), fields.get(item + "link"));
            if (answer.choice() != null || answer.text() != null || !answer.agencies().isEmpty() || answer.link() != null) {
                landscape.put(question.id(), answer);
            }
        }
        Map<String, QuestionAnswer> answers = new LinkedHashMap<>();
        framework.questions().forEach(question -> {
            String item = answerItem(question.id()) + "/";
            QuestionAnswer answer = new QuestionAnswer(fields.get(item + "value"), fields.get(item + "explanation"));
            if (answer.answer() != null || answer.explanation() != null) {
                answers.put(question.id(), answer);
            }
        });
        Map<String, ProvisionCheck> provisions = new LinkedHashMap<>();
        framework.provisions().forEach(provision -> {
            String item = provisionItem(provision.id()) + "/";
            ProvisionCheck check = new ProvisionCheck(fields.get(item + "label"), fields.get(item + "explanation"));
            if (check.label() != null || check.explanation() != null) {
                provisions.put(provision.id(), check);
            }
        });
        Map<Integer, Map<String, String>> evidenceFields = new TreeMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("evidence/")) {
                String[] parts = field.split("/", 3);
                evidenceFields.computeIfAbsent(Integer.valueOf(parts[1]), n -> new LinkedHashMap<>()).put(parts[2], value);
            }
        });
        List<Evidence> evidence = new ArrayList<>();
        evidenceFields.forEach((number, e) -> evidence.add(new Evidence(number, e.get("item"), e.get("sourceTitle"),
                e.get("sourceKind") == null ? null : SourceKind.of(e.get("sourceKind")).orElse(SourceKind.OTHER),
                e.get("citation"), e.get("url"), e.get("seenOn") == null ? null : LocalDate.parse(e.get("seenOn")),
                e.get("quote"), e.get("shows") == null ? null : EvidenceKind.of(e.get("shows")).orElse(null),
                e.get("file") == null ? null : Long.valueOf(e.get("file")))));
        evidence.sort(Comparator.comparingInt(Evidence::number));
        return new AssessmentContent(fields.get(TITLE), fields.get(AUTHOR),
                fields.get(AS_OF) == null ? null : LocalDate.parse(fields.get(AS_OF)),
                AssessmentStatus.of(fields.getOrDefault(STATUS, "draft")).orElse(AssessmentStatus.DRAFT),
                fields.get(EXAMPLE), landscape, answers, provisions, evidence);
    }
}

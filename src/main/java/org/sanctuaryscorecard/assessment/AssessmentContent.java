package org.sanctuaryscorecard.assessment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.framework.Framework.EvidenceKind;

/**
 * Everything an assessment says at one revision: its header, the landscape answers, the answers to the criterion
 * questions, the ideal-policy checklist and the evidence. Immutable; the same type describes the current state and
 * any past revision.
 *
 * @param example    for the examples shipped with the application: the note that says how they were made; else null
 * @param landscape  landscape answers by landscape question id (absent = not answered)
 * @param answers    criterion-question answers by question id (absent = not answered)
 * @param provisions the ideal-policy checklist by provision id (absent = not labeled yet)
 * @param evidence   every piece of evidence, by number
 */
public record AssessmentContent(
        String title,
        String author,
        LocalDate asOf,
        AssessmentStatus status,
        String example,
        Map<String, LandscapeAnswer> landscape,
        Map<String, QuestionAnswer> answers,
        Map<String, ProvisionCheck> provisions,
        List<Evidence> evidence) {

    public AssessmentContent {
        landscape = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(landscape));
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        provisions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provisions));
        evidence = List.copyOf(evidence);
    }

    /** A landscape answer: a choice from the question's answer set, text, agencies and a link, as the question asks. */
    public record LandscapeAnswer(String choice, String text, List<String> agencies, String link) {
        public LandscapeAnswer {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }

    /** The answer to a criterion question: Y, N, OTHER or null (not yet answered), and why. */
    public record QuestionAnswer(String answer, String explanation) {
    }

    /** One provision of the ideal-policy checklist: protects, limited, contrary or silent, and why. */
    public record ProvisionCheck(String label, String explanation) {
    }

    /**
     * A piece of evidence.
     *
     * @param number      unique within the assessment
     * @param item        what it supports: a criterion question id, a landscape question id, or provision.&lt;id&gt;
     * @param shows       whether it shows written policy or actual practice
     * @param fileId      an uploaded file, or null
     */
    public record Evidence(int number, String item, String sourceTitle, SourceKind sourceKind, String citation,
                           String url, LocalDate seenOn, String quote, EvidenceKind shows, Long fileId) {
    }

    /** The answers as the scoring rules read them: question id → Y, N or OTHER, unanswered ones left out. */
    public Map<String, String> answerCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        answers.forEach((question, answer) -> {
            if (answer.answer() != null) {
                codes.put(question, answer.answer());
            }
        });
        return codes;
    }

    /** The checklist as provision id → label. */
    public Map<String, String> provisionLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        provisions.forEach((provision, check) -> {
            if (check.label() != null) {
                labels.put(provision, check.label());
            }
        });
        return labels;
    }

    /** The evidence supporting one item, in number order. */
    public List<Evidence> evidenceFor(String item) {
        return evidence.stream().filter(e -> e.item().equals(item)).toList();
    }

    /** The evidence supporting one item that shows written policy, or actual practice. */
    public List<Evidence> evidenceFor(String item, EvidenceKind shows) {
        return evidence.stream().filter(e -> e.item().equals(item) && e.shows() == shows).toList();
    }

    /** The answer to a criterion question; an empty one (not yet answered) when there is none. */
    public QuestionAnswer answer(String questionId) {
        return answers.getOrDefault(questionId, new QuestionAnswer(null, null));
    }

    /** The answer to a landscape question; an empty one when there is none. */
    public LandscapeAnswer landscapeAnswer(String questionId) {
        return landscape.getOrDefault(questionId, new LandscapeAnswer(null, null, List.of(), null));
    }

    /** A provision of the checklist; an empty one (not yet labeled) when there is none. */
    public ProvisionCheck provisionCheck(String provisionId) {
        return provisions.getOrDefault(provisionId, new ProvisionCheck(null, null));
    }
}

package org.sanctuaryscorecard.analysis.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.Label;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.framework.Framework;

/**
 * What an analysis suggests for one assessment, for a person to confirm: for every provision labeled other than
 * silent, (a) the label with an explanation that says it was inferred and quotes the text, and (b) the quote as
 * evidence; and where the document is binding, (c) answers to the criteria's policy questions (protects → Y,
 * contrary → N, limited → the answer set's Other). A suggestion is pre-checked only where the assessment has no value
 * yet; where it has one, the page shows it and leaves the box clear.
 *
 * <p>A criterion that covers several provisions (contracts: detention contracts and 287(g)) gets answers only when
 * the document labels every one of them: the same label gives its answer, different labels give Other. Its questions
 * name the practices separately, so an answer from one provision alone could be wrong for the other. A follow-up
 * question is suggested only when the answer it follows (suggested, or already given) does not rule it out.
 */
final class Suggestions {

    /** What a suggestion changes. */
    enum Kind {
        LABEL, EVIDENCE, ANSWER;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One suggestion.
     *
     * @param key         its checkbox value: "label:detainer-hold", "evidence:detainer-hold", "answer:question.x"
     * @param item        the assessment item whose version guards the save ("provision/detainer-hold",
     *                    "answer/question.x"), or null for new evidence
     * @param target      the provision id or question id
     * @param proposed    the label id or answer code to save (the quote, for evidence)
     * @param current     what the assessment has now (label id, answer code, or the number of the same evidence), or null
     * @param currentNote the current explanation, or null
     * @param explanation what would be saved as explanation (labels and answers)
     * @param version     the item's version now (0 for evidence)
     * @param checked     checked by default: only where the assessment has nothing yet
     */
    record Suggestion(Kind kind, String key, String item, String target, String proposed, String current,
                      String currentNote, String explanation, int version, boolean checked) {

        /** True when the assessment already has exactly this. */
        public boolean same() {
            return kind == Kind.EVIDENCE ? current != null : Objects.equals(current, proposed);
        }

        /** True when the assessment has something else. */
        public boolean different() {
            return kind != Kind.EVIDENCE && current != null && !current.equals(proposed);
        }
    }

    /** A provision the document addresses, with its label and evidence suggestions. */
    record ProvisionSuggestions(Framework.Provision provision, Label label, String labelName, Analysis.Passage evidence,
                                String citation, String rule, Suggestion labelSuggestion, Suggestion evidenceSuggestion) {
    }

    /** A question and the answer suggested for it. */
    record AnswerSuggestion(Framework.CriterionQuestion question, String number, String answerName, String currentName,
                            Suggestion suggestion) {
    }

    private final List<ProvisionSuggestions> provisions;
    private final List<AnswerSuggestion> answers;

    private Suggestions(List<ProvisionSuggestions> provisions, List<AnswerSuggestion> answers) {
        this.provisions = provisions;
        this.answers = answers;
    }

    public List<ProvisionSuggestions> provisions() {
        return provisions;
    }

    public List<AnswerSuggestion> answers() {
        return answers;
    }

    /** Every suggestion by key, in page order. */
    Map<String, Suggestion> byKey() {
        Map<String, Suggestion> all = new LinkedHashMap<>();
        provisions.forEach(p -> {
            all.put(p.labelSuggestion().key(), p.labelSuggestion());
            all.put(p.evidenceSuggestion().key(), p.evidenceSuggestion());
        });
        answers.forEach(a -> all.put(a.suggestion().key(), a.suggestion()));
        return all;
    }

    static Suggestions of(AnalyzedDocument document, Assessment assessment, Framework framework, ReadingWords words) {
        Analysis analysis = document.analysis();
        AssessmentContent content = assessment.content();
        String name = analysis.document();
        List<ProvisionSuggestions> provisions = new ArrayList<>();
        for (Framework.Provision provision : framework.provisions()) {
            Analysis.ProvisionResult result = analysis.provisions().get(provision.id());
            if (result == null || result.label() == Label.SILENT || result.evidence() == null) {
                continue;
            }
            Analysis.Passage evidence = result.evidence();
            String citation = citation(evidence, words);
            String rule = words.rule(evidence);
            String item = provisionItem(provision.id());
            AssessmentContent.ProvisionCheck check = content.provisionCheck(provision.id());
            String explanation = words.message("analysis.suggest.labelExplanation", name, citation,
                    shorten(evidence.quote()), rule);
            Suggestion label = new Suggestion(Kind.LABEL, "label:" + provision.id(), item, provision.id(),
                    result.label().id(), check.label(), check.explanation(), explanation, assessment.version(item),
                    check.label() == null);
            String sameEvidence = content.evidenceFor("provision." + provision.id()).stream()
                    .filter(e -> evidence.quote().equals(e.quote())).findFirst()
                    .map(e -> String.valueOf(e.number())).orElse(null);
            Suggestion evidenceSuggestion = new Suggestion(Kind.EVIDENCE, "evidence:" + provision.id(), null,
                    provision.id(), evidence.quote(), sameEvidence, null, null, 0, sameEvidence == null);
            provisions.add(new ProvisionSuggestions(provision, result.label(), words.label(result.label()), evidence,
                    citation, rule, label, evidenceSuggestion));
        }
        List<AnswerSuggestion> answers = analysis.binding() ? answers(analysis, assessment, framework, words) : List.of();
        return new Suggestions(List.copyOf(provisions), List.copyOf(answers));
    }

    private static List<AnswerSuggestion> answers(Analysis analysis, Assessment assessment, Framework framework,
                                                  ReadingWords words) {
        List<AnswerSuggestion> answers = new ArrayList<>();
        Map<String, String> suggested = new LinkedHashMap<>();
        for (Framework.Criterion criterion : framework.criteria()) {
            Framework.AnswerSet set = framework.answerSet(criterion.answerSet()).orElse(null);
            String code = set == null ? null : answerCode(criterion, analysis, set);
            if (code == null) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            for (String provisionId : criterion.provisions()) {
                Analysis.ProvisionResult result = analysis.provisions().get(provisionId);
                reasons.add(words.message("analysis.suggest.answerReason", words.provision(provisionId),
                        words.label(result.label()), citation(result.evidence(), words), shorten(result.evidence().quote())));
            }
            String explanation = words.message("analysis.suggest.answerExplanation", analysis.document(),
                    String.join("\n", reasons));
            for (Framework.CriterionQuestion question : criterion.questions()) {
                if (question.evidenceKind() != Framework.EvidenceKind.POLICY || !asked(question, suggested, assessment)) {
                    continue;
                }
                suggested.put(question.id(), code);
                String item = answerItem(question.id());
                String current = assessment.content().answer(question.id()).answer();
                Suggestion suggestion = new Suggestion(Kind.ANSWER, "answer:" + question.id(), item, question.id(), code,
                        current, assessment.content().answer(question.id()).explanation(), explanation,
                        assessment.version(item), current == null);
                answers.add(new AnswerSuggestion(question, framework.questionNumber(question.id()),
                        framework.answerLabel(question.id(), code), framework.answerLabel(question.id(), current), suggestion));
            }
        }
        return answers;
    }

    /**
     * The answer the criterion's provisions point to, or null: every provision must be labeled (not silent); one label
     * gives Y (protects), N (contrary) or Other (limited); different labels give Other.
     */
    static String answerCode(Framework.Criterion criterion, Analysis analysis, Framework.AnswerSet set) {
        Label combined = null;
        for (String provisionId : criterion.provisions()) {
            Analysis.ProvisionResult result = analysis.provisions().get(provisionId);
            if (result == null || result.label() == Label.SILENT || result.evidence() == null) {
                return null;
            }
            combined = combined == null || combined == result.label() ? result.label() : Label.LIMITED;
        }
        if (combined == null) {
            return null;
        }
        String code = switch (combined) {
            case PROTECTS -> "Y";
            case CONTRARY -> "N";
            default -> set.options().stream()
                    .filter(o -> o.code().equalsIgnoreCase("other") || o.label().equalsIgnoreCase("other"))
                    .map(Framework.AnswerOption::code).findFirst().orElse(null);
        };
        return code != null && set.allows(code) ? code : null;
    }

    /** A follow-up is left out only when the answer it follows, suggested here or given, is another Yes or No. */
    private static boolean asked(Framework.CriterionQuestion question, Map<String, String> suggested, Assessment assessment) {
        if (question.askedIf() == null) {
            return true;
        }
        String earlier = question.askedIf().question();
        String answer = suggested.getOrDefault(earlier, assessment.content().answer(earlier).answer());
        return answer == null || answer.equalsIgnoreCase("other") || answer.equals(question.askedIf().answer());
    }

    /** Where the quote is: its section, else its page, else its place in the text by characters. */
    static String citation(Analysis.Passage passage, ReadingWords words) {
        if (!passage.section().isBlank()) {
            return passage.page() > 0 ? words.message("analysis.citation.sectionPage", passage.section(), passage.page())
                    : passage.section();
        }
        if (passage.page() > 0) {
            return words.message("analysis.citation.page", passage.page());
        }
        return words.message("analysis.citation.characters", passage.start() + 1, passage.end());
    }

    /** The assessment item of a provision's label (see {@code Assessment#version}). */
    static String provisionItem(String provisionId) {
        return "provision/" + provisionId;
    }

    /** The assessment item of a question's answer. */
    static String answerItem(String questionId) {
        return "answer/" + questionId;
    }

    /** A quote inside an explanation: the evidence keeps it whole, the explanation at most 1,000 characters of it. */
    private static String shorten(String quote) {
        return quote.length() <= 1_000 ? quote : quote.substring(0, 1_000) + "\u2026";
    }
}

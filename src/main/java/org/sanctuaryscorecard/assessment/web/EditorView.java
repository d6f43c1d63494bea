package org.sanctuaryscorecard.assessment.web;

import java.util.List;
import java.util.Locale;

import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.AssessmentContent.Evidence;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.SourceKind;
import org.sanctuaryscorecard.assessment.internal.ContentFields;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.scoring.ScoreSummary;
import org.sanctuaryscorecard.scoring.Scoring;
import org.springframework.ui.Model;

/** What the editing templates need about one assessment, with small lookups so that templates stay simple. */
public final class EditorView {

    private final Assessment assessment;
    private final Framework framework;
    private final ScoreSummary scores;

    EditorView(Assessment assessment, Framework framework) {
        this.assessment = assessment;
        this.framework = framework;
        this.scores = Scoring.summarize(framework, assessment.content().answerCodes(), assessment.content().provisionLabels());
    }

    static void fill(Model model, Assessment assessment, Framework framework, JurisdictionCatalog catalog) {
        Jurisdiction jurisdiction = catalog.find(assessment.jurisdictionGeoid()).orElseThrow();
        EditorView view = new EditorView(assessment, framework);
        model.addAttribute("a", assessment);
        model.addAttribute("content", assessment.content());
        model.addAttribute("framework", framework);
        model.addAttribute("jurisdiction", jurisdiction);
        model.addAttribute("state", catalog.stateOf(jurisdiction));
        model.addAttribute("view", view);
        model.addAttribute("scores", view.scores);
        model.addAttribute("sourceKinds", SourceKind.values());
        model.addAttribute("statuses", AssessmentStatus.values());
    }

    /** An HTML id for an item: "answer/question.detainers.formal-policy" becomes "answer-question-detainers-formal-policy". */
    public static String domId(String item) {
        return item.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public String id(String item) {
        return domId(item);
    }

    /** Today's date, the default "seen on" of new evidence. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    }

    /** Lines of text for a textarea, one per element. */
    public String lines(List<String> values) {
        return String.join("\n", values);
    }

    /** A time as pages show it: "2026-11-27 10:42 UTC". */
    public String when(java.time.Instant instant) {
        return AssessmentErrors.WHEN.format(instant);
    }

    public int version(String item) {
        return assessment.version(item);
    }

    public String answerItem(String questionId) {
        return ContentFields.answerItem(questionId);
    }

    public String landscapeItem(String questionId) {
        return ContentFields.landscapeItem(questionId);
    }

    public String provisionItem(String provisionId) {
        return ContentFields.provisionItem(provisionId);
    }

    public AssessmentContent.QuestionAnswer answer(String questionId) {
        return assessment.content().answer(questionId);
    }

    public AssessmentContent.LandscapeAnswer landscape(String questionId) {
        return assessment.content().landscapeAnswer(questionId);
    }

    public AssessmentContent.ProvisionCheck provision(String provisionId) {
        return assessment.content().provisionCheck(provisionId);
    }

    public List<Evidence> evidence(String item, String shows) {
        return assessment.content().evidenceFor(item, Framework.EvidenceKind.of(shows).orElseThrow());
    }

    public String number(String questionId) {
        return framework.questionNumber(questionId);
    }

    public Framework.AnswerSet answerSet(Framework.Criterion criterion) {
        return framework.answerSet(criterion.answerSet()).orElseThrow();
    }

    public Framework.AnswerSet landscapeAnswerSet(Framework.LandscapeQuestion question) {
        return question.answer().answerSet() == null ? null : framework.answerSet(question.answer().answerSet()).orElseThrow();
    }

    /** The words of the answer a follow-up question depends on ("No"). */
    public String askedIfAnswer(Framework.CriterionQuestion question) {
        return question.askedIf() == null ? null : framework.answerLabel(question.askedIf().question(), question.askedIf().answer());
    }

    public boolean asked(String questionId) {
        return scores.criteria().stream().noneMatch(r -> r.notAsked().contains(questionId));
    }

    public org.sanctuaryscorecard.scoring.CriterionResult result(String criterionId) {
        return scores.criterion(criterionId);
    }

    /** What an item of evidence supports, in words ("1.2" or a landscape or provision name). */
    public String itemLabel(String item) {
        if (item.startsWith("provision.")) {
            return framework.provision(item.substring("provision.".length())).map(Framework.Provision::name).orElse(item);
        }
        if (item.startsWith("landscape.")) {
            return framework.landscapeQuestion(item).map(Framework.LandscapeQuestion::text).orElse(item);
        }
        return number(item);
    }
}

package org.sanctuaryscorecard.report.web;

import java.util.ArrayList;
import java.util.List;

import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.AssessmentContent.Evidence;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.scoring.CriterionResult;
import org.sanctuaryscorecard.scoring.CriterionStatus;
import org.sanctuaryscorecard.scoring.ScoreSummary;

/** What the scorecard and worksheet templates read: the content, its computed statuses, and small lookups. */
public final class ScorecardView {

    private final AssessmentContent content;
    private final Framework framework;
    private final ScoreSummary scores;

    ScorecardView(AssessmentContent content, Framework framework, ScoreSummary scores) {
        this.content = content;
        this.framework = framework;
        this.scores = scores;
    }

    /** One criterion that is not met, with what the ideal policy asks and where to look. */
    public record Gap(Framework.Criterion criterion, CriterionResult result, List<Framework.BestPractice> practices) {
    }

    public AssessmentContent.QuestionAnswer answer(String questionId) {
        return content.answer(questionId);
    }

    /** "Yes", "No", "Other", or null when not answered. */
    public String answerLabel(String questionId) {
        return framework.answerLabel(questionId, content.answer(questionId).answer());
    }

    public boolean answered(String questionId, String code) {
        return code.equals(content.answer(questionId).answer());
    }

    public boolean asked(String questionId) {
        return scores.criteria().stream().noneMatch(r -> r.notAsked().contains(questionId));
    }

    public List<Evidence> evidence(String item, String shows) {
        return content.evidenceFor(item, Framework.EvidenceKind.of(shows).orElseThrow());
    }

    public boolean hasEvidence(String item) {
        return !content.evidenceFor(item).isEmpty();
    }

    /** The words of a landscape answer's choice ("County sheriff's department"), or null. */
    public String landscapeChoice(Framework.LandscapeQuestion question) {
        String code = content.landscapeAnswer(question.id()).choice();
        if (code == null || question.answer().answerSet() == null) {
            return code;
        }
        return framework.answerSet(question.answer().answerSet()).orElseThrow().options().stream()
                .filter(o -> o.code().equals(code)).map(Framework.AnswerOption::label).findFirst().orElse(code);
    }

    /** The name of a provision label ("Protects"). */
    public String labelName(String label) {
        return framework.provisionLabels().stream().filter(l -> l.id().equals(label))
                .map(Framework.ProvisionLabel::name).findFirst().orElse(label);
    }

    public CriterionResult result(String criterionId) {
        return scores.criterion(criterionId);
    }

    public String number(String questionId) {
        return framework.questionNumber(questionId);
    }

    /** Every criterion that is not met, in table order. */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        for (Framework.Criterion criterion : framework.criteria()) {
            CriterionResult result = scores.criterion(criterion.id());
            if (result.status() != CriterionStatus.MET) {
                gaps.add(new Gap(criterion, result, framework.practicesFor(criterion.provisions())));
            }
        }
        return gaps;
    }
}

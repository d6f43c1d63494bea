package org.sanctuaryscorecard.analysis.web;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.analysis.TextExtractor;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The upload-or-paste form, shown fresh or again with the reason something went wrong. */
@Component
class AnalyzeForm {

    static final String VIEW = "analysis/form";

    private final Assessments assessments;
    private final org.sanctuaryscorecard.account.AccessPolicy policy;
    private final AnalysisCache cache;
    private final ErrorReplies replies;

    AnalyzeForm(Assessments assessments, AnalysisCache cache, ErrorReplies replies, org.sanctuaryscorecard.account.AccessPolicy policy) {
        this.assessments = assessments;
        this.policy = policy;
        this.cache = cache;
        this.replies = replies;
    }

    /**
     * The form; {@code assessment} (or null) is the assessment the results are meant for. {@code response} is null
     * where the caller sets the status itself.
     */
    String show(Model model, Long assessment, HttpServletResponse response) {
        // an assessment is named on the form only for its organization's editors: a draft's title is not public
        Assessment chosen = assessment == null ? null : assessments.find(assessment)
                .filter(a -> policy.canEdit(a.organizationId())).orElse(null);
        if (assessment != null && chosen == null) {
            if (response != null) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
            model.addAttribute("assessmentProblem", replies.message("assessment.error.notFound", String.valueOf(assessment)));
        }
        model.addAttribute("assessment", chosen);
        model.addAttribute("maxMegabytes", TextExtractor.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxCharacters", TextExtractor.MAX_CHARS);
        model.addAttribute("keepMinutes", cache.keep().toMinutes());
        return VIEW;
    }

    /**
     * The form with a problem. The pasted text and its name come back to be corrected, unless the text is over the
     * limit (then it is of no use as it is, and sending it back would double a huge page).
     */
    String problem(Model model, Long assessment, HttpServletResponse response, HttpStatus status, String problem,
                   String name, String text) {
        show(model, assessment, response);
        if (response != null) {
            response.setStatus(status.value());
        }
        model.addAttribute("problem", problem);
        model.addAttribute("pastedName", name);
        String pasted = text == null ? null : text.replace("\r\n", "\n");
        model.addAttribute("pastedText", pasted != null && pasted.length() <= TextExtractor.MAX_CHARS ? pasted : null);
        return VIEW;
    }

    /** Results that are no longer kept (they expired, or the address is wrong): the form, to analyze again (404). */
    String gone(Model model, Long assessment, HttpServletResponse response) {
        return problem(model, assessment, response, HttpStatus.NOT_FOUND,
                replies.message("analysis.results.gone", cache.keep().toMinutes()), null, null);
    }
}

package org.sanctuaryscorecard.analysis.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.analysis.UnreadableDocumentException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The analyzer's pages: the form to upload or paste a document, and the results (binding status, the provisions in
 * a side panel, flags, repairs and the text with every passage marked). A good upload is answered with a redirect to
 * its results, so that reloading them does not send the document again; bad input comes back to the form with the
 * reason.
 */
@Controller
class AnalyzePageController {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    private final DocumentAnalysis analysis;
    private final AnalysisCache cache;
    private final AnalyzeForm form;
    private final Assessments assessments;
    private final Framework framework;
    private final ErrorReplies replies;

    AnalyzePageController(DocumentAnalysis analysis, AnalysisCache cache, AnalyzeForm form, Assessments assessments,
                          Framework framework, ErrorReplies replies) {
        this.analysis = analysis;
        this.cache = cache;
        this.form = form;
        this.assessments = assessments;
        this.framework = framework;
        this.replies = replies;
    }

    @GetMapping("/analyze")
    String form(@RequestParam(required = false) Long assessment, Model model, HttpServletResponse response) {
        return form.show(model, assessment, response);
    }

    /** The upload form sends {@code file}, the paste form {@code text} and {@code name}; both may carry {@code assessment}. */
    @PostMapping(value = "/analyze", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String analyze(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
                   @RequestParam(required = false) String name, @RequestParam(required = false) Long assessment,
                   Model model, HttpServletResponse response) throws IOException {
        boolean fileChosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
        if (fileChosen && text != null && !text.isBlank()) {
            return form.problem(model, assessment, response, UNPROCESSABLE, replies.message("analysis.form.both"), name, text);
        }
        if (!fileChosen && text == null) {
            return form.problem(model, assessment, response, UNPROCESSABLE, replies.message("analysis.form.nothing"), name, null);
        }
        try {
            DocumentAnalysis.Result result = fileChosen ? analysis.file(file.getOriginalFilename(), file.getBytes())
                    : analysis.text(name, replies.message("analysis.form.pastedName"), text);
            AnalyzedDocument kept = cache.put(result.text(), result.analysis());
            return "redirect:/analyze/" + kept.id() + (assessment == null ? "" : "?assessment=" + assessment);
        } catch (UnreadableDocumentException e) {
            return form.problem(model, assessment, response, UNPROCESSABLE, replies.message(e.messageKey(), e.arguments()), name, text);
        } catch (AnalyzerBusyException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
            return form.problem(model, assessment, response, HttpStatus.SERVICE_UNAVAILABLE, replies.message("analysis.busy"), name, text);
        }
    }

    @GetMapping("/analyze/{id}")
    String results(@PathVariable String id, @RequestParam(required = false) Long assessment, Model model,
                   HttpServletResponse response) {
        AnalyzedDocument document = cache.find(id).orElse(null);
        if (document == null) {
            return form.gone(model, assessment, response);
        }
        model.addAttribute("page", ResultsPage.of(document, framework, new ReadingWords(framework, replies)));
        model.addAttribute("assessment", assessment == null ? null : assessments.find(assessment).orElse(null));
        model.addAttribute("assessmentNumber", assessment);
        model.addAttribute("keepMinutes", cache.keep().toMinutes());
        return "analysis/results";
    }
}

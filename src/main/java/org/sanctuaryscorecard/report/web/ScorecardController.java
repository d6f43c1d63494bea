package org.sanctuaryscorecard.report.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.report.ScorecardQuestionNotes;
import org.sanctuaryscorecard.report.internal.PageRenderer;
import org.sanctuaryscorecard.report.internal.PdfPages;
import org.sanctuaryscorecard.report.internal.PublishedPages;
import org.sanctuaryscorecard.web.ContentCoding;
import org.sanctuaryscorecard.scoring.ScoreSummary;
import org.sanctuaryscorecard.scoring.Scoring;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The scorecard of an assessment (now or as of a past revision), the chapter's worksheet filled in or empty, and both
 * as PDF, made from the same templates.
 */
@Controller
class ScorecardController {

    private final Assessments assessments;
    private final Framework framework;
    private final JurisdictionCatalog catalog;
    private final PdfPages pdf;
    private final MessageSource messages;
    private final List<ScorecardQuestionNotes> questionNotes;
    private final AccessPolicy policy;
    private final PageRenderer renderer;
    private final PublishedPages published;

    ScorecardController(Assessments assessments, Framework framework, JurisdictionCatalog catalog, PdfPages pdf,
                        MessageSource messages, List<ScorecardQuestionNotes> questionNotes, AccessPolicy policy,
                        PageRenderer renderer, PublishedPages published) {
        this.assessments = assessments;
        this.framework = framework;
        this.catalog = catalog;
        this.pdf = pdf;
        this.messages = messages;
        this.questionNotes = questionNotes;
        this.policy = policy;
        this.renderer = renderer;
        this.published = published;
    }

    /** Another module's notes under each question, as the scorecard template renders them. */
    record QuestionNotes(String template, Object data) {
    }

    /**
     * The scorecard. A published one, for someone not signed in, is the same page for every such reader until the
     * assessment changes: it is made once per revision and kept ({@link PublishedPages}). Anyone signed in gets a page
     * made for them (the header shows who they are), and so does every draft or assessment in review.
     */
    @GetMapping("/assessments/{id}")
    Object scorecard(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!policy.signedIn()) {
            Optional<ResponseEntity<byte[]>> page = publishedPage(id, request, response);
            if (page.isPresent()) {
                return page.get();
            }
        }
        model.addAllAttributes(scorecardModel(assessments.get(id), null, null));
        return "report/scorecard";
    }

    /**
     * The page of a published assessment as everyone not signed in sees it: the kept one when the assessment is still at
     * the revision it was made for and the other modules' notes are the same, else made now and kept. Empty when the
     * assessment is not published (or changed while it was read): the page is then made as usual.
     */
    private Optional<ResponseEntity<byte[]>> publishedPage(long id, HttpServletRequest request, HttpServletResponse response) {
        Assessments.Ownership now = assessments.ownership(id).orElseThrow(() -> new AssessmentNotFoundException(id));
        if (!now.published()) {
            return Optional.empty();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Optional<PublishedPages.Page> kept = published.find(id, now.revision(), locale);
        Assessment assessment = kept.map(PublishedPages.Page::assessment).orElseGet(() -> assessments.get(id));
        if (assessment.revision() != now.revision() || assessment.status() != AssessmentStatus.PUBLISHED) {
            return Optional.empty();
        }
        List<QuestionNotes> notes = notes(assessment, assessment.content(), null);
        PublishedPages.Page page;
        if (kept.isPresent() && kept.get().shows(now.revision(), locale, notes)) {
            page = kept.get();
        } else {
            Map<String, Object> model = scorecardModel(assessment, null, null, notes);
            byte[] html = renderer.render("report/scorecard", model, request, response).getBytes(StandardCharsets.UTF_8);
            page = PublishedPages.Page.of(id, assessment.revision(), locale, assessment, notes, html);
            published.keep(page);
        }
        ResponseEntity.BodyBuilder reply = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (page.gzipped() != null
                && ContentCoding.acceptsGzip(String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))))) {
            // Already compressed, once for every reader: the server does not compress an answer with a Content-Encoding.
            return Optional.of(reply.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(page.gzipped()));
        }
        return Optional.of(reply.body(page.html()));
    }

    @GetMapping("/assessments/{id}/revisions/{revision}")
    String scorecardAt(@PathVariable long id, @PathVariable int revision, Model model) {
        Assessment assessment = assessments.get(id);
        AssessmentContent past = assessments.contentAt(id, revision);
        Map<String, Object> attributes = scorecardModel(assessment, past, revision);
        attributes.put("viewedRevision", revision);
        model.addAllAttributes(attributes);
        return "report/scorecard";
    }

    @GetMapping("/assessments/{id}/worksheet")
    String worksheet(@PathVariable long id, Model model) {
        model.addAllAttributes(scorecardModel(assessments.get(id), null, null));
        return "report/worksheet";
    }

    @GetMapping("/jurisdictions/{geoid}/worksheet")
    String emptyWorksheet(@PathVariable String geoid, Model model) {
        model.addAllAttributes(emptyModel(catalog.require(geoid)));
        return "report/worksheet";
    }

    @GetMapping("/assessments/{id}/scorecard.pdf")
    ResponseEntity<byte[]> scorecardPdf(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        Assessment assessment = assessments.get(id);
        Map<String, Object> model = scorecardModel(assessment, null, null);
        model.put("pdf", true);
        return pdf("report/scorecard", model, assessment.content().title(), "scorecard-" + id + ".pdf", request, response);
    }

    @GetMapping("/assessments/{id}/worksheet.pdf")
    ResponseEntity<byte[]> worksheetPdf(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        Assessment assessment = assessments.get(id);
        Map<String, Object> model = scorecardModel(assessment, null, null);
        model.put("pdf", true);
        return pdf("report/worksheet", model, text("report.worksheet.title", assessment.content().title()),
                "worksheet-" + id + ".pdf", request, response);
    }

    @GetMapping("/jurisdictions/{geoid}/worksheet.pdf")
    ResponseEntity<byte[]> emptyWorksheetPdf(@PathVariable String geoid, HttpServletRequest request, HttpServletResponse response) {
        Jurisdiction jurisdiction = catalog.require(geoid);
        Map<String, Object> model = emptyModel(jurisdiction);
        model.put("pdf", true);
        return pdf("report/worksheet", model, text("report.worksheet.title", jurisdiction.name()),
                "worksheet-" + geoid + ".pdf", request, response);
    }

    private ResponseEntity<byte[]> pdf(String template, Map<String, Object> model, String title, String filename,
                                       HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = pdf.render(template, model, title, request, response);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(bytes);
    }

    /**
     * The model of the scorecard and the filled worksheet; {@code past}, the content at revision {@code revision},
     * replaces the current content when given.
     */
    private Map<String, Object> scorecardModel(Assessment assessment, AssessmentContent past, Integer revision) {
        return scorecardModel(assessment, past, revision, notes(assessment, past == null ? assessment.content() : past, revision));
    }

    /** The other modules' notes under each question, for the content shown. */
    private List<QuestionNotes> notes(Assessment assessment, AssessmentContent content, Integer revision) {
        return questionNotes.stream().map(n -> new QuestionNotes(n.template(), n.notes(assessment, content, revision))).toList();
    }

    private Map<String, Object> scorecardModel(Assessment assessment, AssessmentContent past, Integer revision,
                                               List<QuestionNotes> notes) {
        AssessmentContent content = past == null ? assessment.content() : past;
        Jurisdiction jurisdiction = catalog.find(assessment.jurisdictionGeoid()).orElseThrow();
        ScoreSummary scores = Scoring.summarize(framework, content.answerCodes(), content.provisionLabels());
        Map<String, Object> model = new HashMap<>();
        model.put("a", assessment);
        model.put("content", content);
        model.put("scores", scores);
        model.put("view", new ScorecardView(content, framework, scores));
        model.put("framework", framework);
        model.put("jurisdiction", jurisdiction);
        model.put("state", catalog.stateOf(jurisdiction));
        model.put("tableRows", framework.tableRows());
        model.put("pdf", false);
        model.put("questionNotes", notes);
        return model;
    }

    private Map<String, Object> emptyModel(Jurisdiction jurisdiction) {
        Map<String, Object> model = new HashMap<>();
        model.put("framework", framework);
        model.put("jurisdiction", jurisdiction);
        model.put("state", catalog.stateOf(jurisdiction));
        model.put("tableRows", framework.tableRows());
        model.put("pdf", false);
        return model;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

package org.sanctuaryscorecard.analysis.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.AssessmentStateException;
import org.sanctuaryscorecard.audit.Actor;
import org.springframework.security.access.AccessDeniedException;
import org.sanctuaryscorecard.assessment.AssessmentInputException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EditConflictException;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.sanctuaryscorecard.assessment.SourceKind;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Use as evidence": the suggestions an analysis makes for one assessment, and applying the ones a person checked.
 * Nothing is saved before the apply button. What is saved comes from the analysis kept in memory, never from quotes
 * posted back; the form sends only which suggestions to apply, the source kind, the editor's name and the version of
 * each item as the page showed it, so that a change made by someone else meanwhile is reported, not overwritten.
 */
@Controller
class SuggestionsController {

    static final String VIEW = "analysis/suggestions";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AnalysisCache cache;
    private final AnalyzeForm form;
    private final Assessments assessments;
    private final Framework framework;
    private final ErrorReplies replies;
    private final AccessPolicy policy;

    SuggestionsController(AnalysisCache cache, AnalyzeForm form, Assessments assessments, Framework framework,
                          ErrorReplies replies, AccessPolicy policy) {
        this.cache = cache;
        this.form = form;
        this.assessments = assessments;
        this.framework = framework;
        this.replies = replies;
        this.policy = policy;
    }

    /**
     * Suggestions show an assessment's current answers and change it: only its organization's editors may see them.
     * Someone not signed in is asked to sign in; anyone else is told there is no such assessment.
     */
    private boolean mayEdit(Assessment assessment) {
        if (policy.canEdit(assessment.organizationId())) {
            return true;
        }
        if (!policy.signedIn()) {
            throw new AccessDeniedException("sign in to put findings into an assessment");
        }
        return false;
    }

    /** One outcome of an apply: what it was, and whether it was saved or why not (someone else's change, or bad input). */
    record Outcome(String key, String what, boolean saved, boolean conflict, String problem) {
    }

    @GetMapping("/analyze/{id}/suggestions")
    String suggestions(@PathVariable String id, @RequestParam(required = false) String assessment, Model model,
                       HttpServletResponse response) {
        AnalyzedDocument document = cache.find(id).orElse(null);
        if (document == null) {
            return form.gone(model, null, response);
        }
        model.addAttribute("document", document);
        model.addAttribute("keepMinutes", cache.keep().toMinutes());
        String given = assessment == null ? "" : assessment.strip();
        model.addAttribute("given", given);
        if (!given.matches("\\d{1,18}")) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", replies.message(given.isEmpty() ? "analysis.choose.missing" : "analysis.choose.notNumber", given));
            return VIEW;
        }
        Assessment chosen = assessments.find(Long.parseLong(given)).orElse(null);
        if (chosen == null || !mayEdit(chosen)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", replies.message("assessment.error.notFound", given));
            return VIEW;
        }
        fill(model, document, chosen, null);
        return VIEW;
    }

    @PostMapping(value = "/analyze/{id}/apply", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String apply(@PathVariable String id, @RequestParam long assessment,
                 @RequestParam(name = "apply", required = false) List<String> chosen,
                 @RequestParam(required = false) String sourceKind,
                 @RequestParam Map<String, String> parameters, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        AnalyzedDocument document = cache.find(id).orElse(null);
        if (document == null) {
            return form.gone(model, assessment, response);
        }
        Assessment current = assessments.find(assessment).filter(this::mayEdit)
                .orElseThrow(() -> new AssessmentNotFoundException(assessment));
        String editor = Actor.current().name();
        ReadingWords words = new ReadingWords(framework, replies);
        Map<String, Suggestions.Suggestion> known = Suggestions.of(document, current, framework, words).byKey();
        String kind = sourceKind == null || sourceKind.isBlank() ? SourceKinds.defaultFor(document.analysis()).id() : sourceKind;
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Suggestions.Suggestion> entry : known.entrySet()) {
            if (chosen == null || !chosen.contains(entry.getKey())) {
                continue;
            }
            Suggestions.Suggestion suggestion = entry.getValue();
            int version = version(parameters.get("version:" + suggestion.key()));
            outcomes.add(save(assessment, suggestion, version, kind, editor, document, words));
        }
        long saved = outcomes.stream().filter(Outcome::saved).count();
        if (outcomes.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", replies.message("analysis.apply.nothingChosen"));
        } else if (saved == outcomes.size()) {
            redirect.addFlashAttribute("flash", replies.message("analysis.apply.done", saved, document.analysis().document()));
            return "redirect:/assessments/" + assessment + "/edit";
        } else {
            boolean conflict = outcomes.stream().anyMatch(Outcome::conflict);
            response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("document", document);
        model.addAttribute("keepMinutes", cache.keep().toMinutes());
        model.addAttribute("given", String.valueOf(assessment));
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("savedCount", saved);
        fill(model, document, assessments.get(assessment), kind);
        return VIEW;
    }

    /** Saves one suggestion, on its own: a refusal leaves the others to be saved. */
    private Outcome save(long assessment, Suggestions.Suggestion suggestion, int version, String sourceKind, String editor,
                         AnalyzedDocument document, ReadingWords words) {
        String what = describe(suggestion, words);
        try {
            switch (suggestion.kind()) {
                case LABEL -> assessments.saveProvision(assessment, suggestion.target(), version, suggestion.proposed(),
                        suggestion.explanation(), editor);
                case ANSWER -> assessments.saveAnswer(assessment, suggestion.target(), version, suggestion.proposed(),
                        suggestion.explanation(), editor);
                case EVIDENCE -> {
                    if (suggestion.same()) {
                        // sent again (a double click, the back button): the same quote is not added twice
                        return new Outcome(suggestion.key(), what, true, false, null);
                    }
                    var evidence = document.analysis().provisions().get(suggestion.target()).evidence();
                    assessments.addEvidence(assessment, new EvidenceInput("provision." + suggestion.target(),
                            document.analysis().document(), sourceKind, Suggestions.citation(evidence, words), null,
                            LocalDate.now(ZoneOffset.UTC).toString(), evidence.quote(), Framework.EvidenceKind.POLICY.id(),
                            null), editor);
                }
            }
            return new Outcome(suggestion.key(), what, true, false, null);
        } catch (EditConflictException e) {
            return new Outcome(suggestion.key(), what, false, true, replies.message("analysis.apply.conflict",
                    e.editor(), WHEN.format(e.changedAt())));
        } catch (AssessmentInputException e) {
            return new Outcome(suggestion.key(), what, false, false, replies.message(e.messageKey(), e.arguments()));
        } catch (AssessmentStateException e) {
            return new Outcome(suggestion.key(), what, false, false, replies.message(e.messageKey(), e.arguments()));
        }
    }

    private String describe(Suggestions.Suggestion suggestion, ReadingWords words) {
        return switch (suggestion.kind()) {
            case LABEL -> replies.message("analysis.apply.what.label", words.provision(suggestion.target()),
                    words.label(org.sanctuaryscorecard.analysis.Label.fromId(suggestion.proposed())));
            case EVIDENCE -> replies.message("analysis.apply.what.evidence", words.provision(suggestion.target()));
            case ANSWER -> replies.message("analysis.apply.what.answer", framework.questionNumber(suggestion.target()),
                    framework.answerLabel(suggestion.target(), suggestion.proposed()));
        };
    }

    private void fill(Model model, AnalyzedDocument document, Assessment assessment, String sourceKind) {
        ReadingWords words = new ReadingWords(framework, replies);
        model.addAttribute("assessment", assessment);
        model.addAttribute("suggestions", Suggestions.of(document, assessment, framework, words));
        model.addAttribute("sourceKinds", SourceKind.values());
        model.addAttribute("sourceKind", sourceKind == null ? SourceKinds.defaultFor(document.analysis()).id() : sourceKind);
        model.addAttribute("words", words);
    }

    private static int version(String value) {
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return 0;
        }
        return Integer.parseInt(value.strip());
    }
}

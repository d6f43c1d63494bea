package org.sanctuaryscorecard.reference.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.AssessmentInputException;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.AssessmentStateException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EditConflictException;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.sanctuaryscorecard.assessment.SourceKind;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.reference.ReferenceData;
import org.sanctuaryscorecard.reference.ReferenceFact;
import org.sanctuaryscorecard.reference.ReferenceKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Suggestions from public lists for one assessment, and applying the ones a person checked. Nothing is saved before the
 * apply button; what is saved is computed again from the stored lists, never taken from the form, which sends only
 * which suggestions to apply and the version of each item as the page showed it (a change someone else made meanwhile
 * is reported, not overwritten). Only the assessment's editors see the page.
 */
@Controller
class FactSuggestionsController {

    static final String VIEW = "reference/suggestions";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Assessments assessments;
    private final ReferenceData reference;
    private final JurisdictionCatalog catalog;
    private final Statements statements;
    private final Framework framework;
    private final AccessPolicy policy;

    FactSuggestionsController(Assessments assessments, ReferenceData reference, JurisdictionCatalog catalog,
                              Statements statements, Framework framework, AccessPolicy policy) {
        this.assessments = assessments;
        this.reference = reference;
        this.catalog = catalog;
        this.statements = statements;
        this.framework = framework;
        this.policy = policy;
    }

    /** One outcome of an apply. */
    record Outcome(String what, boolean saved, String problem) {
    }

    @GetMapping("/assessments/{id}/facts")
    String suggestions(@PathVariable long id, Model model) {
        Assessment assessment = editable(id);
        fill(model, assessment);
        return VIEW;
    }

    @PostMapping(value = "/assessments/{id}/facts/apply", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String apply(@PathVariable long id, @RequestParam(name = "apply", required = false) List<String> chosen,
                 @RequestParam Map<String, String> parameters, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Assessment assessment = editable(id);
        String editor = Actor.current().name();
        List<Outcome> outcomes = new ArrayList<>();
        for (FactSuggestions.Suggestion suggestion : suggestions(assessment).all()) {
            if (chosen == null || !chosen.contains(suggestion.key())) {
                continue;
            }
            outcomes.add(save(assessment, suggestion, version(parameters.get("version:" + suggestion.key())), editor));
        }
        long saved = outcomes.stream().filter(Outcome::saved).count();
        if (outcomes.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", statements.text("reference.suggest.nothingChosen"));
        } else if (saved == outcomes.size()) {
            redirect.addFlashAttribute("flash", statements.text("reference.suggest.done", saved));
            return "redirect:/assessments/" + id + "/edit";
        } else {
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        model.addAttribute("outcomes", outcomes);
        fill(model, assessments.get(id));
        return VIEW;
    }

    private Outcome save(Assessment assessment, FactSuggestions.Suggestion suggestion, int version, String editor) {
        String what = describe(suggestion);
        long id = assessment.id();
        try {
            switch (suggestion.kind()) {
                case ANSWER -> {
                    String kind = suggestion.target().equals(FactSuggestions.NO_BED_SPACE) ? "detention" : "287g";
                    assessments.saveAnswer(id, suggestion.target(), version, suggestion.proposed(), statements.text(
                            "reference.suggest.explanation." + kind, editor, String.join("; ", suggestion.statements())), editor);
                }
                case LANDSCAPE -> {
                    AssessmentContent.LandscapeAnswer now = assessment.content().landscapeAnswer(suggestion.target());
                    String text = suggestion.current() == null ? suggestion.proposed() : suggestion.current() + "\n" + suggestion.proposed();
                    assessments.saveLandscape(id, suggestion.target(), version, now == null ? null : now.choice(), text,
                            now == null ? List.of() : now.agencies(), now == null ? null : now.link(), editor);
                }
                case EVIDENCE -> {
                    if (suggestion.same()) {
                        return new Outcome(what, true, null);
                    }
                    ReferenceFact fact = suggestion.facts().get(0);
                    assessments.addEvidence(id, new EvidenceInput(suggestion.target(), statements.listName(fact.list()),
                            SourceKind.DATA.id(), statements.text("reference.suggest.citation", fact.line(), fact.list().fileName()),
                            fact.moaUrl(), LocalDate.now(ZoneOffset.UTC).toString(), suggestion.proposed(),
                            Framework.EvidenceKind.PRACTICE.id(), null), editor);
                }
            }
            return new Outcome(what, true, null);
        } catch (EditConflictException e) {
            return new Outcome(what, false, statements.text("reference.suggest.conflict", e.editor(), WHEN.format(e.changedAt())));
        } catch (AssessmentInputException e) {
            return new Outcome(what, false, statements.text("reference.suggest.failed", statements.text(e.messageKey(), e.arguments())));
        } catch (AssessmentStateException e) {
            return new Outcome(what, false, statements.text("reference.suggest.failed", statements.text(e.messageKey(), e.arguments())));
        }
    }

    private String describe(FactSuggestions.Suggestion suggestion) {
        return switch (suggestion.kind()) {
            case ANSWER -> statements.text("reference.suggest.question", framework.questionNumber(suggestion.target()),
                    framework.answerLabel(suggestion.target(), suggestion.proposed()));
            case LANDSCAPE -> statements.text("reference.suggest.landscape", landscapeText(suggestion.target()));
            case EVIDENCE -> statements.text("reference.suggest.evidence");
        };
    }

    private void fill(Model model, Assessment assessment) {
        Jurisdiction jurisdiction = catalog.require(assessment.jurisdictionGeoid());
        model.addAttribute("assessment", assessment);
        model.addAttribute("jurisdiction", jurisdiction);
        model.addAttribute("suggestions", suggestions(assessment).all());
        model.addAttribute("questionTexts", framework.criteria().stream().flatMap(c -> c.questions().stream())
                .collect(Collectors.toMap(Framework.CriterionQuestion::id, q -> framework.questionNumber(q.id()) + " " + q.text())));
        model.addAttribute("landscapeText", landscapeText(FactSuggestions.RESPONSE_PRACTICE));
        model.addAttribute("answerNo", framework.answerLabel(FactSuggestions.NO_287G, "N"));
    }

    private FactSuggestions suggestions(Assessment assessment) {
        Jurisdiction jurisdiction = catalog.require(assessment.jurisdictionGeoid());
        List<ReferenceFact> facts = reference.factsFor(jurisdiction).own().stream()
                .filter(f -> f.list().kind() == ReferenceKind.ICE_287G || f.list().kind() == ReferenceKind.DETENTION).toList();
        List<String> said = facts.stream().map(statements::of).toList();
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            ReferenceFact fact = facts.get(i);
            String row = fact.original().entrySet().stream().filter(e -> !e.getValue().isBlank())
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
            quotes.add(statements.text("reference.suggest.quote", fact.line(), statements.listName(fact.list()), said.get(i), row));
        }
        return FactSuggestions.of(assessment, facts, said, quotes);
    }

    private String landscapeText(String id) {
        return framework.landscapeQuestion(id).map(Framework.LandscapeQuestion::text).orElse(id);
    }

    /** The assessment, when the person may change it: else sign in, or 404 as if it did not exist. */
    private Assessment editable(long id) {
        Assessment assessment = assessments.find(id).orElseThrow(() -> new AssessmentNotFoundException(id));
        if (!policy.canEdit(assessment.organizationId())) {
            if (!policy.signedIn()) {
                throw new AccessDeniedException("sign in to put facts into an assessment");
            }
            throw new AssessmentNotFoundException(id);
        }
        return assessment;
    }

    private static int version(String value) {
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return 0;
        }
        return Integer.parseInt(value.strip());
    }
}

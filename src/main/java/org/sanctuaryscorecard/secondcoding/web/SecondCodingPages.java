package org.sanctuaryscorecard.secondcoding.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentInputException;
import org.sanctuaryscorecard.assessment.AssessmentStateException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EditConflictException;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.secondcoding.CodingRequest;
import org.sanctuaryscorecard.secondcoding.SecondAnswer;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.sanctuaryscorecard.secondcoding.SecondCodingException;
import org.sanctuaryscorecard.secondcoding.web.CodingForms.AnswerRequest;
import org.sanctuaryscorecard.secondcoding.web.CodingForms.AskRequest;
import org.sanctuaryscorecard.secondcoding.web.CodingForms.DecisionRequest;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second-coding pages and their forms. The page at {@code /assessments/{id}/second-coding} is the blind coding
 * sheet for the named coder and the request, comparison and decisions for reviewers. Forms post to the API's
 * addresses: the coder's answers save by themselves with htmx (the answer is a status fragment); without JavaScript,
 * and for every other form, the page comes back with what happened. The organization's figure is at
 * {@code /organizations/{slug}/second-coding}.
 */
@Controller
class SecondCodingPages {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

    private final SecondCoding secondCoding;
    private final Assessments assessments;
    private final Accounts accounts;
    private final Framework framework;
    private final JurisdictionCatalog catalog;
    private final AccessPolicy policy;
    private final Seats seats;
    private final ErrorReplies replies;

    SecondCodingPages(SecondCoding secondCoding, Assessments assessments, Accounts accounts, Framework framework,
                      JurisdictionCatalog catalog, AccessPolicy policy, Seats seats, ErrorReplies replies) {
        this.secondCoding = secondCoding;
        this.assessments = assessments;
        this.accounts = accounts;
        this.framework = framework;
        this.catalog = catalog;
        this.policy = policy;
        this.seats = seats;
        this.replies = replies;
    }

    // ------------------------------------------------------------------ pages

    @GetMapping("/assessments/{id}/second-coding")
    String page(@PathVariable long id, Model model) {
        Assessment assessment = assessments.get(id);
        // only what identifies the assessment goes into the model, never its content: the blind page cannot show it
        Jurisdiction jurisdiction = catalog.find(assessment.jurisdictionGeoid()).orElseThrow();
        model.addAttribute("assessmentId", id);
        model.addAttribute("title", assessment.content().title());
        model.addAttribute("asOf", assessment.content().asOf());
        model.addAttribute("jurisdiction", jurisdiction);
        model.addAttribute("state", catalog.stateOf(jurisdiction));
        model.addAttribute("framework", framework);
        model.addAttribute("view", view());
        return switch (seats.of(id, assessment.organizationId())) {
            case BLIND_CODER, PAST_CODER -> {
                SecondCoding.CoderSheet sheet = secondCoding.sheet(id);
                model.addAttribute("request", sheet.request());
                model.addAttribute("answers", sheet.answers());
                yield "secondcoding/coder";
            }
            case REVIEWER -> {
                List<CodingRequest> requests = secondCoding.requests(id);
                model.addAttribute("status", assessment.status().id());
                model.addAttribute("requests", requests);
                model.addAttribute("active", requests.stream().filter(r -> r.state().active()).findFirst().orElse(null));
                model.addAttribute("candidates", secondCoding.candidates(id));
                model.addAttribute("comparison", secondCoding.comparison(id, null).orElse(null));
                model.addAttribute("organization", accounts.organization(assessment.organizationId()).orElse(null));
                model.addAttribute("organizationDivergence", secondCoding.organization(assessment.organizationId()).total());
                yield "secondcoding/reviewer";
            }
        };
    }

    /** The second codings asked of the signed-in person, and those under way where they review. */
    @GetMapping("/second-coding")
    String mine(Model model) {
        if (!policy.signedIn()) {
            throw new AccessDeniedException("sign in to see your second codings");
        }
        List<CodingRequest> asked = secondCoding.askedOfMe();
        List<CodingRequest> active = secondCoding.underWayForMe();
        Map<Long, String> titles = new HashMap<>();
        java.util.stream.Stream.concat(asked.stream(), active.stream()).forEach(r -> titles.computeIfAbsent(r.assessmentId(),
                a -> assessments.find(a).map(x -> x.content().title()).orElse("?")));
        List<Organization> reviewing = policy.organizationsWhere(Role.REVIEWER);
        model.addAttribute("asked", asked);
        model.addAttribute("active", active);
        model.addAttribute("titles", titles);
        model.addAttribute("reviewer", !reviewing.isEmpty());
        model.addAttribute("organizations", reviewing);
        model.addAttribute("view", view());
        return "secondcoding/mine";
    }

    @GetMapping("/organizations/{slug}/second-coding")
    String organization(@PathVariable String slug, Model model) {
        Organization organization = OrganizationLookup.find(accounts, policy, slug);
        model.addAttribute("organization", organization);
        model.addAttribute("figures", secondCoding.organization(organization.id()));
        model.addAttribute("view", view());
        return "secondcoding/organization";
    }

    // ------------------------------------------------------------------ forms

    @PostMapping(value = "/api/assessments/{id}/second-coding", consumes = FORM)
    String ask(@PathVariable long id, @ModelAttribute AskRequest form, RedirectAttributes redirect) {
        return step(id, "", redirect, () -> {
            secondCoding.request(id, form.coder());
            return replies.message("secondcoding.asked.flash");
        });
    }

    @PostMapping(value = "/api/assessments/{id}/second-coding/cancel", consumes = FORM)
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return step(id, "", redirect, () -> {
            secondCoding.cancel(id);
            return replies.message("secondcoding.cancelled.flash");
        });
    }

    @RequestMapping(value = "/api/assessments/{id}/second-coding/answers/{question}", method = {RequestMethod.PUT, RequestMethod.POST},
            consumes = FORM)
    String answer(@PathVariable long id, @PathVariable String question, @ModelAttribute AnswerRequest form, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        CodingView view = view();
        if (request.getHeader("HX-Request") == null) {
            return step(id, "#" + view.id(question), redirect, () -> {
                secondCoding.saveAnswer(id, question, form.answer(), form.explanation());
                return replies.message("secondcoding.saved.flash");
            });
        }
        try {
            SecondAnswer saved = secondCoding.saveAnswer(id, question, form.answer(), form.explanation());
            model.addAttribute("savedAt", view.when(saved.answeredAt()));
            return "secondcoding/items :: saved";
        } catch (AssessmentInputException | SecondCodingException e) {
            if (e instanceof SecondCodingException s && s.reason() == SecondCodingException.Reason.FORBIDDEN) {
                throw s;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", problem(e));
            return "secondcoding/items :: problem";
        }
    }

    @PostMapping(value = "/api/assessments/{id}/second-coding/submit", consumes = FORM)
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return step(id, "", redirect, () -> {
            secondCoding.submit(id);
            return replies.message("secondcoding.submitted.flash");
        });
    }

    @PostMapping(value = "/api/assessments/{id}/second-coding/reconciliations/{question}", consumes = FORM)
    String decide(@PathVariable long id, @PathVariable String question, @ModelAttribute DecisionRequest form,
                  RedirectAttributes redirect) {
        return step(id, "#" + view().id("decide-" + question), redirect, () -> {
            secondCoding.reconcile(id, question, form.follow(), form.answer(), form.explanation(),
                    form.version() == null ? 0 : form.version());
            return replies.message("secondcoding.decided.flash", framework.questionNumber(question));
        });
    }

    private CodingView view() {
        return new CodingView(framework, replies.message("assessment.notYetAnswered"));
    }

    /**
     * Takes a step sent by a plain form and comes back to the page with what happened: a confirmation, or the reason
     * it was refused. Someone who may not take the step at all is answered 403 instead.
     */
    private String step(long id, String anchor, RedirectAttributes redirect, Supplier<String> step) {
        try {
            redirect.addFlashAttribute("flash", step.get());
        } catch (SecondCodingException e) {
            if (e.reason() == SecondCodingException.Reason.FORBIDDEN || e.reason() == SecondCodingException.Reason.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", problem(e));
        } catch (AssessmentInputException | AssessmentStateException e) {
            redirect.addFlashAttribute("problem", problem(e));
        } catch (EditConflictException e) {
            redirect.addFlashAttribute("problem", replies.message("secondcoding.error.changedMeanwhile",
                    e.editor(), CodingView.WHEN.format(e.changedAt())));
        }
        return "redirect:/assessments/" + id + "/second-coding" + anchor;
    }

    private String problem(RuntimeException e) {
        if (e instanceof SecondCodingException s) {
            return replies.message(s.messageKey(), s.arguments());
        }
        if (e instanceof AssessmentStateException s) {
            return replies.message(s.messageKey(), s.arguments());
        }
        AssessmentInputException input = (AssessmentInputException) e;
        return replies.message(input.messageKey(), input.arguments());
    }

    /** The organization named in an address, for its members; anyone else is told there is none. */
    static final class OrganizationLookup {

        private OrganizationLookup() {
        }

        static Organization find(Accounts accounts, AccessPolicy policy, String slug) {
            if (!policy.signedIn()) {
                throw new AccessDeniedException("sign in to see an organization's second coding");
            }
            return accounts.organization(slug).filter(o -> policy.roleIn(o.id()).isPresent())
                    .orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "secondcoding.error.noSuchOrganization",
                            String.valueOf(slug)));
        }
    }
}

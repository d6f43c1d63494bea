package org.sanctuaryscorecard.assessment.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.AssessmentStateException;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.springframework.security.access.AccessDeniedException;
import org.sanctuaryscorecard.assessment.AssessmentDocument;
import org.sanctuaryscorecard.assessment.AssessmentInputException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EditConflictException;
import org.sanctuaryscorecard.assessment.EvidenceFile;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.sanctuaryscorecard.assessment.internal.ContentFields;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.AnswerRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.CreateRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.EvidenceRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.HeaderRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.LandscapeRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.ProvisionRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.StatusRequest;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.sanctuaryscorecard.assessment.web.AssessmentRequests.version;

/**
 * The assessment pages and the form side of the API. A save sent by htmx gets back a small fragment for the item's
 * status line (saved, refused with the reason, or the other person's version after a conflict); the same form sent
 * without JavaScript gets a redirect back to the page. Both go through {@link Assessments}.
 */
@Controller
class AssessmentFormController {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String MULTIPART = MediaType.MULTIPART_FORM_DATA_VALUE;

    private final Assessments assessments;
    private final Framework framework;
    private final JurisdictionCatalog catalog;
    private final ErrorReplies replies;
    private final JsonMapper json;
    private final Owners owners;
    private final AccessPolicy policy;

    AssessmentFormController(Assessments assessments, Framework framework, JurisdictionCatalog catalog,
                             ErrorReplies replies, JsonMapper json, Owners owners, AccessPolicy policy) {
        this.assessments = assessments;
        this.framework = framework;
        this.catalog = catalog;
        this.replies = replies;
        this.json = json;
        this.owners = owners;
        this.policy = policy;
    }

    // ------------------------------------------------------------------ pages

    @GetMapping("/jurisdictions/{geoid}/assessments/new")
    String newAssessment(@PathVariable String geoid, Model model) {
        Jurisdiction jurisdiction = catalog.require(geoid);
        if (!policy.signedIn()) {
            throw new AccessDeniedException("sign in to start an assessment");
        }
        model.addAttribute("jurisdiction", jurisdiction);
        model.addAttribute("state", catalog.stateOf(jurisdiction));
        model.addAttribute("organizations", owners.choices());
        model.addAttribute("form", new CreateRequest(jurisdiction.name() + ": assessment",
                owners.choices().size() == 1 ? owners.choices().get(0).name() : Owners.editor(), LocalDate.now().toString(), null,
                owners.choices().size() == 1 ? owners.choices().get(0).slug() : null));
        return "assessment/new";
    }

    @PostMapping(value = "/jurisdictions/{geoid}/assessments", consumes = FORM)
    String create(@PathVariable String geoid, @ModelAttribute CreateRequest form, Model model,
                  HttpServletResponse response) {
        Jurisdiction jurisdiction = catalog.require(geoid);
        long owner = owners.owner(form.organization()).id();
        try {
            Assessment created = assessments.create(geoid, owner, form.title(), form.author(), form.asOf(), Owners.editor());
            return "redirect:/assessments/" + created.id() + "/edit";
        } catch (AssessmentInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("jurisdiction", jurisdiction);
            model.addAttribute("state", catalog.stateOf(jurisdiction));
            model.addAttribute("organizations", owners.choices());
            model.addAttribute("form", form);
            model.addAttribute("problem", replies.message(e.messageKey(), e.arguments()));
            return "assessment/new";
        }
    }

    @GetMapping("/assessments/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Assessment assessment = assessments.get(id);
        if (!policy.canEdit(assessment.organizationId())) {
            // members who only view, and everyone else, read the scorecard
            return "redirect:/assessments/" + id;
        }
        EditorView.fill(model, assessment, framework, catalog);
        model.addAttribute("canReview", policy.canReview(assessment.organizationId()));
        return "assessment/edit";
    }

    /** One item's form as stored now ("load their version" after a conflict). */
    @GetMapping({"/assessments/{id}/items/{kind}/{key}", "/assessments/{id}/items/{kind}"})
    String item(@PathVariable long id, @PathVariable String kind, @PathVariable(required = false) String key, Model model) {
        Assessment assessment = assessments.get(id);
        EditorView.fill(model, assessment, framework, catalog);
        return switch (kind) {
            case "header" -> "assessment/items :: header";
            case "status" -> "assessment/items :: status";
            case "landscape" -> {
                model.addAttribute("lq", framework.landscapeQuestion(String.valueOf(key)).orElseThrow(() -> notFound()));
                yield "assessment/items :: landscapeItem";
            }
            case "answer" -> {
                model.addAttribute("q", framework.question(String.valueOf(key)).orElseThrow(() -> notFound()));
                yield "assessment/items :: answerItem";
            }
            case "provision" -> {
                model.addAttribute("p", framework.provision(String.valueOf(key)).orElseThrow(() -> notFound()));
                yield "assessment/items :: provisionItem";
            }
            default -> throw notFound();
        };
    }

    private static org.sanctuaryscorecard.web.ExplainedException notFound() {
        return new org.sanctuaryscorecard.web.ExplainedException(HttpStatus.NOT_FOUND, "error.404");
    }

    @GetMapping("/assessments/{id}/history")
    String history(@PathVariable long id, Model model) {
        Assessment assessment = assessments.get(id);
        EditorView.fill(model, assessment, framework, catalog);
        List<org.sanctuaryscorecard.assessment.Revision> revisions = new java.util.ArrayList<>(assessments.history(id));
        java.util.Collections.reverse(revisions);
        model.addAttribute("revisions", revisions);
        model.addAttribute("fields", new FieldNames(framework, replies));
        return "assessment/history";
    }

    @GetMapping("/assessments/{id}/compare")
    String compare(@PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
        Assessment assessment = assessments.get(id);
        EditorView.fill(model, assessment, framework, catalog);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("changes", assessments.compare(id, from, to));
        model.addAttribute("fields", new FieldNames(framework, replies));
        return "assessment/compare";
    }

    @GetMapping("/assessments/{id}/export.json")
    ResponseEntity<AssessmentDocument> exportFile(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("assessment-" + id + ".json").build().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(assessments.export(id));
    }

    @GetMapping("/assessments/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        EvidenceFile file = assessments.file(id, fileId).orElseThrow(AssessmentFormController::notFound);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    @GetMapping("/assessments/import")
    String importPage(Model model) {
        if (!policy.signedIn()) {
            throw new AccessDeniedException("sign in to import an assessment");
        }
        model.addAttribute("organizations", owners.choices());
        return "assessment/import";
    }

    @PostMapping(value = "/assessments/import", consumes = MULTIPART)
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
                      @RequestParam(required = false) String organization, Model model,
                      HttpServletResponse response) throws IOException {
        long owner = owners.owner(organization).id();
        String problem;
        if (file == null || file.isEmpty()) {
            problem = replies.message("assessment.import.noFile");
        } else {
            try {
                AssessmentDocument document = json.readValue(file.getBytes(), AssessmentDocument.class);
                Assessment imported = assessments.importDocument(document, owner, Owners.editor(), null);
                return "redirect:/assessments/" + imported.id();
            } catch (JacksonException e) {
                problem = replies.message("assessment.import.notJson", firstLine(e.getOriginalMessage()));
            } catch (AssessmentInputException e) {
                problem = replies.message(e.messageKey(), e.arguments());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", problem);
        model.addAttribute("organizations", owners.choices());
        return "assessment/import";
    }

    // ------------------------------------------------------------------ saves sent as forms

    @RequestMapping(value = "/api/assessments/{id}/header", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = FORM)
    String header(@PathVariable long id, @ModelAttribute HeaderRequest r, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return saved(id, ContentFields.HEADER_ITEM, "header", model, request, response, redirect, () -> assessments
                .saveHeader(id, version(r.version()), r.title(), r.author(), r.asOf(), editor(r.editor(), request)));
    }

    @RequestMapping(value = "/api/assessments/{id}/status", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = FORM)
    String status(@PathVariable long id, @ModelAttribute StatusRequest r, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (AssessmentStatus.of(r.status()).filter(s -> s != AssessmentStatus.IN_REVIEW).isPresent()) {
            owners.requireReviewer(assessments.ownership(id).orElseThrow(() -> new AssessmentNotFoundException(id)).organizationId());
        }
        return saved(id, ContentFields.STATUS_ITEM, "status", model, request, response, redirect,
                () -> assessments.setStatus(id, version(r.version()), r.status(), r.reason(), editor(r.editor(), request)));
    }

    @RequestMapping(value = "/api/assessments/{id}/landscape/{question}", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = FORM)
    String landscape(@PathVariable long id, @PathVariable String question, @ModelAttribute LandscapeRequest r, Model model,
                     HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> agencies = r.agencies() == null ? List.of()
                : r.agencies().stream().flatMap(a -> Arrays.stream(a.split("\\R"))).toList();
        return saved(id, ContentFields.landscapeItem(question), "landscape/" + question, model, request, response, redirect,
                () -> assessments.saveLandscape(id, question, version(r.version()), r.choice(), r.text(), agencies, r.link(),
                        editor(r.editor(), request)));
    }

    @RequestMapping(value = "/api/assessments/{id}/answers/{question}", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = FORM)
    String answer(@PathVariable long id, @PathVariable String question, @ModelAttribute AnswerRequest r, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return saved(id, ContentFields.answerItem(question), "answer/" + question, model, request, response, redirect,
                () -> assessments.saveAnswer(id, question, version(r.version()), r.answer(), r.explanation(),
                        editor(r.editor(), request)));
    }

    @RequestMapping(value = "/api/assessments/{id}/provisions/{provision}", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = FORM)
    String provision(@PathVariable long id, @PathVariable String provision, @ModelAttribute ProvisionRequest r, Model model,
                     HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return saved(id, ContentFields.provisionItem(provision), "provision/" + provision, model, request, response, redirect,
                () -> assessments.saveProvision(id, provision, version(r.version()), r.label(), r.explanation(),
                        editor(r.editor(), request)));
    }

    @RequestMapping(value = "/api/assessments/{id}/evidence", method = RequestMethod.POST, consumes = {FORM, MULTIPART})
    String addEvidence(@PathVariable long id, @ModelAttribute EvidenceRequest r,
                       @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                       HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        EvidenceInput input = withFile(r, file);
        return evidenceSaved(id, r.item(), model, request, response, redirect,
                () -> assessments.addEvidence(id, input, editor(r.editor(), request)));
    }

    @RequestMapping(value = "/api/assessments/{id}/evidence/{number}", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = {FORM, MULTIPART})
    String updateEvidence(@PathVariable long id, @PathVariable int number, @ModelAttribute EvidenceRequest r,
                          @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                          HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        EvidenceInput input = withFile(r, file);
        return evidenceSaved(id, r.item(), model, request, response, redirect,
                () -> assessments.updateEvidence(id, number, version(r.version()), input, editor(r.editor(), request)));
    }

    @RequestMapping(value = "/api/assessments/{id}/evidence/{number}", method = RequestMethod.DELETE, headers = "HX-Request")
    String removeEvidenceHtmx(@PathVariable long id, @PathVariable int number, @RequestParam(defaultValue = "0") int version,
                              @RequestParam(required = false) String item, @RequestParam(required = false) String editor,
                              Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return evidenceSaved(id, item, model, request, response, redirect,
                () -> assessments.removeEvidence(id, number, version, editor(editor, request)));
    }

    /** The form fallback for removing evidence without JavaScript (HTML forms cannot send DELETE). */
    @PostMapping(value = "/api/assessments/{id}/evidence/{number}/remove", consumes = FORM)
    String removeEvidence(@PathVariable long id, @PathVariable int number, @RequestParam(defaultValue = "0") int version,
                          @RequestParam(required = false) String item, @RequestParam(required = false) String editor,
                          Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return evidenceSaved(id, item, model, request, response, redirect,
                () -> assessments.removeEvidence(id, number, version, editor(editor, request)));
    }

    // ------------------------------------------------------------------ the shared save logic

    /**
     * Runs a save. htmx: the status fragment (saved / problem / conflict) with the item's new version; a plain form:
     * a redirect to the item on the edit page, with the outcome as a flash message.
     */
    private String saved(long id, String item, String itemPath, Model model, HttpServletRequest request,
                         HttpServletResponse response, RedirectAttributes redirect, Supplier<Assessment> save) {
        boolean htmx = request.getHeader("HX-Request") != null;
        try {
            Assessment assessment = save.get();
            if (!htmx) {
                redirect.addFlashAttribute("flash", replies.message("assessment.saved.flash"));
                return "redirect:/assessments/" + id + "/edit#" + EditorView.domId(item);
            }
            EditorView.fill(model, assessment, framework, catalog);
            model.addAttribute("item", item);
            model.addAttribute("itemPath", itemPath);
            model.addAttribute("version", assessment.version(item));
            model.addAttribute("revision", assessment.revision());
            model.addAttribute("savedAt", AssessmentErrors.WHEN.format(assessment.updatedAt()));
            model.addAttribute("assessmentId", id);
            return "assessment/items :: saved";
        } catch (AssessmentInputException e) {
            if (!htmx) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", replies.message(e.messageKey(), e.arguments()));
            return "assessment/items :: problem";
        } catch (AssessmentStateException e) {
            if (!htmx) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", replies.message(e.messageKey(), e.arguments()));
            return "assessment/items :: problem";
        } catch (EditConflictException e) {
            if (!htmx) {
                throw e;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            EditorView.fill(model, assessments.get(id), framework, catalog);
            model.addAttribute("conflict", e);
            model.addAttribute("conflictMessage", AssessmentErrors.conflictMessage(replies, e));
            String kind = itemPath.contains("/") ? itemPath.substring(0, itemPath.indexOf('/')) : itemPath;
            String key = itemPath.contains("/") ? itemPath.substring(itemPath.indexOf('/') + 1) : null;
            String apiPart = switch (kind) {
                case "answer" -> "answers/" + key;
                case "provision" -> "provisions/" + key;
                case "landscape" -> "landscape/" + key;
                default -> kind;
            };
            model.addAttribute("loadUrl", request.getContextPath() + "/assessments/" + id + "/items/" + itemPath);
            model.addAttribute("saveUrl", request.getContextPath() + "/api/assessments/" + id + "/" + apiPart);
            model.addAttribute("fields", new FieldNames(framework, replies));
            return "assessment/items :: conflict";
        }
    }

    /** Like {@link #saved}, but htmx gets the item's whole evidence list back (numbers and versions change). */
    private String evidenceSaved(long id, String item, Model model, HttpServletRequest request, HttpServletResponse response,
                                 RedirectAttributes redirect, Supplier<Assessment> save) {
        boolean htmx = request.getHeader("HX-Request") != null;
        try {
            Assessment assessment = save.get();
            if (!htmx) {
                redirect.addFlashAttribute("flash", replies.message("assessment.saved.flash"));
                return "redirect:/assessments/" + id + "/edit" + (item == null ? "" : "#" + EditorView.domId("evidence/" + item));
            }
            EditorView.fill(model, assessment, framework, catalog);
            model.addAttribute("savedMessage", replies.message("assessment.evidence.saved", AssessmentErrors.WHEN.format(assessment.updatedAt())));
            model.addAttribute("evidenceItem", item);
            return "assessment/items :: evidenceList";
        } catch (AssessmentInputException | AssessmentStateException e) {
            if (!htmx) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            response.setHeader("HX-Retarget", "#" + EditorView.domId("evidence-problem/" + item));
            response.setHeader("HX-Reswap", "innerHTML");
            model.addAttribute("problem", e instanceof AssessmentStateException state ? replies.message(state.messageKey(), state.arguments())
                    : replies.message(((AssessmentInputException) e).messageKey(), ((AssessmentInputException) e).arguments()));
            return "assessment/items :: problem";
        } catch (EditConflictException e) {
            if (!htmx) {
                throw e;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            response.setHeader("HX-Retarget", "#" + EditorView.domId("evidence-problem/" + item));
            response.setHeader("HX-Reswap", "innerHTML");
            model.addAttribute("problem", AssessmentErrors.conflictMessage(replies, e));
            return "assessment/items :: problem";
        }
    }

    private static EvidenceInput withFile(EvidenceRequest r, MultipartFile file) throws IOException {
        EvidenceInput.FileUpload upload = file == null || file.isEmpty() ? null
                : new EvidenceInput.FileUpload(file.getOriginalFilename(),
                file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT), file.getBytes());
        return new EvidenceInput(r.item(), r.sourceTitle(), r.sourceKind(), r.citation(), r.url(), r.seenOn(), r.quote(),
                r.shows(), upload);
    }

    /** The name the history shows: the signed-in person's (what a form sends as "editor" is not trusted). */
    private static String editor(String given, HttpServletRequest request) {
        return Owners.editor();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}

package org.sanctuaryscorecard.correction.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.correction.CorrectionConflictException;
import org.sanctuaryscorecard.correction.CorrectionFile;
import org.sanctuaryscorecard.correction.CorrectionInputException;
import org.sanctuaryscorecard.correction.CorrectionNotFoundException;
import org.sanctuaryscorecard.correction.CorrectionRequest;
import org.sanctuaryscorecard.correction.CorrectionStatus;
import org.sanctuaryscorecard.correction.Corrections;
import org.sanctuaryscorecard.correction.ReviewPage;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviewers' side: the list of requests about their organizations' scorecards, each request with its evidence,
 * file and sender, marking it answered or dismissed with a note, and the count of new ones for the editor page.
 * They live under {@code /account/corrections}, which the security rules keep for people who are signed in: someone
 * not signed in is sent to sign in (whatever the address, so nothing is revealed), and each handler checks it again. A
 * signed-in person who is not a reviewer of the request's organization gets 404, as if it did not exist. (The public
 * side, {@code /corrections/assessments/...} and {@code /api/corrections/...}, is in the other controllers.)
 */
@Controller
class CorrectionReviewController {

    private final Corrections corrections;
    private final AccessPolicy policy;
    private final Scorecards scorecards;
    private final CorrectionPage page;

    CorrectionReviewController(Corrections corrections, AccessPolicy policy, Scorecards scorecards, CorrectionPage page) {
        this.corrections = corrections;
        this.policy = policy;
        this.scorecards = scorecards;
        this.page = page;
    }

    /** One request as the pages show it. */
    record RequestView(CorrectionRequest request, String part, Scorecards.Scorecard scorecard, String organization,
                       String received, String handled) {
    }

    @GetMapping("/account/corrections")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Long assessment,
                @RequestParam(defaultValue = "1") int page, Model model) {
        List<Organization> organizations = reviewer();
        CorrectionStatus wanted = "all".equals(status) ? null : CorrectionStatus.of(status == null ? "new" : status)
                .orElseThrow(() -> new ExplainedException(HttpStatus.BAD_REQUEST, "correction.list.badStatus", String.valueOf(status)));
        if (assessment != null && corrections.countNew(assessment).isEmpty()) {
            throw new CorrectionNotFoundException(0); // not a scorecard of the reviewer's organizations
        }
        ReviewPage found = corrections.list(wanted, assessment, page);
        Map<Long, Scorecards.Scorecard> seen = new HashMap<>();
        List<RequestView> rows = new ArrayList<>();
        for (CorrectionRequest request : found.requests()) {
            rows.add(view(request, seen.computeIfAbsent(request.assessmentId(), scorecards::of), organizations));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("found", found);
        model.addAttribute("status", wanted == null ? "all" : wanted.id());
        model.addAttribute("statuses", CorrectionStatus.values());
        model.addAttribute("total", found.counts().values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("assessment", assessment == null ? null : seen.computeIfAbsent(assessment, scorecards::of));
        model.addAttribute("severalOrganizations", organizations.size() > 1);
        return "correction/list";
    }

    @GetMapping("/account/corrections/{requestId}")
    String request(@PathVariable("requestId") long id, @RequestParam(required = false) String saved, Model model) {
        signedIn();
        fillRequest(model, corrections.get(id));
        model.addAttribute("saved", saved != null);
        return "correction/request";
    }

    @PostMapping("/account/corrections/{requestId}/status")
    String handle(@PathVariable("requestId") long id, @RequestParam(required = false) String status, @RequestParam(required = false) String note,
                  @RequestParam(defaultValue = "0") int version, Model model, HttpServletResponse response) {
        signedIn();
        try {
            corrections.handle(id, version, status, note);
            return "redirect:/account/corrections/" + id + "?saved";
        } catch (CorrectionInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            fillRequest(model, corrections.get(id));
            model.addAttribute("problem", page.message(e));
            model.addAttribute("problemField", e.field());
        } catch (CorrectionConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            fillRequest(model, corrections.get(id));
            model.addAttribute("problem", page.message("correction.error.conflict", e.handledBy(), Scorecards.when(e.handledAt())));
        }
        model.addAttribute("chosenStatus", status);
        model.addAttribute("typedNote", note);
        model.addAttribute("saved", false);
        return "correction/request";
    }

    @GetMapping("/account/corrections/{requestId}/file")
    ResponseEntity<byte[]> file(@PathVariable("requestId") long id) {
        signedIn();
        CorrectionFile file = corrections.file(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name(),
                        StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    /** The editor page's link to the requests, with the number of new ones; 404 for anyone but the reviewers. */
    @GetMapping("/account/corrections/assessments/{id}/count")
    String count(@PathVariable long id, Model model) {
        model.addAttribute("count", corrections.countNew(id).orElseThrow(() -> new CorrectionNotFoundException(0)));
        model.addAttribute("assessmentId", id);
        return "correction/fragments :: count";
    }

    private void fillRequest(Model model, CorrectionRequest request) {
        model.addAttribute("r", view(request, scorecards.of(request.assessmentId()), corrections.reviewedOrganizations()));
        model.addAttribute("history", page.events(corrections.history(request.id())));
        model.addAttribute("textMax", page.textMax());
    }

    private RequestView view(CorrectionRequest request, Scorecards.Scorecard scorecard, List<Organization> organizations) {
        String organization = organizations.stream().filter(o -> o.id() == request.organizationId()).map(Organization::name)
                .findFirst().orElse("");
        return new RequestView(request, scorecards.part(request.part()), scorecard, organization,
                Scorecards.when(request.receivedAt()), Scorecards.when(request.handledAt()));
    }

    /** The organizations the signed-in person reviews; sign in first; 404 for someone who reviews nowhere. */
    private List<Organization> reviewer() {
        signedIn();
        List<Organization> organizations = corrections.reviewedOrganizations();
        if (organizations.isEmpty()) {
            throw new CorrectionNotFoundException(0);
        }
        return organizations;
    }

    private void signedIn() {
        if (!policy.signedIn()) {
            throw new AccessDeniedException("sign in to read correction requests");
        }
    }
}

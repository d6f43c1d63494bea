package org.sanctuaryscorecard.secondcoding.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.secondcoding.CodingRequest;
import org.sanctuaryscorecard.secondcoding.Comparison;
import org.sanctuaryscorecard.secondcoding.OrganizationDivergence;
import org.sanctuaryscorecard.secondcoding.Reconciliation;
import org.sanctuaryscorecard.secondcoding.SecondAnswer;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.sanctuaryscorecard.secondcoding.SecondCodingException;
import org.sanctuaryscorecard.secondcoding.web.CodingForms.AnswerRequest;
import org.sanctuaryscorecard.secondcoding.web.CodingForms.AskRequest;
import org.sanctuaryscorecard.secondcoding.web.CodingForms.DecisionRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second-coding JSON API. {@code GET /api/assessments/{id}/second-coding} answers the named coder with their own
 * sheet only (the questions and their answers, nothing of the first coding) and reviewers with the requests, the
 * people they may ask and the latest comparison. Errors are the usual {@code {status, error, message, path}}.
 */
@RestController
class SecondCodingApi {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final SecondCoding secondCoding;
    private final Assessments assessments;
    private final Accounts accounts;
    private final AccessPolicy policy;
    private final Framework framework;
    private final Seats seats;

    SecondCodingApi(SecondCoding secondCoding, Assessments assessments, Accounts accounts, AccessPolicy policy,
                    Framework framework, Seats seats) {
        this.secondCoding = secondCoding;
        this.assessments = assessments;
        this.accounts = accounts;
        this.policy = policy;
        this.framework = framework;
        this.seats = seats;
    }

    /** The coder's view: their request and, for every criterion question, the framework's words and their answer. */
    record CoderReply(String view, CodingRequest request, List<CoderQuestion> questions) {
    }

    record CoderQuestion(String question, String number, String text, String answer, String explanation, Instant answeredAt) {
    }

    /** The reviewer's view: every request (newest first), whom they may ask, and the latest comparison (or null). */
    record ReviewerReply(String view, List<CodingRequest> requests, List<SecondCoding.Candidate> candidates,
                         Comparison comparison) {
    }

    @GetMapping("/api/assessments/{id}/second-coding")
    Object overview(@PathVariable long id) {
        return switch (seats.of(id, organizationOf(id))) {
            case BLIND_CODER, PAST_CODER -> {
                SecondCoding.CoderSheet sheet = secondCoding.sheet(id);
                yield new CoderReply("coder", sheet.request(), framework.questions().map(q -> {
                    SecondAnswer a = sheet.answers().get(q.id());
                    return new CoderQuestion(q.id(), framework.questionNumber(q.id()), q.text(), a == null ? null : a.answer(),
                            a == null ? null : a.explanation(), a == null ? null : a.answeredAt());
                }).toList());
            }
            case REVIEWER -> new ReviewerReply("reviewer", secondCoding.requests(id), secondCoding.candidates(id),
                    secondCoding.comparison(id, null).orElse(null));
        };
    }

    /** A comparison: the latest, or of the request numbered {@code request}. 404 when there is none yet. */
    @GetMapping("/api/assessments/{id}/second-coding/comparison")
    Comparison comparison(@PathVariable long id, @RequestParam(required = false) Long request) {
        seats.requireReviewer(organizationOf(id), "secondcoding.error.reviewerOnly");
        return secondCoding.comparison(id, request).orElseThrow(() ->
                new SecondCodingException(SecondCodingException.Reason.NOT_FOUND, "secondcoding.error.noComparison"));
    }

    @RequestMapping(value = "/api/assessments/{id}/second-coding", method = RequestMethod.POST, consumes = JSON)
    ResponseEntity<CodingRequest> ask(@PathVariable long id, @RequestBody AskRequest body) {
        CodingRequest created = secondCoding.request(id, body.coder());
        return ResponseEntity.created(URI.create("/api/assessments/" + id + "/second-coding")).body(created);
    }

    @DeleteMapping("/api/assessments/{id}/second-coding")
    CodingRequest cancel(@PathVariable long id) {
        return secondCoding.cancel(id);
    }

    @RequestMapping(value = "/api/assessments/{id}/second-coding/answers/{question}", method = {RequestMethod.PUT, RequestMethod.POST},
            consumes = JSON)
    SecondAnswer answer(@PathVariable long id, @PathVariable String question, @RequestBody AnswerRequest body) {
        return secondCoding.saveAnswer(id, question, body.answer(), body.explanation());
    }

    @PostMapping(value = "/api/assessments/{id}/second-coding/submit", consumes = JSON)
    CodingRequest submit(@PathVariable long id) {
        return secondCoding.submit(id);
    }

    @PostMapping(value = "/api/assessments/{id}/second-coding/reconciliations/{question}", consumes = JSON)
    Reconciliation decide(@PathVariable long id, @PathVariable String question, @RequestBody DecisionRequest body) {
        return secondCoding.reconcile(id, question, body.follow(), body.answer(), body.explanation(),
                body.version() == null ? 0 : body.version());
    }

    /** An organization's divergence over all its handed-in second codings. For its reviewers. */
    @GetMapping("/api/organizations/{slug}/second-coding")
    OrganizationDivergence organization(@PathVariable String slug) {
        return secondCoding.organization(SecondCodingPages.OrganizationLookup.find(accounts, policy, slug).id());
    }

    private long organizationOf(long id) {
        return assessments.ownership(id).orElseThrow(() -> new AssessmentNotFoundException(id)).organizationId();
    }
}

package org.sanctuaryscorecard.assessment.web;

import java.net.URI;
import java.util.List;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.AssessmentDocument;
import org.sanctuaryscorecard.assessment.AssessmentListing;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.sanctuaryscorecard.assessment.Revision;
import org.sanctuaryscorecard.assessment.internal.ContentFields;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.AnswerRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.CreateRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.EvidenceRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.HeaderRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.LandscapeRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.ProvisionRequest;
import org.sanctuaryscorecard.assessment.web.AssessmentRequests.StatusRequest;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.sanctuaryscorecard.assessment.web.AssessmentRequests.version;

/**
 * The assessments JSON API. The web pages send the same requests as forms ({@link AssessmentFormController}); both
 * go through {@link Assessments}, so the API is the product's own.
 */
@RestController
class AssessmentApiController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Assessments assessments;
    private final Framework framework;
    private final JurisdictionCatalog catalog;
    private final Owners owners;
    private final AccessPolicy policy;

    AssessmentApiController(Assessments assessments, Framework framework, JurisdictionCatalog catalog, Owners owners,
                            AccessPolicy policy) {
        this.assessments = assessments;
        this.framework = framework;
        this.catalog = catalog;
        this.owners = owners;
        this.policy = policy;
    }

    /** The assessments of a place that the caller may see: published ones, and their organizations' others. */
    @GetMapping({"/api/jurisdictions/{geoid}/assessments", "/api/v1/jurisdictions/{geoid}/assessments"})
    List<AssessmentListing> list(@PathVariable String geoid) {
        catalog.require(geoid);
        return assessments.listFor(geoid).stream()
                .filter(a -> policy.canView(a.organizationId(), a.status() == AssessmentStatus.PUBLISHED)).toList();
    }

    @RequestMapping(value = "/api/jurisdictions/{geoid}/assessments", method = RequestMethod.POST, consumes = JSON)
    ResponseEntity<AssessmentResource> create(@PathVariable String geoid, @RequestBody CreateRequest request) {
        catalog.require(geoid);
        long owner = owners.owner(request.organization()).id();
        Assessment created = assessments.create(geoid, owner, request.title(), request.author(), request.asOf(), Owners.editor());
        return ResponseEntity.created(URI.create("/api/assessments/" + created.id()))
                .body(AssessmentResource.of(created, framework, catalog));
    }

    @GetMapping({"/api/assessments/{id}", "/api/v1/assessments/{id}"})
    AssessmentResource one(@PathVariable long id) {
        return AssessmentResource.of(assessments.get(id), framework, catalog);
    }

    @RequestMapping(value = "/api/assessments/{id}/header", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = JSON)
    SaveResult header(@PathVariable long id, @RequestBody HeaderRequest r) {
        return result(assessments.saveHeader(id, version(r.version()), r.title(), r.author(), r.asOf(), Owners.editor()),
                ContentFields.HEADER_ITEM);
    }

    @RequestMapping(value = "/api/assessments/{id}/status", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = JSON)
    SaveResult status(@PathVariable long id, @RequestBody StatusRequest r) {
        requireReviewerFor(id, r.status());
        return result(assessments.setStatus(id, version(r.version()), r.status(), r.reason(), Owners.editor()), ContentFields.STATUS_ITEM);
    }

    @RequestMapping(value = "/api/assessments/{id}/landscape/{question}", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = JSON)
    SaveResult landscape(@PathVariable long id, @PathVariable String question, @RequestBody LandscapeRequest r) {
        return result(assessments.saveLandscape(id, question, version(r.version()), r.choice(), r.text(), r.agencies(),
                r.link(), Owners.editor()), ContentFields.landscapeItem(question));
    }

    @RequestMapping(value = "/api/assessments/{id}/answers/{question}", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = JSON)
    SaveResult answer(@PathVariable long id, @PathVariable String question, @RequestBody AnswerRequest r) {
        return result(assessments.saveAnswer(id, question, version(r.version()), r.answer(), r.explanation(), Owners.editor()),
                ContentFields.answerItem(question));
    }

    @RequestMapping(value = "/api/assessments/{id}/provisions/{provision}", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = JSON)
    SaveResult provision(@PathVariable long id, @PathVariable String provision, @RequestBody ProvisionRequest r) {
        return result(assessments.saveProvision(id, provision, version(r.version()), r.label(), r.explanation(), Owners.editor()),
                ContentFields.provisionItem(provision));
    }

    @RequestMapping(value = "/api/assessments/{id}/evidence", method = RequestMethod.POST, consumes = JSON)
    ResponseEntity<SaveResult> addEvidence(@PathVariable long id, @RequestBody EvidenceRequest r) {
        Assessment saved = assessments.addEvidence(id, input(r), Owners.editor());
        int number = saved.content().evidence().stream().mapToInt(e -> e.number()).max().orElseThrow();
        return ResponseEntity.created(URI.create("/api/assessments/" + id + "/evidence/" + number))
                .body(result(saved, ContentFields.evidenceItem(number)));
    }

    @RequestMapping(value = "/api/assessments/{id}/evidence/{number}", method = {RequestMethod.PUT, RequestMethod.POST}, consumes = JSON)
    SaveResult updateEvidence(@PathVariable long id, @PathVariable int number, @RequestBody EvidenceRequest r) {
        return result(assessments.updateEvidence(id, number, version(r.version()), input(r), Owners.editor()),
                ContentFields.evidenceItem(number));
    }

    @DeleteMapping(value = "/api/assessments/{id}/evidence/{number}", headers = "!HX-Request")
    SaveResult removeEvidence(@PathVariable long id, @PathVariable int number,
                              @RequestParam(defaultValue = "0") int version) {
        return result(assessments.removeEvidence(id, number, version, Owners.editor()), ContentFields.evidenceItem(number));
    }

    @GetMapping({"/api/assessments/{id}/history", "/api/v1/assessments/{id}/history"})
    List<Revision> history(@PathVariable long id) {
        return assessments.history(id);
    }

    @GetMapping({"/api/assessments/{id}/revisions/{revision}", "/api/v1/assessments/{id}/revisions/{revision}"})
    org.sanctuaryscorecard.assessment.AssessmentContent revision(@PathVariable long id, @PathVariable int revision) {
        return assessments.contentAt(id, revision);
    }

    @GetMapping({"/api/assessments/{id}/compare", "/api/v1/assessments/{id}/compare"})
    List<Revision.FieldChange> compare(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return assessments.compare(id, from, to);
    }

    @GetMapping({"/api/assessments/{id}/export", "/api/v1/assessments/{id}/export"})
    ResponseEntity<AssessmentDocument> export(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + id + ".json\"")
                .body(assessments.export(id));
    }

    @RequestMapping(value = "/api/assessments/import", method = RequestMethod.POST, consumes = JSON)
    ResponseEntity<AssessmentResource> importDocument(@RequestBody AssessmentDocument document,
                                                      @RequestParam(required = false) String organization) {
        Assessment imported = assessments.importDocument(document, owners.owner(organization).id(), Owners.editor(), null);
        return ResponseEntity.created(URI.create("/api/assessments/" + imported.id()))
                .body(AssessmentResource.of(imported, framework, catalog));
    }

    /** Any step but submitting a draft for review needs a reviewer of the assessment's organization. */
    private void requireReviewerFor(long id, String status) {
        if (AssessmentStatus.of(status).filter(s -> s != AssessmentStatus.IN_REVIEW).isPresent()) {
            owners.requireReviewer(assessments.ownership(id).orElseThrow(() -> new AssessmentNotFoundException(id)).organizationId());
        }
    }

    static EvidenceInput input(EvidenceRequest r) {
        return new EvidenceInput(r.item(), r.sourceTitle(), r.sourceKind(), r.citation(), r.url(), r.seenOn(), r.quote(),
                r.shows(), null);
    }

    private static SaveResult result(Assessment assessment, String item) {
        return new SaveResult(assessment.id(), assessment.revision(), item, assessment.version(item));
    }
}

package org.sanctuaryscorecard.policy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.policy.PolicyInput;
import org.sanctuaryscorecard.policy.PolicyInputException;
import org.sanctuaryscorecard.policy.PolicyLabel;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/policies}: read policies (anyone); add one or confirm or correct a label (editors of any organization,
 * checked before the input is read; the change is recorded in the name of the first organization where they edit).
 */
@RestController
class PolicyApiController {

    private final Policies policies;
    private final Framework framework;
    private final JurisdictionCatalog jurisdictions;
    private final AccessPolicy access;

    PolicyApiController(Policies policies, Framework framework, JurisdictionCatalog jurisdictions, AccessPolicy access) {
        this.policies = policies;
        this.framework = framework;
        this.jurisdictions = jurisdictions;
        this.access = access;
    }

    @GetMapping("/api/policies/{policyId}")
    PolicyView one(@PathVariable long policyId) {
        return PolicyView.of(policies.find(policyId).orElseThrow(() -> notFound(policyId)), provisions(),
                policies.text(policyId).orElseThrow());
    }

    @GetMapping("/api/jurisdictions/{geoid}/policies")
    List<PolicyView> of(@PathVariable String geoid) {
        jurisdictions.require(geoid);
        return policies.binding(geoid).stream().map(p -> PolicyView.of(p, provisions(), null)).toList();
    }

    /** A new policy, with labels a person gives (they confirm each by sending it). */
    @PostMapping("/api/policies")
    ResponseEntity<PolicyView> create(@RequestBody(required = false) NewPolicy body) {
        long organization = editorOrganization();
        if (body == null) {
            throw new PolicyInputException("policy.error.required", "title");
        }
        Map<String, PolicyInput.LabelInput> labels = body.labels() == null ? Map.of() : body.labels();
        PolicyInput input = new PolicyInput(body.jurisdiction(), body.alsoBinds(), body.title(), body.kind(), body.citation(),
                body.sourceUrl(), null, body.enacted(), body.enactedOn(), body.effectiveOn(), body.status(), body.statusNote(),
                body.endedOn(), body.inForceBy(), body.inForceByNote(), body.text(), labels);
        var created = policies.create(input, null, organization, PolicyLabel.PERSON, null);
        return ResponseEntity.status(HttpStatus.CREATED).body(PolicyView.of(created, provisions(), null));
    }

    /** A person confirms or corrects one label, from the policy's version they saw. */
    @PutMapping("/api/policies/{policyId}/labels/{provision}")
    PolicyView label(@PathVariable long policyId, @PathVariable String provision, @RequestBody(required = false) LabelChange body) {
        long organization = editorOrganization();
        if (body == null || body.label() == null) {
            throw new PolicyInputException("policy.error.label", provision, "null");
        }
        var changed = policies.confirmLabel(policyId, body.version(), provision, body.label(), body.quote(), organization);
        return PolicyView.of(changed, provisions(), null);
    }

    record NewPolicy(String jurisdiction, List<String> alsoBinds, String title, String kind, String citation, String sourceUrl,
                     String enacted, LocalDate enactedOn, LocalDate effectiveOn, String status, String statusNote,
                     LocalDate endedOn, LocalDate inForceBy, String inForceByNote, String text,
                     Map<String, PolicyInput.LabelInput> labels) {
    }

    record LabelChange(String label, String quote, int version) {
    }

    private long editorOrganization() {
        List<Organization> editing = access.organizationsWhere(Role.EDITOR);
        if (editing.isEmpty()) {
            throw new ExplainedException(HttpStatus.FORBIDDEN, "policy.error.editorsOnly");
        }
        return editing.get(0).id();
    }

    private List<String> provisions() {
        return framework.provisions().stream().map(Framework.Provision::id).toList();
    }

    private static ExplainedException notFound(long id) {
        return new ExplainedException(HttpStatus.NOT_FOUND, "policy.error.notFound", id);
    }
}

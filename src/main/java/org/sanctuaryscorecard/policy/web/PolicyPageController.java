package org.sanctuaryscorecard.policy.web;

import java.util.List;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.policy.Policy;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages of a policy (its record, labels with quotes, and text) and of a jurisdiction's policies. Public. */
@Controller
class PolicyPageController {

    private final Policies policies;
    private final Framework framework;
    private final JurisdictionCatalog jurisdictions;

    PolicyPageController(Policies policies, Framework framework, JurisdictionCatalog jurisdictions) {
        this.policies = policies;
        this.framework = framework;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/policies/{policyId}")
    String policy(@PathVariable long policyId, Model model) {
        Policy policy = policies.find(policyId)
                .orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "policy.error.notFound", policyId));
        Jurisdiction adopter = jurisdictions.require(policy.jurisdictionGeoid());
        model.addAttribute("policy", policy);
        model.addAttribute("adopter", adopter);
        model.addAttribute("also", policy.alsoBinds().stream().map(jurisdictions::require).toList());
        model.addAttribute("text", policies.text(policyId).orElseThrow());
        model.addAttribute("provisions", framework.provisions());
        return "policy/page";
    }

    @GetMapping("/jurisdictions/{geoid}/policies")
    String list(@PathVariable String geoid, Model model) {
        Jurisdiction jurisdiction = jurisdictions.require(geoid);
        model.addAttribute("jurisdiction", jurisdiction);
        model.addAttribute("policies", policies.binding(geoid));
        List<Jurisdiction> above = jurisdictions.parents(jurisdiction);
        model.addAttribute("above", above);
        return "policy/list";
    }
}

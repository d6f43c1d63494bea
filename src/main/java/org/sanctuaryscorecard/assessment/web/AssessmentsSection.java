package org.sanctuaryscorecard.assessment.web;

import java.util.Map;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionPageSection;
import org.springframework.stereotype.Component;

/**
 * The assessments of a jurisdiction on its page that the visitor may see (published ones, and drafts of their own
 * organizations), latest published first, with "start an assessment".
 */
@Component
class AssessmentsSection implements JurisdictionPageSection {

    private final Assessments assessments;
    private final AccessPolicy policy;

    AssessmentsSection(Assessments assessments, AccessPolicy policy) {
        this.assessments = assessments;
        this.policy = policy;
    }

    @Override
    public String template() {
        return "assessment/jurisdiction-section";
    }

    @Override
    public Map<String, Object> data(Jurisdiction jurisdiction) {
        return Map.of("jurisdiction", jurisdiction, "assessments", assessments.listFor(jurisdiction.geoid()).stream()
                .filter(a -> policy.canView(a.organizationId(), a.status() == AssessmentStatus.PUBLISHED)).toList());
    }
}

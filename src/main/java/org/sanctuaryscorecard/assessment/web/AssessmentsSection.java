package org.sanctuaryscorecard.assessment.web;

import java.util.Map;

import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionPageSection;
import org.springframework.stereotype.Component;

/** The assessments of a jurisdiction on its page, latest published first, with "start an assessment". */
@Component
class AssessmentsSection implements JurisdictionPageSection {

    private final Assessments assessments;

    AssessmentsSection(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public String template() {
        return "assessment/jurisdiction-section";
    }

    @Override
    public Map<String, Object> data(Jurisdiction jurisdiction) {
        return Map.of("jurisdiction", jurisdiction, "assessments", assessments.listFor(jurisdiction.geoid()));
    }
}

package org.sanctuaryscorecard.report.web;

import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;

/** Published and draft assessments for the comparison, export and API tests. */
final class ReportFixtures {

    static final String POLICY = "question.detainers.formal-policy";

    private ReportFixtures() {
    }

    /** A published assessment of {@code geoid} that meets the detainers policy question, with one quoted source. */
    static long published(Assessments assessments, long organization, String geoid, String title, String asOf, String quote) {
        return publish(assessments, draft(assessments, organization, geoid, title, asOf, quote));
    }

    /** Submits and publishes a draft (no one is signed in: no reviewer rule applies). */
    static long publish(Assessments assessments, long id) {
        assessments.setStatus(id, assessments.get(id).version("status"), "in-review", null, "A");
        assessments.setStatus(id, assessments.get(id).version("status"), "published", null, "A");
        return id;
    }

    /** A draft of {@code geoid} with an answer, a provision label and a quoted source. */
    static long draft(Assessments assessments, long organization, String geoid, String title, String asOf, String quote) {
        long id = assessments.create(geoid, organization, title, "Ana", asOf, "A").id();
        assessments.saveAnswer(id, POLICY, 0, "Y", "The sheriff's written policy.", "A");
        assessments.saveAnswer(id, "question.detainers.refuses-requests", 0, "N", "Holds still happen.", "A");
        assessments.saveProvision(id, "detainer-hold", 0, "protects", "Sec. 2", "A");
        assessments.addEvidence(id, new EvidenceInput(POLICY, "Sheriff policy 428", "department-policy", "Sec. 428.2",
                "https://example.org/policy-428", "2026-09-02", quote, "policy", null), "A");
        assessments.addEvidence(id, new EvidenceInput("provision.detainer-hold", "Sheriff policy 428", "department-policy",
                "Sec. 428.3", null, "2026-09-02", quote + " (provision)", "policy", null), "A");
        return id;
    }
}

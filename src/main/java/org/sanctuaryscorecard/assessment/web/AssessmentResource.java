package org.sanctuaryscorecard.assessment.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.scoring.CriterionResult;
import org.sanctuaryscorecard.scoring.CriterionStatus;
import org.sanctuaryscorecard.scoring.ScoreSummary;
import org.sanctuaryscorecard.scoring.Scoring;

/**
 * An assessment in the API: its content, the version of each item (to send back when saving it), and the statuses
 * computed by the framework's scoring rules.
 */
record AssessmentResource(long id, String jurisdiction, String jurisdictionName, String frameworkId,
                          String frameworkVersion, int revision, Instant createdAt, Instant updatedAt,
                          AssessmentContent content, Map<String, Integer> versions, Scores scores) {

    /** The computed statuses: counts by status, each criterion's result, and the checklist's labels counted. */
    record Scores(Map<String, Integer> criteria, int criteriaTotal, List<CriterionResult> results,
                  Map<String, Integer> provisions, int provisionsUnlabeled) {
    }

    static AssessmentResource of(Assessment a, Framework framework, JurisdictionCatalog catalog) {
        ScoreSummary summary = Scoring.summarize(framework, a.content().answerCodes(), a.content().provisionLabels());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CriterionStatus status : CriterionStatus.values()) {
            counts.put(status.id(), summary.count(status));
        }
        return new AssessmentResource(a.id(), a.jurisdictionGeoid(),
                catalog.find(a.jurisdictionGeoid()).map(j -> j.name()).orElse(null), a.frameworkId(), a.frameworkVersion(),
                a.revision(), a.createdAt(), a.updatedAt(), a.content(), new java.util.TreeMap<>(a.itemVersions()),
                new Scores(counts, summary.criteria().size(), summary.criteria(), summary.labelCounts(), summary.unlabeledCount()));
    }
}

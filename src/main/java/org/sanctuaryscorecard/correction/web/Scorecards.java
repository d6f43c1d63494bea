package org.sanctuaryscorecard.correction.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.correction.internal.Parts;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.stereotype.Component;

/** What the correction pages say about the scorecards, places, organizations and parts that requests are about. */
@Component
class Scorecards {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Assessments assessments;
    private final JurisdictionCatalog catalog;
    private final Accounts accounts;
    private final Parts parts;
    private final ErrorReplies replies;

    Scorecards(Assessments assessments, JurisdictionCatalog catalog, Accounts accounts, Parts parts, ErrorReplies replies) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.accounts = accounts;
        this.parts = parts;
        this.replies = replies;
    }

    /** One scorecard as the correction pages name it. */
    record Scorecard(long id, String title, int revision, Jurisdiction jurisdiction, Jurisdiction state, String organization) {
    }

    Scorecard of(long assessmentId) {
        Assessment assessment = assessments.get(assessmentId);
        Jurisdiction jurisdiction = catalog.require(assessment.jurisdictionGeoid());
        String organization = accounts.organization(assessment.organizationId()).map(Organization::name).orElse("");
        return new Scorecard(assessment.id(), assessment.content().title(), assessment.revision(), jurisdiction,
                catalog.stateOf(jurisdiction), organization);
    }

    /** The words of a part of the scorecard: "1.2 Does ...?", "Something else", or the id when unknown. */
    String part(String id) {
        if (Parts.OTHER.equals(id)) {
            return replies.message("correction.form.part.other");
        }
        return parts.label(id).orElse(id);
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}

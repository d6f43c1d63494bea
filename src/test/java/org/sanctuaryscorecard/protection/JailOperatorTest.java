package org.sanctuaryscorecard.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.policy.PolicyInput;
import org.sanctuaryscorecard.policy.PolicyLabel;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who runs a city's jail comes from its latest published assessment's landscape answer; a draft does not count, and
 * without one the county sheriff runs it. (Fresno County and Fresno city with made-up test policies.)
 */
@ScorecardWebTest
class JailOperatorTest {

    static final String COUNTY = "06019";
    static final String CITY = "0627000";

    @Autowired
    EffectiveProtections protections;

    @Autowired
    Policies policies;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    Organization organization;

    @BeforeEach
    void policies() {
        organization = Members.standard(accounts);
        if (policies.binding(COUNTY).isEmpty()) {
            String sheriff = "Test sheriff's policy: deputies shall honor every immigration detainer.";
            String city = "Test city ordinance: no person shall be held on an immigration detainer.";
            Members.as(accounts.find(Members.EDITOR).orElseThrow(), () -> {
                policies.create(new PolicyInput(COUNTY, List.of(), "Test sheriff's policy", "department-policy", null, null, null,
                        null, null, null, "unverified", null, null, null, null, sheriff, Map.of("detainer-hold",
                        new PolicyInput.LabelInput("contrary", "deputies shall honor every immigration detainer"))),
                        null, organization.id(), PolicyLabel.PERSON, null);
                return policies.create(new PolicyInput(CITY, List.of(), "Test city ordinance", "ordinance", null, null, null, null,
                        null, null, "unverified", null, null, null, null, city, Map.of("detainer-hold",
                        new PolicyInput.LabelInput("protects", "no person shall be held on an immigration detainer"))),
                        null, organization.id(), PolicyLabel.PERSON, null);
            });
        }
    }

    private EffectiveLabel detainers() {
        return protections.forJurisdiction(CITY, LocalDate.of(2030, 1, 1)).stream()
                .filter(l -> l.provision().equals("detainer-hold")).findFirst().orElseThrow();
    }

    @Test
    void theCityInheritsTheSheriffsPolicyUntilItsPublishedAssessmentSaysItRunsItsOwnJail() {
        EffectiveLabel before = detainers();
        assertThat(before.label()).isEqualTo("contrary");
        assertThat(before.jailRunBy()).isEqualTo("county");
        assertThat(before.source().name()).isEqualTo("Test sheriff's policy");

        Account editor = accounts.find(Members.EDITOR).orElseThrow();
        Account reviewer = accounts.find(Members.REVIEWER).orElseThrow();
        long id = Members.as(editor, () -> assessments.create(CITY, organization.id(), "Fresno jail test", "Ed", "2026-01-01", "Ed")).id();
        Members.as(editor, () -> assessments.saveLandscape(id, "landscape.lead-agency", 0, "city-police", "The city jails.", null, null, "Ed"));
        assertThat(detainers().label()).as("a draft does not count").isEqualTo("contrary");

        int version = assessments.get(id).version("status");
        Members.as(editor, () -> assessments.setStatus(id, version, "in-review", null, "Ed"));
        Members.as(reviewer, () -> assessments.setStatus(id, assessments.get(id).version("status"), "published", null, "Rae"));

        EffectiveLabel after = detainers();
        assertThat(after.label()).isEqualTo("protects");
        assertThat(after.jailRunBy()).isEqualTo("place");
        assertThat(after.jailInferred()).isTrue();
        assertThat(after.jailAssessment()).isEqualTo(id);
        assertThat(after.explanation()).contains("inferred from its answer to “Which law enforcement entity has the most "
                + "interaction with the immigrant community?” in published assessment " + id);
        // the county itself is not affected by the city's jail
        assertThat(protections.forJurisdiction(COUNTY, LocalDate.of(2030, 1, 1)).stream()
                .filter(l -> l.provision().equals("detainer-hold")).findFirst().orElseThrow().label()).isEqualTo("contrary");
    }
}

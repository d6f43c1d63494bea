package org.sanctuaryscorecard.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.springframework.beans.factory.annotation.Autowired;

/** Effective protection computed from the shipped policies: real state law over real local policy, explained. */
@ScorecardWebTest
class RealProtectionTest {

    static final LocalDate AS_OF = LocalDate.of(2024, 6, 1);
    /** Today: the shipped policies whose source gives no date count from the day they were put on record (today here). */
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    @Autowired
    EffectiveProtections protections;

    @Autowired
    JurisdictionCatalog jurisdictions;

    private EffectiveLabel label(String geoid, String provision, LocalDate asOf) {
        return protections.forJurisdiction(geoid, asOf).stream().filter(l -> l.provision().equals(provision)).findFirst().orElseThrow();
    }

    @Test
    void californiasTruthActRaisesSantaCruzCountyAndItsSheriffsContraryRuleStands() {
        EffectiveLabel interviews = label("06087", "interview-safeguards", AS_OF);
        assertThat(interviews.label()).isEqualTo("protects");
        assertThat(interviews.source().level()).isEqualTo("state");
        assertThat(interviews.explanation()).startsWith("protects, from California Government Code §§ 7283 and 7283.1 (TRUTH Act, AB 2792) "
                + "(state law), quote “").contains("is still in force; it is counted as law, unverified");
        // the sheriff's policy gives no date: it counts from the day it was put on record, and says so
        EffectiveLabel sharing = label("06087", "info-sharing", TODAY);
        assertThat(sharing.label()).isEqualTo("contrary");
        assertThat(sharing.source().level()).isEqualTo("county");
        assertThat(sharing.source().name()).isEqualTo("Santa Cruz County Sheriff's Office Policy Manual, Policy 428");
        assertThat(sharing.source().countedFromBasis()).isEqualTo("recorded");
        assertThat(sharing.explanation()).contains("Its source gives no date; it is counted from " + TODAY
                + ", the day it was put on record here, an inference");
        assertThat(label("06087", "info-sharing", AS_OF).source()).isNull();
    }

    @Test
    void floridasStatutePreemptsAndSetsContraryLabelsInEveryCounty() {
        // its source gives years only, the latest 2025 (§ 908.11 as amended): it counts from the end of 2025, not before
        EffectiveLabel detainers = label("12086", "detainer-hold", LocalDate.of(2026, 1, 1));
        assertThat(detainers.label()).isEqualTo("contrary");
        assertThat(detainers.explanation()).contains("Florida Statutes §§ 908.104 and 908.11 (state law)")
                .contains("Its source gives no full date; it is counted from 2025-12-31, an inference: The source gives years only");
        assertThat(label("12086", "detainer-hold", LocalDate.of(2025, 12, 30)).label()).isEqualTo("silent");
    }

    @Test
    void theDistrictsLawsCountOnEitherSideOfTheirChange() {
        assertThat(label("11", "detainer-hold", LocalDate.of(2015, 6, 1)).source().name()).isEqualTo("D.C. Official Code § 24-211.07 (D.C. Law 19-194)");
        assertThat(label("11", "detainer-hold", LocalDate.of(2015, 6, 1)).label()).isEqualTo("limited");
        assertThat(label("11", "detainer-hold", AS_OF).label()).isEqualTo("protects");
        assertThat(label("11", "detainer-hold", AS_OF).source().name()).isEqualTo("D.C. Law 23-282 (D.C. Act 23-573; Bill 23-501)");
        assertThat(label("11", "detainer-hold", LocalDate.of(2005, 1, 1)).label()).isEqualTo("silent");
    }

    @Test
    void billsThatWereNotEnactedNeverCount() {
        assertThat(label("48", "detainer-hold", AS_OF).label()).isEqualTo("silent");
        assertThat(label("36", "detainer-hold", AS_OF).label()).isEqualTo("silent");
        assertThat(label("29", "local-resources", AS_OF).label()).isEqualTo("silent");
    }

    @Test
    void aCityUsingTheCountyJailDoesNotCountItsOwnRuleOnJailProvisionsButKeepsTheOthers() {
        // Chicago's ordinance protects on detainers, but (with no published assessment saying it runs its own jail) the
        // jail is the county sheriff's; status questions are the city's own business
        EffectiveLabel detainers = label("1714000", "detainer-hold", AS_OF);
        assertThat(detainers.jailRunBy()).isEqualTo("county");
        assertThat(detainers.label()).isEqualTo("silent");
        assertThat(detainers.explanation()).contains("Follows the jail: the county sheriff’s, by default");
        EffectiveLabel status = label("1714000", "status-inquiry", AS_OF);
        assertThat(status.label()).isEqualTo("protects");
        assertThat(status.source().name()).isEqualTo("Municipal Code of Chicago Chapter 2-173 (Welcoming City Ordinance)");
        assertThat(status.explanation()).contains("lies in 2 counties");
        // before the 2021 text applied, the earlier section counted, with its criminal-history exceptions
        assertThat(label("1714000", "ncic-arrest", LocalDate.of(2019, 1, 1)).label()).isEqualTo("limited");
    }

    @Test
    void sanFranciscoIsOneGovernmentACityAndACounty() {
        EffectiveLabel county = label("06075", "release-notification", AS_OF);
        EffectiveLabel city = label("0667000", "release-notification", AS_OF);
        assertThat(county.label()).isEqualTo("protects");
        assertThat(city.label()).isEqualTo("protects");
        assertThat(city.source().policyId()).isEqualTo(county.source().policyId());
    }

    @Test
    void everyCountyOfTheCountryHasThirteenExplainedLabels() {
        Map<String, List<EffectiveLabel>> counties = protections.forAll("county", TODAY);
        assertThat(counties).hasSize(jurisdictions.count(JurisdictionKind.COUNTY));
        counties.values().forEach(labels -> {
            assertThat(labels).hasSize(13);
            labels.forEach(l -> assertThat(l.explanation()).isNotBlank());
        });
        assertThat(counties.get("06087").stream().filter(l -> l.provision().equals("info-sharing")).findFirst().orElseThrow().label())
                .isEqualTo("contrary");
        assertThat(counties.get("06001").stream().filter(l -> l.provision().equals("interview-safeguards")).findFirst().orElseThrow()
                .label()).isEqualTo("protects");
        Map<String, List<EffectiveLabel>> states = protections.forAll("state", AS_OF);
        assertThat(protections.forAll("county", AS_OF).get("06087").stream().filter(l -> l.provision().equals("info-sharing"))
                .findFirst().orElseThrow().label()).isEqualTo("silent");
        assertThat(states).hasSize(jurisdictions.count(JurisdictionKind.STATE));
    }
}

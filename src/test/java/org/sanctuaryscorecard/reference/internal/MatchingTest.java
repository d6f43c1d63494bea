package org.sanctuaryscorecard.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.reference.ReferenceImportException;
import org.sanctuaryscorecard.reference.ReferenceKind;

/** Rows of each kind of list matched to states, counties and places, and left unmatched where a match would be a guess. */
class MatchingTest {

    static Matcher matcher;

    @BeforeAll
    static void catalog() {
        matcher = new Matcher(JurisdictionCatalog.fromCensusFiles());
    }

    private static List<FactRows.NewFact> facts(ReferenceKind kind, String csv) {
        return FactRows.of(kind, ListFile.read(kind, "test.csv", csv.getBytes(StandardCharsets.UTF_8)), matcher);
    }

    private static final String ICE_HEADER = "state,law_enforcement_agency,type,county,support_type,signed,moa,moa_url\n";

    @Test
    void aCountyFipsInTheFileIsUsedAndACountyNameIsMatchedWithinTheState() {
        List<FactRows.NewFact> withFips = facts(ReferenceKind.ICE_287G, ICE_HEADER.replace("\n", ",county_geoid_matched\n")
                + "ALABAMA,Colbert County Sheriff's Office,County,Colbert County,Task Force Model,2025-07-02,link pending,,01033\n");
        assertThat(withFips.get(0).geoid()).isEqualTo("01033");
        assertThat(withFips.get(0).method()).isEqualTo("county-fips");
        // a newer ICE sheet has no FIPS column: the county is matched by its name within the state
        List<FactRows.NewFact> byName = facts(ReferenceKind.ICE_287G, ICE_HEADER
                + "ALABAMA,Colbert County Sheriff's Office,County,Colbert County,Task Force Model,2025-07-02,link,https://www.ice.gov/x.pdf\n"
                + "LOUISIANA,Acadia Parish Sheriff's Office,County,Acadia Parish,Jail Enforcement Model,2025-01-03,,\n");
        assertThat(byName.get(0).geoid()).isEqualTo("01033");
        assertThat(byName.get(0).method()).isEqualTo("county-name");
        assertThat(byName.get(0).moaUrl()).isEqualTo("https://www.ice.gov/x.pdf");
        assertThat(byName.get(0).signed()).hasToString("2025-07-02");
        assertThat(byName.get(1).geoid()).isEqualTo("22001");
    }

    @Test
    void aMunicipalAgencyIsMatchedToItsPlaceOnlyWhereTheNameIsUnique() {
        List<FactRows.NewFact> facts = facts(ReferenceKind.ICE_287G, ICE_HEADER
                + "ARIZONA,Mesa Police Department,Municipality,#N/A,Task Force Model,2025-05-01,,\n"
                + "FLORIDA,Nowheresville Police Department,Municipality,#N/A,Task Force Model,2025-05-01,,\n"
                + "ARKANSAS,Texarkana Police Department,Municipality,Miller County,Task Force Model,2025-05-01,,\n"
                + "TEXAS,Texas Department of Public Safety,State Agency,#N/A,Task Force Model,2025-05-01,,\n"
                + "FLORIDA,Satellite Beach Police Department,Municipality,Brevard County,Task Force Model,2025-05-01,,\n");
        assertThat(facts.get(0).geoid()).isEqualTo("0446000");
        assertThat(facts.get(0).method()).isEqualTo("place-name");
        assertThat(facts.get(1).geoid()).isNull();
        assertThat(facts.get(1).method()).isEqualTo("none");
        assertThat(facts.get(1).note()).isEqualTo("not-found");
        assertThat(facts.get(2).geoid()).isEqualTo("0568810");
        assertThat(facts.get(3).geoid()).isEqualTo("48");
        assertThat(facts.get(3).method()).isEqualTo("state-agency");
        assertThat(facts.get(4).geoid()).isEqualTo("1264400");
    }

    @Test
    void connecticutCountiesAndTownsAreNotMatchedToPlanningRegionsOrCensusDesignatedPlaces() {
        List<FactRows.NewFact> ice = facts(ReferenceKind.ICE_287G, ICE_HEADER
                + "CONNECTICUT,Hartford County Sheriff's Office,County,Hartford County,Task Force Model,2025-05-01,,\n");
        assertThat(ice.get(0).geoid()).isNull();
        assertThat(ice.get(0).note()).isEqualTo("connecticut");
        List<FactRows.NewFact> dhs = facts(ReferenceKind.DHS_LIST, "state,state_abbr,list_section,jurisdiction_as_listed\n"
                + "Connecticut,CT,City,East Haven\n"
                + "Connecticut,CT,City,Hartford\n"
                + "Connecticut,CT,State,Self-Identification as a State Sanctuary Jurisdiction\n"
                + "Alaska,AK,City,City of Anchorage\n"
                + "Kansas,KS,County,Lawrence\n");
        assertThat(dhs.get(0).geoid()).as("East Haven is a town; the Census has only an East Haven CDP").isNull();
        assertThat(dhs.get(0).note()).isEqualTo("connecticut-town");
        assertThat(dhs.get(1).geoid()).isEqualTo("0937000");
        assertThat(dhs.get(2).geoid()).isEqualTo("09");
        assertThat(dhs.get(3).geoid()).isEqualTo("0203000");
        assertThat(dhs.get(4).geoid()).as("DHS listed the city of Lawrence as a county: no such county in Kansas").isNull();
    }

    @Test
    void theShippedListsMatchAsTheIndexSays() {
        for (ShippedLists.Shipped shipped : ShippedLists.ALL) {
            List<FactRows.NewFact> facts = FactRows.of(shipped.kind(), ListFile.read(shipped.kind(), shipped.file(), shipped.bytes()), matcher);
            long matched = facts.stream().filter(f -> f.geoid() != null).count();
            if (shipped.kind() == ReferenceKind.ICE_287G) {
                assertThat(facts).hasSize(832);
                List<FactRows.NewFact> withFips = facts.stream().filter(f -> !f.original().get("county_geoid_matched").isEmpty()).toList();
                assertThat(withFips).as("the index: 601 of 832 rows have a county FIPS").hasSize(601);
                assertThat(withFips).as("each is matched: its county, its place for a city police department, its state")
                        .allMatch(f -> f.geoid() != null);
                System.out.printf("287(g) list of 2025-07-18: %d of %d rows matched (%s)%n", matched, facts.size(),
                        facts.stream().collect(java.util.stream.Collectors.groupingBy(FactRows.NewFact::method,
                                java.util.TreeMap::new, java.util.stream.Collectors.counting())));
                assertThat(matched).as("601 counties, 61 state agencies, and municipal agencies matched by name").isGreaterThan(700);
                assertThat(facts.stream().filter(f -> f.original().get("signed").equals("7/72025")).findFirst().orElseThrow()
                        .signed()).as("ICE wrote '7/72025': kept as written, not guessed").isNull();
            }
            if (shipped.kind() != ReferenceKind.ICE_287G) {
                System.out.printf("%s: %d of %d rows matched%n", shipped.kind().id(), matched, facts.size());
            }
            if (shipped.kind() == ReferenceKind.DOJ_LIST) {
                assertThat(facts).hasSize(35);
                assertThat(matched).isEqualTo(35);
            }
        }
    }

    @Test
    void badFilesAreRefusedWithTheLineAndTheMissingColumns() {
        assertThatThrownBy(() -> facts(ReferenceKind.ICE_287G, "state,agency,type\nALABAMA,X,County\n"))
                .isInstanceOf(ReferenceImportException.class)
                .satisfies(e -> {
                    ReferenceImportException.Problem p = ((ReferenceImportException) e).problems().get(0);
                    assertThat(p.key()).isEqualTo("reference.import.missingColumns");
                    assertThat(p.arguments().get(1)).isEqualTo("law_enforcement_agency, county, support_type, signed");
                });
        assertThatThrownBy(() -> facts(ReferenceKind.ICE_287G, ICE_HEADER
                + "ALABAMA,Colbert County Sheriff's Office,County,Colbert County,Task Force Model,2025-07-02,,\n"
                + "ALABAMA,\"Unclosed,County\n"
                + "NARNIA,Some Sheriff,County,X County,Task Force Model,2025-07-02,,\n"))
                .isInstanceOf(ReferenceImportException.class)
                .satisfies(e -> assertThat(((ReferenceImportException) e).problems()).extracting(ReferenceImportException.Problem::key)
                        .containsExactly("reference.import.fieldCount"));
        assertThatThrownBy(() -> facts(ReferenceKind.ICE_287G, ICE_HEADER
                + "ALABAMA,,County,X County,Task Force Model,2025-07-02,,\n"
                + "ALABAMA,Some Sheriff,,X County,Task Force Model,2025-07-02,,\n"))
                .satisfies(e -> assertThat(((ReferenceImportException) e).problems()).extracting(p -> p.key() + " " + p.arguments())
                        .containsExactly("reference.import.emptyValue [2, law_enforcement_agency]", "reference.import.emptyValue [3, type]"));
        FactRows.NewFact abroad = facts(ReferenceKind.ICE_287G, ICE_HEADER
                + "NARNIA,Some Sheriff,County,X County,Task Force Model,2025-07-02,,\n").get(0);
        assertThat(abroad.geoid()).isNull();
        assertThat(abroad.note()).isEqualTo("unknown-state");
        assertThatThrownBy(() -> facts(ReferenceKind.DOJ_LIST, "")).isInstanceOf(ReferenceImportException.class);
        assertThatThrownBy(() -> facts(ReferenceKind.DOJ_LIST, "list_section,jurisdiction_as_listed,state_usps\n"))
                .satisfies(e -> assertThat(((ReferenceImportException) e).problems().get(0).key()).isEqualTo("reference.import.noRows"));
    }
}

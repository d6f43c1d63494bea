package org.sanctuaryscorecard.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JurisdictionCatalogTest {

    private static JurisdictionCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = JurisdictionCatalog.fromCensusFiles();
    }

    private static List<String> geoids(String query, int limit) {
        return catalog.search(query, limit).stream().map(Jurisdiction::geoid).toList();
    }

    @Test
    void everyStateCountyAndPlaceIsThere() {
        assertThat(catalog.count(JurisdictionKind.STATE)).isEqualTo(56);
        assertThat(catalog.count(JurisdictionKind.COUNTY)).isEqualTo(3_235);
        assertThat(catalog.count(JurisdictionKind.INCORPORATED_PLACE)).isEqualTo(19_518);
        assertThat(catalog.count(JurisdictionKind.CENSUS_DESIGNATED_PLACE)).isEqualTo(32_350 - 19_518);
        assertThat(catalog.size()).isEqualTo(56 + 3_235 + 32_350);
    }

    @Test
    void idsAreCensusGeoidsWithTheirHierarchy() {
        Jurisdiction sanJose = catalog.find("0668000").orElseThrow();
        Jurisdiction santaClara = catalog.find("06085").orElseThrow();
        Jurisdiction california = catalog.find("06").orElseThrow();

        assertThat(sanJose.name()).isEqualTo("San Jose city");
        assertThat(sanJose.shortName()).isEqualTo("San Jose");
        assertThat(sanJose.kind()).isEqualTo(JurisdictionKind.INCORPORATED_PLACE);
        assertThat(sanJose.type()).isEqualTo("city");
        assertThat(catalog.parents(sanJose)).containsExactly(santaClara, california);
        assertThat(catalog.parents(santaClara)).containsExactly(california);
        assertThat(catalog.parents(california)).isEmpty();
        assertThat(catalog.children(santaClara)).contains(sanJose).allMatch(p -> p.countyGeoids().contains("06085"));
        assertThat(catalog.children(california)).hasSize(58).allMatch(c -> c.kind() == JurisdictionKind.COUNTY);
        assertThat(santaClara.population()).isEqualTo(1_903_297L);
    }

    @Test
    void namesComeFromTheGazetteerWithTheirAccentsAndLegalDescriptions() {
        assertThat(catalog.find("35013").orElseThrow().name()).isEqualTo("Doña Ana County");
        assertThat(catalog.find("01115").orElseThrow().name()).isEqualTo("St. Clair County");
        Jurisdiction baltimore = catalog.find("24510").orElseThrow();
        assertThat(baltimore.name()).isEqualTo("Baltimore city");
        assertThat(baltimore.type()).isEqualTo("city");
        assertThat(catalog.find("22071").orElseThrow().type()).isEqualTo("Parish");
        assertThat(catalog.find("09110").orElseThrow().type()).isEqualTo("Planning Region");
        assertThat(catalog.find("60010").orElseThrow().stateCode()).isEqualTo("AS");
        assertThat(catalog.find("11").orElseThrow().type()).isEqualTo("district");
        assertThat(catalog.find("72").orElseThrow().type()).isEqualTo("territory");
    }

    @Test
    void everyJurisdictionLiesInAKnownStateIncludingTheTerritories() {
        assertThat(catalog.all()).allSatisfy(j -> assertThat(catalog.stateOf(j)).isNotNull()
                .satisfies(state -> assertThat(state.kind()).isEqualTo(JurisdictionKind.STATE)));
        Jurisdiction stCroix = catalog.find("78010").orElseThrow();
        assertThat(catalog.stateOf(stCroix).name()).isEqualTo("U.S. Virgin Islands");
        assertThat(catalog.find("78").orElseThrow().stateCode()).isEqualTo("VI");
        assertThat(catalog.find("74")).isEmpty();
    }

    @Test
    void aCatalogRefusesAJurisdictionOutsideAnyKnownState() {
        Jurisdiction orphan = new Jurisdiction("99001", "Nowhere County", "Nowhere", JurisdictionKind.COUNTY, "County",
                "99", "ZZ", null, List.of(), false);

        assertThatThrownBy(() -> new JurisdictionCatalog(List.of(orphan)))
                .hasMessage("99001 Nowhere County lies in state 99, which is not in the list of states");
    }

    @Test
    void aPlaceCanSpanSeveralCounties() {
        Jurisdiction newYork = catalog.find("3651000").orElseThrow();

        assertThat(newYork.countyGeoids()).containsExactlyInAnyOrder("36005", "36047", "36061", "36081", "36085");
    }

    @Test
    void aCountyMissingFromTheCensusRelationshipFileIsInferredAndMarkedSo() {
        Jurisdiction indianapolis = catalog.find("1836003").orElseThrow();

        assertThat(indianapolis.countyGeoids()).containsExactly("18097");
        assertThat(indianapolis.countiesInferred()).isTrue();
        assertThat(catalog.find("1150000").orElseThrow().countyGeoids()).containsExactly("11001");
        assertThat(catalog.find("0668000").orElseThrow().countiesInferred()).isFalse();
        assertThat(catalog.all().stream().filter(Jurisdiction::countiesInferred)).hasSize(69);
        assertThat(catalog.all().stream().filter(j -> j.kind() == JurisdictionKind.INCORPORATED_PLACE
                || j.kind() == JurisdictionKind.CENSUS_DESIGNATED_PLACE)).allSatisfy(p -> assertThat(p.countyGeoids()).isNotEmpty());
    }

    @Test
    void censusDesignatedPlacesAreNotGovernments() {
        Jurisdiction cdp = catalog.find("0160264").orElseThrow();

        assertThat(cdp.kind()).isEqualTo(JurisdictionKind.CENSUS_DESIGNATED_PLACE);
        assertThat(cdp.kind().isGovernment()).isFalse();
        assertThat(JurisdictionKind.INCORPORATED_PLACE.isGovernment()).isTrue();
    }

    @Test
    void santaClaraFindsTheCountyFirst() {
        assertThat(geoids("santa clara", 5)).startsWith("06085", "0669084");
        assertThat(geoids("Santa  Clara", 1)).containsExactly("06085");
        assertThat(geoids("santa cl", 1)).containsExactly("06085");
    }

    @Test
    void saintAndStAreTheSameWord() {
        assertThat(geoids("st louis", 5)).contains("29189", "2965000", "27137");
        assertThat(geoids("saint louis county", 2)).containsExactlyInAnyOrder("29189", "27137");
        assertThat(geoids("St. Louis", 1)).containsExactly("29189");
        assertThat(geoids("saint clair county alabama", 1)).containsExactly("01115");
    }

    @Test
    void exactNamesAndLargerPlacesComeFirst() {
        assertThat(geoids("california", 1)).containsExactly("06");
        assertThat(geoids("new york", 3)).containsExactly("36", "3651000", "36061");
        assertThat(geoids("springfield", 3)).containsExactly("2970000", "2567000", "1772000");
    }

    @Test
    void theStateNarrowsASearch() {
        assertThat(geoids("springfield il", 1)).containsExactly("1772000");
        assertThat(geoids("springfield, Illinois", 1)).containsExactly("1772000");
        assertThat(geoids("portland me", 1)).containsExactly("2360545");
    }

    @Test
    void accentsFillerWordsAndTyposAreForgiven() {
        assertThat(geoids("dona ana", 1)).containsExactly("35013");
        assertThat(geoids("city of san jose", 1)).containsExactly("0668000");
        assertThat(geoids("sanat clara", 1)).containsExactly("06085");
        assertThat(geoids("santa clra county", 1)).containsExactly("06085");
        assertThat(geoids("philadelphai", 2)).containsExactlyInAnyOrder("42101", "4260000");
    }

    @Test
    void nothingMatchingGivesNothing() {
        assertThat(catalog.search("zzzqqqxx", 10)).isEmpty();
    }

    @Test
    void badQueriesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> catalog.search("", 10)).isInstanceOf(JurisdictionCatalog.InvalidSearchException.class)
                .hasMessageContaining("Type part of a name");
        assertThatThrownBy(() -> catalog.search("   ", 10)).isInstanceOf(JurisdictionCatalog.InvalidSearchException.class);
        assertThatThrownBy(() -> catalog.search("x".repeat(10_000), 10))
                .hasMessage("The search is 10,000 characters long; the limit is 100. Type part of a place name, for example \"santa clara\".");
        assertThatThrownBy(() -> catalog.search("santa", 0)).hasMessageContaining("between 1 and 50");
        assertThatThrownBy(() -> catalog.search("santa", 51)).hasMessageContaining("between 1 and 50");
        assertThat(catalog.search("x".repeat(100), 10)).isEmpty();
    }

    @Test
    void geoidShapeIsChecked() {
        assertThat(Jurisdiction.isWellFormedGeoid("06")).isTrue();
        assertThat(Jurisdiction.isWellFormedGeoid("06085")).isTrue();
        assertThat(Jurisdiction.isWellFormedGeoid("0668000")).isTrue();
        assertThat(Jurisdiction.isWellFormedGeoid("6085")).isFalse();
        assertThat(Jurisdiction.isWellFormedGeoid("06O85")).isFalse();
        assertThat(Jurisdiction.isWellFormedGeoid(null)).isFalse();
    }
}

package org.sanctuaryscorecard.federal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped federal documents: all nine of the corpus, every quote verbatim in its text, citations made of the
 * title's words, dates and statuses only where the sources state them, the two 287(g) agreements on real counties.
 */
@ScorecardWebTest
class FederalContextTest {

    static final String SHARING = "us-federal-8-usc-1373-1644-information-sharing";
    static final String EO_13993 = "us-federal-eo-13993-2021-revision-of-civil-immigration-enforcement-policies";
    static final String EO_14159 = "us-federal-eo-14159-2025-protecting-the-american-people-against-invasion";
    static final String FORM = "us-federal-dhs-form-i-247d-immigration-detainer-request-for-voluntary-action";
    static final String WASHINGTON = "us-federal-ice-287g-moa-2009-standard-washington-county-ar";
    static final String GALVESTON = "us-federal-ice-287g-moa-addendum-galveston-county-tx-2019";

    @Autowired
    FederalContext federal;

    @Autowired
    Framework framework;

    @Autowired
    JurisdictionCatalog jurisdictions;

    @Test
    void theManifestListsEveryFederalFileShippedAndEveryQuoteIsVerbatimInItsText() throws IOException, URISyntaxException {
        Path folder = Path.of(FederalContextTest.class.getClassLoader().getResource("federal/federal.yaml").toURI()).getParent();
        Set<String> shipped;
        try (Stream<Path> files = Files.list(folder)) {
            shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toSet());
        }
        assertThat(shipped).hasSize(9).allMatch(n -> n.startsWith("us-federal-"));
        assertThat(federal.all()).extracting(FederalDocument::id).containsExactlyInAnyOrderElementsOf(shipped);
        List<String> provisions = framework.provisions().stream().map(Framework.Provision::id).toList();
        int quotes = 0;
        for (FederalDocument d : federal.all()) {
            String text = federal.text(d.id()).orElseThrow();
            assertThat(text).as(d.id()).isEqualTo(read(folder.resolve(d.id() + ".txt")));
            assertThat(d.labels()).as(d.id()).extracting(FederalLabel::provision).containsExactlyElementsOf(provisions);
            for (FederalLabel l : d.bearsOn()) {
                assertThat(Set.of("protects", "limited", "contrary")).as(d.id()).contains(l.label());
                assertThat(oneSpace(text)).as("%s %s: quote verbatim", d.id(), l.provision()).contains(oneSpace(l.quote()));
                assertThat(text).as("%s %s: quote verbatim", d.id(), l.provision()).contains(l.quote());
                quotes++;
            }
            d.labels().stream().filter(FederalLabel::silent).forEach(l -> assertThat(l.quote()).as(d.id()).isNull());
            assertThat(d.title()).as(d.id()).isNotBlank();
            assertThat(d.sourceNote()).as(d.id()).isNotBlank();
            assertThat(d.completeness()).as(d.id()).isNotBlank();
        }
        // as many quotes as the corpus's labels files hold on these nine documents
        assertThat(quotes).isEqualTo(15);
        assertThat(federal.find(SHARING).orElseThrow().label("info-sharing").quote())
                .startsWith("a Federal, State, or local government entity or official may not prohibit");
        assertThat(federal.find(EO_13993).orElseThrow().bearsOn()).isEmpty();
    }

    @Test
    void citationsAreMadeOfTheTitlesWordsAndDatesOfWhatTheSourceStates() {
        for (FederalDocument d : federal.all()) {
            Set<String> titleWords = words(d.title());
            assertThat(words(d.citation())).as("%s: citation %s", d.id(), d.citation()).isSubsetOf(titleWords);
            if (d.enactedOn() != null) {
                assertThat(d.enactedNote()).as(d.id()).contains(d.enactedOn().toString());
            }
            if (d.endedOn() != null) {
                assertThat(d.enactedNote()).as(d.id()).contains(d.endedOn().toString());
            }
        }
        assertThat(federal.find(EO_13993).orElseThrow().enactedOn()).hasToString("2021-01-20");
        assertThat(federal.find(WASHINGTON).orElseThrow().enactedOn()).as("the source gives no full date").isNull();
        assertThat(federal.find(GALVESTON).orElseThrow().enactedOn()).as("the signature date is illegible").isNull();
    }

    @Test
    void aStatusClaimsNoMoreThanTheSourcesEstablish() {
        FederalDocument revoked = federal.find(EO_13993).orElseThrow();
        assertThat(revoked.status()).isEqualTo(FederalStatus.REVOKED);
        assertThat(revoked.statusQuotesIn()).isEqualTo(EO_14159);
        String revoking = federal.text(EO_14159).orElseThrow();
        assertThat(revoked.statusQuotes()).isNotEmpty().allMatch(revoking::contains);
        assertThat(revoking).contains("(a) Executive Order 13993 of January 20, 2021 (Revision of Civil Immigration Enforcement "
                + "Policies and Priorities),");
        FederalDocument form = federal.find(FORM).orElseThrow();
        assertThat(form.status()).isEqualTo(FederalStatus.RESCINDED);
        assertThat(form.title()).contains("rescinded effective April 2, 2017");
        assertThat(form.statusQuotes()).isNotEmpty().allMatch(form.title()::contains);
        assertThat(form.endedOn()).hasToString("2017-04-02");
        assertThat(form.binding()).isFalse();
        for (FederalDocument d : federal.all()) {
            if (d.status() != FederalStatus.UNVERIFIED) {
                assertThat(d.statusQuotes()).as("%s: a status other than unverified rests on quoted words", d.id()).isNotEmpty();
            }
            String source = d.statusQuotesIn() == null ? d.title() : federal.text(d.statusQuotesIn()).orElseThrow();
            d.statusQuotes().forEach(q -> assertThat(source).as(d.id()).contains(q));
            assertThat(d.statusNote()).as(d.id()).isNotBlank();
        }
    }

    @Test
    void theTwoAgreementsConcernRealCountiesNamedInTheirTitles() {
        Jurisdiction washington = county(WASHINGTON, "05143");
        assertThat(washington.name()).isEqualTo("Washington County");
        assertThat(washington.stateCode()).isEqualTo("AR");
        assertThat(federal.find(WASHINGTON).orElseThrow().title()).contains("Washington County Sheriff's Office (Arkansas)");
        Jurisdiction galveston = county(GALVESTON, "48167");
        assertThat(galveston.name()).isEqualTo("Galveston County");
        assertThat(galveston.stateCode()).isEqualTo("TX");
        assertThat(federal.find(GALVESTON).orElseThrow().title()).contains("Galveston County Sheriff's Office");
        assertThat(federal.all().stream().filter(FederalDocument::concernsOneCounty).map(FederalDocument::id))
                .containsExactlyInAnyOrder(WASHINGTON, GALVESTON);
    }

    @Test
    void anAgreementIsShownInItsCountyAndItsPlacesOnlyAndEverythingElseEverywhere() {
        assertThat(ids("48167")).contains(GALVESTON, SHARING, EO_13993).doesNotContain(WASHINGTON);
        assertThat(ids("4828068")).as("Galveston city lies in Galveston County").contains(GALVESTON).doesNotContain(WASHINGTON);
        assertThat(ids("48201")).as("Harris County").contains(SHARING).doesNotContain(GALVESTON, WASHINGTON);
        assertThat(ids("48")).as("Texas").hasSize(7).doesNotContain(GALVESTON, WASHINGTON);
        assertThat(ids("05143")).contains(WASHINGTON).doesNotContain(GALVESTON).hasSize(8);
    }

    private Jurisdiction county(String document, String geoid) {
        assertThat(federal.find(document).orElseThrow().county()).isEqualTo(geoid);
        Jurisdiction county = jurisdictions.find(geoid).orElseThrow();
        assertThat(county.kind()).isEqualTo(JurisdictionKind.COUNTY);
        return county;
    }

    private List<String> ids(String geoid) {
        return federal.forJurisdiction(jurisdictions.require(geoid)).stream().map(FederalDocument::id).toList();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split("[\\s;,]+")).map(w -> w.replaceAll("[()\\[\\]]", "").toLowerCase())
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    private static String oneSpace(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}

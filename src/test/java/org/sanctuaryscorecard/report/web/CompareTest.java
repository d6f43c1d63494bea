package org.sanctuaryscorecard.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.protection.EffectiveLabel;
import org.sanctuaryscorecard.protection.EffectiveProtections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ScorecardWebTest
class CompareTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    Organization organization;

    @BeforeEach
    void members() {
        organization = Members.standard(accounts);
    }

    private Document page(String query, int expectedStatus) throws Exception {
        String html = mvc.perform(get("/compare" + query)).andExpect(status().is(expectedStatus))
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void twoJurisdictionsSideBySideWithTheirSourcesAndNotAssessedApartFromNotMet() throws Exception {
        long harris = ReportFixtures.published(assessments, organization.id(), "48201", "Harris County compared", "2026-09-01",
                "The sheriff shall not hold a person on a detainer alone.");
        // a later draft of the same place, and a place with only a draft: neither may show
        ReportFixtures.draft(assessments, organization.id(), "48201", "Harris County secret draft", "2026-10-01", "DRAFT QUOTE ONE");
        ReportFixtures.draft(assessments, organization.id(), "53033", "King County secret draft", "2026-10-01", "DRAFT QUOTE TWO");

        Document page = page("?ids=48201,53033", 200);

        Element criteria = page.getElementById("compare-criteria");
        assertThat(criteria.selectFirst("caption").text()).startsWith("Criterion by criterion");
        assertThat(criteria.select("thead th[scope=col]")).hasSize(3);
        assertThat(criteria.select("thead th").get(1).text()).contains("Harris County").contains("48201");
        assertThat(criteria.select("thead th").get(2).text()).contains("King County").contains("No published assessment");
        assertThat(criteria.select("tbody tr")).hasSize(8);
        Element detainers = criteria.selectFirst("tbody tr");
        assertThat(detainers.selectFirst("th[scope=row]").text()).startsWith("1. ");
        Element harrisCell = detainers.select("td").get(0);
        assertThat(harrisCell.attr("headers")).isEqualTo("criteria-48201 row-" + detainers.selectFirst("th").id().substring(4));
        assertThat(harrisCell.selectFirst(".status").className()).contains("status-");
        assertThat(harrisCell.text()).contains("The sheriff shall not hold a person on a detainer alone.")
                .contains("Sheriff policy 428, Sec. 428.2");
        assertThat(harrisCell.selectFirst("a.compare-source-link").attr("href")).isEqualTo("https://example.org/policy-428");
        assertThat(harrisCell.select("a").eachAttr("href")).contains("/assessments/" + harris + "#criterion.detainers");
        Element kingCell = detainers.select("td").get(1);
        assertThat(kingCell.selectFirst(".not-assessed").text()).isEqualTo("Not assessed");
        assertThat(kingCell.select(".status")).isEmpty();

        Element provisions = page.getElementById("compare-provisions");
        assertThat(provisions.select("tbody tr")).hasSize(13);
        Element hold = provisions.select("tbody tr").stream()
                .filter(r -> r.selectFirst("th").id().equals("row-provision-detainer-hold")).findFirst().orElseThrow();
        assertThat(hold.select("td").get(0).selectFirst(".label-protects").text()).isEqualTo("Protects");
        assertThat(hold.select("td").get(0).text()).contains("(provision)").contains("Sec. 428.3");
        assertThat(hold.select("td").get(1).text()).isEqualTo("Not assessed");

        assertThat(page.html()).doesNotContain("DRAFT QUOTE").doesNotContain("secret draft");
    }

    @Autowired
    EffectiveProtections protections;

    @Test
    void eachProvisionCellShowsTheEffectiveProtectionWhereALawOnRecordReachesThePlace() throws Exception {
        // Kern County, California: California's statutes on record reach it; King County, Washington: none does
        Document page = page("?ids=06029,53033", 200);
        Element hold = page.getElementById("compare-provisions").select("tbody tr").stream()
                .filter(r -> r.selectFirst("th").id().equals("row-provision-interview-safeguards")).findFirst().orElseThrow();
        EffectiveLabel kern = protections.forJurisdiction("06029", java.time.LocalDate.now()).stream()
                .filter(l -> l.provision().equals("interview-safeguards")).findFirst().orElseThrow();
        assertThat(kern.source()).as("California's TRUTH Act governs interviews in Kern County's jail").isNotNull();
        Element kernCell = hold.select("td").get(0);
        assertThat(kernCell.selectFirst(".effective .label-" + kern.label())).isNotNull();
        assertThat(kernCell.selectFirst(".effective .hint").text()).isEqualTo(kern.explanation());
        assertThat(kernCell.text()).contains("Not assessed"); // no published assessment of its own
        assertThat(hold.select("td").get(1).select(".effective")).as("no policy on record reaches King County").isEmpty();
    }

    @Test
    void aLongQuoteIsShortenedAndSaysSo() throws Exception {
        ReportFixtures.published(assessments, organization.id(), "0477000", "Tucson compared", "2026-09-01",
                "word ".repeat(200) + "END-OF-QUOTE");
        Document page = page("?ids=0477000,48201", 200);
        String cell = page.getElementById("compare-criteria").selectFirst("tbody tr td").text();
        assertThat(cell).doesNotContain("END-OF-QUOTE").contains("quote shortened");
    }

    @Test
    void fiveJurisdictionsFromTheShippedExamples() throws Exception {
        Document page = page("?ids=06,06075,11,12,1714000", 200);
        Element criteria = page.getElementById("compare-criteria");
        assertThat(criteria.select("thead th[scope=col]")).hasSize(6);
        assertThat(criteria.select("thead .not-assessed")).isEmpty();
        assertThat(criteria.select("tbody tr").get(0).select("td")).hasSize(5);
        assertThat(page.select("blockquote")).isNotEmpty();
        assertThat(page.select(".badge-example")).hasSize(10);
    }

    @Test
    void wrongChoicesGetClearMessagesAndTheForm() throws Exception {
        assertThat(page("?ids=06", 400).selectFirst("[role=alert]").text()).contains("Choose at least 2 jurisdictions");
        assertThat(page("?ids=06,41,12,11,17,36", 400).selectFirst("[role=alert]").text())
                .contains("You chose 6 jurisdictions; at most 5");
        assertThat(page("?ids=06,99999", 400).selectFirst("[role=alert]").text()).contains("\u201c99999\u201d is not the Census GEOID");
        assertThat(page("?ids=06,<b>x</b>", 400).selectFirst("[role=alert]").text()).contains("\u201c<b>x</b>\u201d is not");
        assertThat(page("?ids=06,06", 400).selectFirst("[role=alert]").text()).contains("California (06) is chosen more than once");
        assertThat(page("?ids=" + "0".repeat(200), 400).selectFirst("[role=alert]").text()).contains("too long");
        Document error = page("?ids=06", 400);
        assertThat(error.getElementById("compare-criteria")).isNull();
        assertThat(error.getElementById("compare-id-1").val()).isEqualTo("06");

        Document empty = page("", 200);
        assertThat(empty.select("[role=alert]")).isEmpty();
        assertThat(empty.select("input[name=ids]")).hasSize(5);
        assertThat(empty.select("label[for=compare-id-1]")).hasSize(1);
    }
}

package org.sanctuaryscorecard.federal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.federal.FederalContext;
import org.sanctuaryscorecard.federal.FederalDocument;
import org.sanctuaryscorecard.federal.FederalLabel;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Federal law on the jurisdiction pages, its own pages and the API: shown as context beside the effective protection,
 * never changing it; a 287(g) agreement only where its county is.
 */
@ScorecardWebTest
class FederalWebTest {

    static final String SHARING = "us-federal-8-usc-1373-1644-information-sharing";
    static final String GALVESTON = "us-federal-ice-287g-moa-addendum-galveston-county-tx-2019";
    static final String WASHINGTON = "us-federal-ice-287g-moa-2009-standard-washington-county-ar";

    @Autowired
    MockMvc mvc;

    @Autowired
    FederalContext federal;

    @Autowired
    JurisdictionCatalog jurisdictions;

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aCaliforniaCountysPageShowsFederalLawAfterItsEffectiveProtectionWithTheQuotes() throws Exception {
        String html = page("/jurisdictions/06085");
        int protection = html.indexOf("id=\"protection-heading\"");
        int section = html.indexOf("<h2 id=\"federal-heading\">Federal law (context)</h2>");
        assertThat(protection).isPositive();
        assertThat(section).as("just after the effective protection").isGreaterThan(protection);
        assertThat(html.indexOf("<h2", protection + 1)).as("no other section between them").isEqualTo(section);
        String part = html.substring(section);
        assertThat(part).contains("They do not change the effective protection of Santa Clara County shown above")
                .contains("cannot commandeer state or local police")
                .contains("<h3 id=\"federal-" + SHARING + "\">8 U.S.C. § 1373; 8 U.S.C. § 1644</h3>")
                .contains(HtmlUtils.htmlEscape(federal.find(SHARING).orElseThrow().label("info-sharing").quote()))
                .contains("href=\"/federal/" + SHARING + "\">Read the full text of 8 U.S.C. § 1373; 8 U.S.C. § 1644</a>")
                .contains("<h3 id=\"federal-us-federal-eo-13993-2021-revision-of-civil-immigration-enforcement-policies\">Executive Order 13993</h3>")
                .contains("Its labels are silent on all thirteen provisions; it is listed as context.")
                .contains("<strong>Revoked</strong>")
                .contains("<strong>Rescinded</strong>")
                .contains("1996-09-30 (§ 1373, Pub. L. 104-208, div. C); 1996-08-22 (§ 1644, Pub. L. 104-193)")
                .doesNotContain(GALVESTON).doesNotContain(WASHINGTON);
        assertThat(part.split("<article ", -1)).hasSize(8);
    }

    @Test
    void galvestonCountyAndItsCityShowTheirAgreementAndOtherCountiesDoNot() throws Exception {
        for (String geoid : List.of("48167", "4828068")) {
            String html = page("/jurisdictions/" + geoid);
            assertThat(html).as(geoid).contains("href=\"/federal/" + GALVESTON + "\"")
                    .contains("An agreement between ICE and the county’s sheriff’s office, recorded in the corpus as federal.")
                    .contains(HtmlUtils.htmlEscape(federal.find(GALVESTON).orElseThrow().label("287g").quote()))
                    .doesNotContain(WASHINGTON);
        }
        String harris = page("/jurisdictions/48201");
        assertThat(harris).contains("href=\"/federal/" + SHARING + "\"").doesNotContain(GALVESTON).doesNotContain(WASHINGTON)
                .doesNotContain("An agreement between ICE and the county’s sheriff’s office");
        assertThat(page("/jurisdictions/05143")).contains("href=\"/federal/" + WASHINGTON + "\"").doesNotContain(GALVESTON);
    }

    @Test
    void theEffectiveProtectionIsUnchangedByFederalDocumentsThatAreContrary() throws Exception {
        // Washington County, Arkansas: no state or local policy on record, while its 287(g) agreement and 8 U.S.C. § 1373
        // are contrary; the effective labels stay silent on every provision
        List<FederalDocument> there = federal.forJurisdiction(jurisdictions.require("05143"));
        assertThat(there.stream().flatMap(d -> d.bearsOn().stream()).filter(l -> l.label().equals("contrary"))
                .map(FederalLabel::provision)).contains("287g", "info-sharing", "status-inquiry", "local-resources");
        mvc.perform(get("/api/jurisdictions/05143/protection").param("asOf", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.labels", hasSize(13)))
                .andExpect(jsonPath("$.labels[?(@.label != 'silent')]", hasSize(0)))
                .andExpect(jsonPath("$.labels[?(@.provision == '287g')].source").doesNotExist())
                .andExpect(jsonPath("$.labels[?(@.provision == '287g')].explanation").value(contains(
                        "silent: no policy in force on this date, here or in the governments above, addresses it.")));
        mvc.perform(get("/api/protection").param("level", "county").param("asOf", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdictions['05143'][?(@.label != 'silent')]", hasSize(0)))
                .andExpect(jsonPath("$.jurisdictions['48167'][?(@.provision == '287g')].label").value(contains("silent")));
    }

    @Test
    void aDocumentsPageShowsItsTextSourceAndCompleteness() throws Exception {
        String html = page("/federal/" + GALVESTON);
        FederalDocument d = federal.find(GALVESTON).orElseThrow();
        assertThat(html).contains("<h1>Galveston County Sheriff&#39;s Office 287(g) MOA Addendum</h1>")
                .contains(HtmlUtils.htmlEscape(d.completeness()))
                .contains("href=\"https://cupdf.com/document/f-amp19-tt.html\"")
                .contains(HtmlUtils.htmlEscape("The phrase \"June 30, 2019\" is hereby replaced with \"June 30, 2020\"."))
                .contains("href=\"/jurisdictions/48167\">Galveston County</a>")
                .contains("Federal law is context, not a layer");
        String form = page("/federal/us-federal-dhs-form-i-247d-immigration-detainer-request-for-voluntary-action");
        assertThat(form).contains("<strong>Rescinded</strong>").contains("2017-04-02").contains("no: a request, not an order")
                .contains("IMMIGRATION DETAINER – REQUEST FOR VOLUNTARY ACTION");
        mvc.perform(get("/federal/no-such-document")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no federal document with this id.")));
    }

    @Test
    void theApiListsTheDocumentsWithoutTextsAndGivesOneWithItsTextUnderBothPaths() throws Exception {
        for (String base : List.of("/api/federal", "/api/v1/federal")) {
            mvc.perform(get(base)).andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(9)))
                    .andExpect(jsonPath("$[0].text").doesNotExist())
                    .andExpect(jsonPath("$[?(@.id == '" + SHARING + "')].citation").value(contains("8 U.S.C. § 1373; 8 U.S.C. § 1644")))
                    .andExpect(jsonPath("$[?(@.id == '" + GALVESTON + "')].county").value(contains("48167")))
                    .andExpect(jsonPath("$[?(@.id == 'us-federal-eo-13993-2021-revision-of-civil-immigration-enforcement-policies')].status")
                            .value(contains("revoked")));
            mvc.perform(get(base + "/" + SHARING)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.document.id").value(SHARING))
                    .andExpect(jsonPath("$.document.labels", hasSize(13)))
                    .andExpect(jsonPath("$.document.labels[?(@.provision == 'info-sharing')].label").value(contains("contrary")))
                    .andExpect(jsonPath("$.text").value(containsString("§ 1644. Communication between State and local government agencies")));
            mvc.perform(get(base + "/nope")).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.path").value(base + "/nope"))
                    .andExpect(jsonPath("$.message").value(containsString("There is no federal document with this id.")))
                    .andExpect(jsonPath("$.trace").doesNotExist());
            mvc.perform(get(base + "/{id}", "<script>alert(1)<script>\"" + "x".repeat(3000))).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.message").value("There is no federal document with this id. The list of federal "
                            + "documents, with their ids, is at /api/federal."));
        }
        assertThat(page("/api/v1/federal")).isEqualTo(page("/api/federal"));
        assertThat(page("/api/docs.json")).contains("\"/api/v1/federal\"", "\"/api/v1/federal/{federalId}\"");
    }

    @Test
    void theSectionHeadingComesFromTheMessages() throws Exception {
        mvc.perform(get("/jurisdictions/06085").header(HttpHeaders.ACCEPT_LANGUAGE, "zz"))
                .andExpect(content().string(containsString("<h2 id=\"federal-heading\">ZZ-federal-law</h2>")));
    }
}

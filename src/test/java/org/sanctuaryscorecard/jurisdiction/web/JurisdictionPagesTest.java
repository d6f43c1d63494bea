package org.sanctuaryscorecard.jurisdiction.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ScorecardWebTest
class JurisdictionPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aCountyPageShowsItsStateItsPlacesAndNoAssessmentYet() throws Exception {
        mvc.perform(get("/jurisdictions/06085"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Santa Clara County</h1>")))
                .andExpect(content().string(containsString("County in California")))
                .andExpect(content().string(containsString("1,903,297")))
                .andExpect(content().string(containsString("<a href=\"/jurisdictions/06\">California</a>")))
                .andExpect(content().string(containsString("<a href=\"/jurisdictions/0668000\">San Jose city</a>")))
                .andExpect(content().string(containsString("No assessment of Santa Clara County has been recorded yet.")));
    }

    @Test
    void aPlacePageNamesItsCountyAndState() throws Exception {
        mvc.perform(get("/jurisdictions/0668000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>San Jose city</h1>")))
                .andExpect(content().string(containsString("City in California")))
                .andExpect(content().string(containsString("<a href=\"/jurisdictions/06085\">Santa Clara County</a>")));
    }

    @Test
    void aCensusDesignatedPlaceSaysItIsUnincorporatedAndNamesItsCounty() throws Exception {
        mvc.perform(get("/jurisdictions/0611978"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is a census-designated place")))
                .andExpect(content().string(containsString("It is not incorporated, so it has no city or town government of its own.")))
                .andExpect(content().string(containsString("It is governed by the county it lies in (Monterey County)")));
    }

    @Test
    void anInferredCountySaysSo() throws Exception {
        mvc.perform(get("/jurisdictions/1836003"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/jurisdictions/18097\">Marion County</a>")))
                .andExpect(content().string(containsString("Inferred by this application")));
        mvc.perform(get("/jurisdictions/0668000"))
                .andExpect(content().string(not(containsString("Inferred by this application"))));
    }

    @Test
    void aConnecticutPlanningRegionExplainsThatThereIsNoCountyGovernment() throws Exception {
        mvc.perform(get("/jurisdictions/09110"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Planning Region (county-equivalent) in Connecticut")))
                .andExpect(content().string(containsString("Connecticut has had no county government since 1960.")));
    }

    @Test
    void aStatePageListsItsCountiesInPages() throws Exception {
        mvc.perform(get("/jurisdictions/48"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Texas</h1>")))
                .andExpect(content().string(containsString("Showing 1–50 of 254.")))
                .andExpect(content().string(containsString("Page 1 of 6")))
                .andExpect(content().string(containsString("href=\"/jurisdictions/48?page=2\"")));
        mvc.perform(get("/jurisdictions/48").param("page", "6"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Showing 251–254 of 254.")));
    }

    @Test
    void aPageBeyondTheListIsExplained() throws Exception {
        mvc.perform(get("/jurisdictions/48").param("page", "7"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no page 7 of this list; pages run from 1 to 6.")));
        mvc.perform(get("/jurisdictions/48").param("page", "two"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The parameter &#39;page&#39; must be a whole number")));
    }

    @Test
    void anUnknownOrMalformedGeoidGetsAClearPage() throws Exception {
        mvc.perform(get("/jurisdictions/99999"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No jurisdiction has the GEOID 99999.")));
        mvc.perform(get("/jurisdictions/santa-clara"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a GEOID")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void searchResultsArePagesToo() throws Exception {
        mvc.perform(get("/jurisdictions").param("q", "st louis"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Places matching “st louis”")))
                .andExpect(content().string(containsString("<a href=\"/jurisdictions/29189\">St. Louis County</a>")));
        mvc.perform(get("/jurisdictions"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Find a city, county or state")));
        mvc.perform(get("/jurisdictions").param("q", "zzzqqqxx"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No place matches “zzzqqqxx”.")));
        mvc.perform(get("/jurisdictions").param("q", "x".repeat(10_000)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The search is 10,000 characters long; the limit is 100.")));
    }

    @Test
    void suggestionsAreAFragmentOfLinks() throws Exception {
        mvc.perform(get("/jurisdictions/suggest").param("q", "santa cl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/jurisdictions/06085\">")))
                .andExpect(content().string(containsString("Santa Clara County, California")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/jurisdictions/suggest").param("q", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<li"))));
        mvc.perform(get("/jurisdictions/suggest").param("q", "x".repeat(10_000)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("That is longer than any place name.")));
        mvc.perform(get("/jurisdictions/suggest").param("q", "zzzqqqxx"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No place matches.")));
    }

    @Test
    void userTextIsEscaped() throws Exception {
        mvc.perform(get("/jurisdictions").param("q", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }
}

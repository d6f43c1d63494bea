package org.sanctuaryscorecard.reference;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The shipped lists as facts: on county and place pages, on /reference, and in the API. */
@ScorecardWebTest
class ReferencePagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aCountyPageStatesItsSheriffs287gAgreementWithDateAndSource() throws Exception {
        mvc.perform(get("/jurisdictions/01033"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Facts from public lists")))
                .andExpect(content().string(containsString("ICE listed a Task Force Model 287(g) agreement signed 2025-07-02"
                        + " with the Colbert County Sheriff&#39;s Office (ICE list of 2025-07-18)")));
    }

    @Test
    void aPlaceInTheCountyShowsTheCountysFactsAsInTheCounty() throws Exception {
        // Muscle Shoals city, AL lies in Colbert County
        mvc.perform(get("/jurisdictions/0153016"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("In Colbert County: ICE listed a Task Force Model 287(g) agreement")));
    }

    @Test
    void aMunicipalAgencyWithoutCountyIsMatchedToItsPlaceByName() throws Exception {
        // "Mesa Police Department", ICE's county #N/A: Mesa city, AZ is the only place of that name in Arizona
        mvc.perform(get("/api/jurisdictions/0446000/facts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facts[?(@.agency == 'Mesa Police Department')].match").value("place-name"))
                .andExpect(jsonPath("$.facts[?(@.agency == 'Mesa Police Department')].kind").value("287g"));
    }

    @Test
    void theDhsListIsShownAsWithdrawnAndTheDojListAsItsOwnList() throws Exception {
        mvc.perform(get("/jurisdictions/06"))
                .andExpect(content().string(containsString("published 2025-05-29 and withdrawn within days (DHS list of 2025-05-29)")))
                .andExpect(content().string(containsString("in its sanctuary jurisdiction list under Executive Order 14287"
                        + " (DOJ list of 2025-08-05)")));
    }

    @Test
    void referencePageListsEveryListWithItsProvenanceAndCounts() throws Exception {
        mvc.perform(get("/reference"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ICE 287(g) participating agencies, list of 2025-07-18")))
                .andExpect(content().string(containsString("migration V8.1: shipped with the application")))
                .andExpect(content().string(containsString("withdrawn within days")))
                .andExpect(content().string(containsString("1946c799ae59af836cbc5b0b5c063237546f9a86")));
    }

    @Test
    void aListPageShowsItsUnmatchedRowsWithTheReason() throws Exception {
        mvc.perform(get("/reference/287g"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rows not matched to a jurisdiction")))
                .andExpect(content().string(containsString("Albemarle District Jail")));
        mvc.perform(get("/reference/no-such-list")).andExpect(status().isNotFound());
        mvc.perform(get("/reference/999999")).andExpect(status().isNotFound());
        mvc.perform(get("/reference/287g").param("page", "99")).andExpect(status().isBadRequest());
    }

    @Test
    void theListsApiGivesProvenance() throws Exception {
        mvc.perform(get("/api/reference/lists"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == '287g')].listDate").value("2025-07-18"))
                .andExpect(jsonPath("$[?(@.kind == '287g')].rows").value(832))
                .andExpect(jsonPath("$[?(@.kind == '287g')].origin").value("shipped"));
    }

    @Test
    void factsApiOfAnUnknownGeoidIs404AndOfABadOne400() throws Exception {
        mvc.perform(get("/api/jurisdictions/99999/facts")).andExpect(status().isNotFound());
        mvc.perform(get("/api/jurisdictions/abc/facts")).andExpect(status().isBadRequest());
        mvc.perform(get("/jurisdictions/06085")).andExpect(content().string(not(containsString("ICE listed a"))));
    }
}

package org.sanctuaryscorecard.jurisdiction.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ScorecardWebTest
class JurisdictionApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void searchListsSantaClaraCountyFirst() throws Exception {
        mvc.perform(get("/api/jurisdictions").param("q", "santa clara"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$", hasSize(lessThanOrEqualTo(10))))
                .andExpect(jsonPath("$[0].geoid").value("06085"))
                .andExpect(jsonPath("$[0].name").value("Santa Clara County"))
                .andExpect(jsonPath("$[0].kind").value("county"))
                .andExpect(jsonPath("$[0].state").value("CA"))
                .andExpect(jsonPath("$[0].population").value(1903297));
    }

    @Test
    void searchHonoursTheLimit() throws Exception {
        mvc.perform(get("/api/jurisdictions").param("q", "springfield").param("limit", "3"))
                .andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(get("/api/jurisdictions").param("q", "zzzqqqxx"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void oneJurisdictionComesWithItsParents() throws Exception {
        mvc.perform(get("/api/jurisdictions/0668000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("San Jose city"))
                .andExpect(jsonPath("$.kind").value("incorporated-place"))
                .andExpect(jsonPath("$.government").value(true))
                .andExpect(jsonPath("$.parents[0].geoid").value("06085"))
                .andExpect(jsonPath("$.parents[1].geoid").value("06"))
                .andExpect(jsonPath("$.countiesInferred").value(false));
        mvc.perform(get("/api/jurisdictions/06"))
                .andExpect(jsonPath("$.parents", hasSize(0)))
                .andExpect(jsonPath("$.children").value(58));
    }

    @Test
    void anUnknownGeoidIs404WithAJsonMessage() throws Exception {
        mvc.perform(get("/api/jurisdictions/99999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.error").value("Not Found"))
                .andExpect(jsonPath("$.message").value(containsString("No jurisdiction has the GEOID 99999.")))
                .andExpect(jsonPath("$.path").value("/api/jurisdictions/99999"));
    }

    @Test
    void badParametersAre400WithAMessage() throws Exception {
        mvc.perform(get("/api/jurisdictions/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("'abc' is not a GEOID")));
        mvc.perform(get("/api/jurisdictions"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("Type part of a name")));
        mvc.perform(get("/api/jurisdictions").param("q", " "))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/jurisdictions").param("q", "x".repeat(10_000)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("the limit is 100")));
        mvc.perform(get("/api/jurisdictions").param("q", "santa").param("limit", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The parameter 'limit' must be a whole number; it was 'abc'."));
        mvc.perform(get("/api/jurisdictions").param("q", "santa").param("limit", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The number of results must be between 1 and 50."));
    }
}

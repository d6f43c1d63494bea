package org.sanctuaryscorecard.nationalmap.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The map page and its table twin, which works without JavaScript. */
@ScorecardWebTest
class MapPageTest {

    @Autowired
    MockMvc mvc;

    Document page(String query) throws Exception {
        String html = mvc.perform(get("/map" + query)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void theTableTwinListsEveryStateAndTheCountiesOfTheChosenState() throws Exception {
        Document doc = page("?layer=criteria-met&level=county&asOf=2025-01-01&state=06");
        assertThat(doc.select("h1")).hasSize(1);
        Element states = doc.select("table.map-table").get(0);
        assertThat(states.select("caption").text()).isEqualTo("Criteria met (summary): states, as of 2025-01-01");
        assertThat(states.select("thead th[scope=col]")).hasSize(3);
        assertThat(states.select("tbody tr")).hasSizeGreaterThanOrEqualTo(56);
        Element california = states.selectFirst("tbody tr:has(a[href=/jurisdictions/06])");
        assertThat(california.select("th[scope=row]").text()).isEqualTo("California");
        assertThat(california.select("td").get(0).text()).isNotEqualTo("Not assessed");
        assertThat(california.select("td a").attr("href")).startsWith("/assessments/");
        Element texas = states.selectFirst("tbody tr:has(a[href=/jurisdictions/48])");
        assertThat(texas.select("td").get(0).text()).isEqualTo("Not assessed");
        assertThat(texas.select("td").get(1).text()).isEqualTo("Nothing on record for this layer as of this date.");

        Element counties = doc.select("table.map-table").get(1);
        assertThat(doc.select("#map-counties-title").text()).isEqualTo("Counties of California");
        assertThat(counties.select("tbody tr")).hasSize(58);
        Element sf = counties.selectFirst("tbody tr:has(a[href=/jurisdictions/06075])");
        assertThat(sf.select("td").get(1).text()).isNotEqualTo("Not assessed");
        assertThat(sf.select("td").get(2).text()).contains("City and County of San Francisco");
        Element alameda = counties.selectFirst("tbody tr:has(a[href=/jurisdictions/06001])");
        assertThat(alameda.select("td").get(1).text()).isEqualTo("Not assessed");
    }

    @Test
    void theFormThePermalinkAndTheLegendWorkWithoutJavaScript() throws Exception {
        Document doc = page("?layer=criteria-met&level=county&asOf=2025-01-01");
        assertThat(doc.select("form#map-form").attr("method")).isEqualTo("get");
        assertThat(doc.select("form#map-form input[name=_csrf]")).isEmpty();
        assertThat(doc.select("#map-layer option[selected]").attr("value")).isEqualTo("criteria-met");
        assertThat(doc.select("#map-layer option")).hasSizeGreaterThan(5);
        assertThat(doc.select("#map-asof").attr("value")).isEqualTo("2025-01-01");
        assertThat(doc.select("#map-permalink").attr("href")).isEqualTo("/map?layer=criteria-met&level=county&asOf=2025-01-01");
        assertThat(doc.select("#national-map").attr("data-api")).isEqualTo("/api/map?layer=criteria-met&level=county&asOf=2025-01-01");
        // the legend says each category in words, with the count, and "not assessed" has its own hatched pattern
        assertThat(doc.select("#map-legend li")).hasSize(5);
        assertThat(doc.select("#map-legend li[data-category=not-assessed]").text()).startsWith("Not assessed (");
        assertThat(doc.select("#map-fill-4 path")).hasSize(1);
        assertThat(doc.select("#map-fill-2 path, #map-fill-2 circle")).isEmpty();
        assertThat(doc.select("#map-fill-1 circle")).hasSize(1);
        // without a state, the county table lists the counties with data: San Francisco
        assertThat(doc.select("table.map-table").get(1).select("a[href=/jurisdictions/06075]")).hasSize(1);
        // no inline script, no style attribute
        assertThat(doc.select("script:not([src])")).isEmpty();
        assertThat(doc.select("[style]")).isEmpty();
        assertThat(doc.select("nav a[href=/map]")).hasSize(1);
    }

    @Test
    void theStateLevelHasNoCountyTableAndBadParametersGetAPageWithTheMessage() throws Exception {
        Document doc = page("?level=state");
        assertThat(doc.select("table.map-table")).hasSize(1);
        mvc.perform(get("/map").param("state", "99"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not the GEOID of a state")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/map").param("asOf", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a date")));
    }

    @Test
    void theVendoredFilesAreServedWithTheirLicencesAndLongCacheHeaders() throws Exception {
        mvc.perform(get("/vendor/us-atlas-2023/counties-albers-10m.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=2592000")));
        mvc.perform(get("/vendor/topojson-client/dist/topojson-client.min.js")).andExpect(status().isOk());
        mvc.perform(get("/vendor/topojson-client/LICENSE")).andExpect(status().isOk());
        mvc.perform(get("/webjars/d3/dist/d3.min.js")).andExpect(status().isOk());
    }
}

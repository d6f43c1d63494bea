package org.sanctuaryscorecard.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ScorecardWebTest
class WebShellTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theHomePageExplainsTheSystemAndOffersSearch() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("<h1>Sanctuary Scorecard</h1>")))
                .andExpect(content().string(containsString("Check the eight criteria.")))
                .andExpect(content().string(containsString("<label for=\"jurisdiction-search\">Find a city, county or state</label>")))
                .andExpect(content().string(containsString("hx-get=\"/jurisdictions/suggest\"")))
                .andExpect(content().string(containsString("<main id=\"main\"")))
                .andExpect(content().string(containsString("<a class=\"skip-link\" href=\"#main\"")))
                .andExpect(content().string(containsString("<nav aria-label=\"Main\">")))
                .andExpect(content().string(containsString("<footer")))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
    }

    @Test
    void everyPageCarriesStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void pagesHaveNoInlineScriptAndLoadOnlyTheirOwnAssets() throws Exception {
        String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(html)
                .doesNotContain("<script>", "onclick=", "http://", "https://")
                .containsPattern("<script src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\" defer></script>")
                .contains("<script src=\"/js/typeahead.js\" defer></script>", "<link rel=\"stylesheet\" href=\"/css/scorecard.css\">");
    }

    @Test
    void theAssetsAreServedByTheApplication() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/js/typeahead.js")).andExpect(status().isOk());
        mvc.perform(get("/css/scorecard.css")).andExpect(status().isOk())
                .andExpect(content().string(containsString("--focus")));
    }

    @Test
    void anUnknownPageGetsAClearPageWithoutAStackTrace() throws Exception {
        mvc.perform(get("/no/such/page"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("There is nothing at this address.")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void anUnknownApiAddressAnswersInJson() throws Exception {
        mvc.perform(get("/api/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.message").value(containsString("There is nothing at this address.")));
    }

    @Test
    void aWrongMethodIsExplained() throws Exception {
        mvc.perform(post("/api/framework").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("someone")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.message").value("This address does not accept POST requests."));
    }

    @Test
    void theHealthEndpointIsUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}

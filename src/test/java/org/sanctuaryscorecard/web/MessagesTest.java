package org.sanctuaryscorecard.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** Error messages and the page language come from messages*.properties in the reader's language. */
@ScorecardWebTest
class MessagesTest {

    private static final Locale PSEUDO = Locale.forLanguageTag("zz");

    @Autowired
    MockMvc mvc;

    @Test
    void errorMessagesAreTranslated() throws Exception {
        mvc.perform(get("/api/jurisdictions/99999").locale(PSEUDO).header(HttpHeaders.ACCEPT_LANGUAGE, "zz"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("ZZ-unknown-geoid 99999"));
        mvc.perform(get("/jurisdictions").param("q", "x".repeat(150)).header(HttpHeaders.ACCEPT_LANGUAGE, "zz"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ZZ-too-long 150/100")));
    }

    @Test
    void thePageDeclaresTheLanguageOfItsText() throws Exception {
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "zz"))
                .andExpect(content().string(containsString("<html lang=\"zz\">")));
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "es"))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
    }

    @Test
    void untranslatedMessagesFallBackToEnglish() throws Exception {
        mvc.perform(get("/api/jurisdictions/abc").header(HttpHeaders.ACCEPT_LANGUAGE, "zz"))
                .andExpect(jsonPath("$.message").value(containsString("'abc' is not a GEOID.")));
    }
}

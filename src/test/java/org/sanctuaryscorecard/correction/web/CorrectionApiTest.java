package org.sanctuaryscorecard.correction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.from;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.json;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.newAddress;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.correction.CorrectionFixtures;
import org.sanctuaryscorecard.correction.CorrectionRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code POST /api/corrections/assessments/{id}}: JSON without a CSRF token, the same checks and limits as the form. */
@ScorecardWebTest
class CorrectionApiTest extends CorrectionWebTests {

    static MockHttpServletRequestBuilder send(long id, String address, String body) {
        return post("/api/corrections/assessments/" + id).with(from(address)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void aToolSendsARequestAsJsonWithoutAnAccountOrAToken() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();

        mvc.perform(send(id, address, json(null, null)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("received"))
                .andExpect(jsonPath("$.assessment").value(id))
                .andExpect(jsonPath("$.message").value("Received. The reviewers of Test Coalition will read the request; it is not published."))
                .andExpect(jsonPath("$.id").doesNotExist());

        CorrectionRequest stored = storedFrom(address).get(0);
        long requestId = stored.id();
        assertThat(stored.name()).isEqualTo("Dana Official");
        assertThat(stored.link()).isEqualTo("https://example.gov/resolution-2025-31");
        assertThat(stored.file()).isNull();
        AuditEvent arrival = audit.forTarget("correction", String.valueOf(requestId)).get(0);
        assertThat(arrival.actorName()).isEqualTo("anonymous");
        assertThat(arrival.origin()).isEqualTo(address);
    }

    static Stream<Arguments> badJson() {
        return Stream.of(
                Arguments.of(json("name", null), 400, "Your name is required."),
                Arguments.of(json("part", "criterion.nope"), 400, "“criterion.nope” is not a part of this scorecard."),
                Arguments.of(json("whatIsWrong", "x".repeat(5001)), 400, "“What is wrong” is 5,001 characters long; the limit is 5,000."),
                Arguments.of(json("email", "nobody"), 400, "“nobody” is not an email address."),
                Arguments.of(json("link", "ftp://example.org/x"), 400, "The link must be a web address starting with http:// or https://"),
                Arguments.of(json("citation", null).replace(",\"link\":\"https://example.gov/resolution-2025-31\"", ""), 400,
                        "Give your evidence: a citation, a link to the source, or a file."),
                Arguments.of(json("file", "c2VjcmV0"), 400, "The body is not the JSON of a correction request: Unrecognized property"),
                Arguments.of("{\"name\": ", 400, "The body is not the JSON of a correction request"),
                Arguments.of("[1, 2]", 400, "The body is not the JSON of a correction request"),
                Arguments.of("null", 400, "Send a JSON object with name, part, whatIsWrong"),
                Arguments.of(json("whatIsWrong", "x".repeat(600_000)), 413, "The body is larger than 512 KB."));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badJson")
    void badJsonGetsItsMessageAndNothingIsStored(String body, int status, String message) throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        mvc.perform(send(id, address, body))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.message").value(containsString(message)))
                .andExpect(jsonPath("$.path").value("/api/corrections/assessments/" + id));
        assertThat(storedFrom(address)).isEmpty();
    }

    @Test
    void onlyAPublishedScorecardTakesARequest() throws Exception {
        long draft = CorrectionFixtures.draft(assessments, organization.id());
        String address = newAddress();
        mvc.perform(send(draft, address, json(null, null)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("There is no published scorecard number " + draft
                        + ". Only published scorecards take correction requests; check the link."));
        mvc.perform(send(987654321, address, json(null, null))).andExpect(status().isNotFound());
        mvc.perform(post("/api/corrections/assessments/abc").contentType(MediaType.APPLICATION_JSON).content(json(null, null)))
                .andExpect(status().isBadRequest());
        assertThat(storedFrom(address)).isEmpty();
    }

    @Test
    void aFormSentToTheApiIsRefusedWithoutItsToken() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        mvc.perform(post("/api/corrections/assessments/" + id).with(from(address)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", "x"))
                .andExpect(status().isForbidden());
        assertThat(storedFrom(address)).isEmpty();
    }
}

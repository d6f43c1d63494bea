package org.sanctuaryscorecard.analysis.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/analyze: a file or JSON text in, the label-file JSON out, for tools without a CSRF token. */
@ScorecardWebTest
class AnalyzeApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AnalysisGate gate;

    private final JsonMapper json = JsonMapper.builder().build();

    private String body(String name, String text) {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        body.put("text", text);
        return json.writeValueAsString(body);
    }

    @Test
    void aFileSentAsMultipartWithoutATokenGetsTheLabels() throws Exception {
        mvc.perform(multipart("/api/analyze").file(new MockMultipartFile("file", "ordinance.docx",
                        AnalyzePagesTest.DOCX, Ordinances.docx())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.document").value("ordinance.docx"))
                .andExpect(jsonPath("$.binding").value(true))
                .andExpect(jsonPath("$.labels.detainer-hold.label").value("limited"))
                .andExpect(jsonPath("$.labels.detainer-hold.rule").value("limited-criminal"))
                .andExpect(jsonPath("$.labels.jail-access.label").value("protects"))
                .andExpect(jsonPath("$.labels.jail-access.evidence")
                        .value("The City shall not permit ICE agents to access City jails for the purpose of investigative interviews."))
                .andExpect(jsonPath("$.labels.info-sharing.label").value("silent"))
                .andExpect(jsonPath("$.labels.*", hasSize(13)))
                .andExpect(jsonPath("$.flags[0].kind").value("criminal-carve-out"));
    }

    @Test
    void jsonTextWithoutATokenGetsTheLabels() throws Exception {
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(body("SB 54 2019/20", "SENATE BILL 54\n" + Ordinances.TEXT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.document").value("SB 54 2019/20"))
                .andExpect(jsonPath("$.binding").value(false))
                .andExpect(jsonPath("$.binding_reason").value("a bill, not an enacted law"))
                .andExpect(jsonPath("$.labels.287g.label").value("protects"));
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(body(null, Ordinances.TEXT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.document").value("pasted text"));
    }

    @Test
    void unreadableInputIs422WithTheExtractorsMessage() throws Exception {
        mvc.perform(multipart("/api/analyze").file(new MockMultipartFile("file", "scan.pdf", "application/pdf", Ordinances.scannedPdf())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.error").value("Unprocessable Content"))
                .andExpect(jsonPath("$.message").value(startsWith("“scan.pdf” has one page but no text layer")))
                .andExpect(jsonPath("$.path").value("/api/analyze"));
        mvc.perform(multipart("/api/analyze").file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0])))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(startsWith("“empty.txt” is empty")));
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(body("n", " ")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("There is no text to analyze in “n”. Paste the document’s text, or upload the document itself."));
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(body("n", "x".repeat(2_000_001))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(startsWith("The text of “n” is 2,000,001 characters long; the limit is 2,000,000.")));
    }

    @Test
    void malformedRequestsAre400AndOversizedOnes413() throws Exception {
        mvc.perform(multipart("/api/analyze").param("text", "no file"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(startsWith("Send the document as a multipart part named “file”")));
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content("{\"text\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(startsWith("The body is not valid JSON")));
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content("{\"text\": 12}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(startsWith("Send a JSON object with the text as a string")));
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content("[\"text\"]"))
                .andExpect(status().isBadRequest());
        byte[] huge = ("{\"text\": \"" + "x".repeat(16 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.message").value("The JSON body is larger than 16 MB. The text can be at most 2,000,000 characters."));
        mvc.perform(post("/api/analyze").contentType(MediaType.TEXT_PLAIN).content("text"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/analyze")).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void theExemptionFromCsrfIsOnlyForThisApiAndNotForHtmx() throws Exception {
        mvc.perform(multipart("/api/analyze").file(new MockMultipartFile("file", "o.txt", "text/plain", Ordinances.TEXT.getBytes(StandardCharsets.UTF_8)))
                        .header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/assessments/1/evidence").param("item", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/analyze").param("text", Ordinances.TEXT))
                .andExpect(status().isForbidden());
    }

    @Test
    void whenEveryPlaceIsTakenTheApiAnswers503WithRetryAfter() throws Exception {
        int taken = gate.occupyAll();
        try {
            mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(body("n", Ordinances.TEXT)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "60"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.message").value(containsString("The analyzer is busy; try again in a minute.")));
            mvc.perform(multipart("/api/analyze").file(new MockMultipartFile("file", "o.pdf", "application/pdf", Ordinances.pdf())))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "60"));
        } finally {
            gate.free(taken);
        }
        mvc.perform(post("/api/analyze").contentType(MediaType.APPLICATION_JSON).content(body("n", Ordinances.TEXT)))
                .andExpect(status().isOk());
    }
}

package org.sanctuaryscorecard.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@ScorecardWebTest
@WithUserDetails(value = Members.EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
class AssessmentWebTest {

    @Autowired
    org.sanctuaryscorecard.account.Accounts accountsForMembers;

    org.sanctuaryscorecard.account.Organization organization;

    @org.junit.jupiter.api.BeforeEach
    void standardMembers() {
        organization = Members.standard(accountsForMembers);
    }

    static final String Q = "question.detainers.formal-policy";
    static final String XSS = "<script>alert('x')</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    private long newAssessment() {
        return assessments.create("06013", organization.id(), "Contra Costa County 2026", "Tester", "2026-10-01", "Tester").id();
    }

    @Test
    void aPersonStartsAnAssessmentFromAForm() throws Exception {
        mvc.perform(get("/jurisdictions/06013/assessments/new"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Start an assessment of Contra Costa County")));

        MvcResult created = mvc.perform(post("/jurisdictions/06013/assessments").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("title", "Contra Costa 2026").param("author", "Ana").param("asOf", "2026-11-01"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/assessments/\\d+/edit");

        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Editing: Contra Costa 2026")))
                .andExpect(content().string(containsString("<span>Meets 0 of 8 criteria</span>; <span>8 not yet assessed</span>.")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void aBadNewAssessmentComesBackWithTheReason() throws Exception {
        mvc.perform(post("/jurisdictions/06013/assessments").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("title", " ").param("author", "Ana").param("asOf", "2026-11-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The title is required.")));
        mvc.perform(post("/jurisdictions/06013/assessments").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("title", "x").param("author", "Ana").param("asOf", "next tuesday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a date. Write it as year-month-day")));
        mvc.perform(get("/jurisdictions/99999/assessments/new")).andExpect(status().isNotFound());
    }

    @Test
    void aRequestOfAnUnreadableTypeIsExplained() throws Exception {
        long id = newAssessment();
        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).contentType(MediaType.TEXT_PLAIN).content("Y"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).with(csrf()).contentType(MediaType.TEXT_PLAIN).content("Y"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.message").value(containsString("cannot read a request of type “text/plain")));
    }

    @Test
    void formsNeedTheirCsrfToken() throws Exception {
        long id = newAssessment();
        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).header("HX-Request", "true")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("answer", "Y").param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(assessments.get(id).revision()).isEqualTo(1);
    }

    @Test
    void anHtmxSaveAnswersWithTheStatusTheNewVersionAndTheScoreboard() throws Exception {
        long id = newAssessment();

        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).with(csrf()).header("HX-Request", "true")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("answer", "Y").param("explanation", "Ordinance 12").param("version", "0").param("editor", "Ana"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("(revision 2).")))
                .andExpect(content().string(containsString("id=\"version-answer-question-detainers-formal-policy\"")))
                .andExpect(content().string(containsString("value=\"2\" hx-swap-oob=\"true\"")))
                .andExpect(content().string(containsString("id=\"scoreboard\"")));

        assertThat(assessments.get(id).content().answer(Q).answer()).isEqualTo("Y");
        assertThat(assessments.history(id).get(1).editor()).as("the signed-in person, whatever the form says")
                .isEqualTo("Tester " + Members.EDITOR);
    }

    @Test
    void aStaleHtmxSaveShowsTheOtherPersonsVersionAndStoresNothing() throws Exception {
        long id = newAssessment();
        assessments.saveAnswer(id, Q, 0, "Y", "Ana's reading " + XSS, "Ana");

        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).with(csrf()).header("HX-Request", "true")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("answer", "N").param("explanation", "Ben's reading").param("version", "0").param("editor", "Ben"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Not saved: Ana changed this on")))
                .andExpect(content().string(containsString("Ana&#39;s reading &lt;script&gt;")))
                .andExpect(content().string(not(containsString(XSS))))
                .andExpect(content().string(containsString("Load their version")))
                .andExpect(content().string(containsString("Save mine over theirs")));

        assertThat(assessments.get(id).content().answer(Q).explanation()).isEqualTo("Ana's reading " + XSS);
    }

    @Test
    void badHtmxInputIsExplainedInThePlaceOfTheStatus() throws Exception {
        long id = newAssessment();

        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).with(csrf()).header("HX-Request", "true")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("answer", "Maybe").param("version", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("“Maybe” is not an answer to this question. Choose one of Y, N, OTHER")));
        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).with(csrf()).header("HX-Request", "true")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("answer", "N")
                        .param("explanation", "x".repeat(1 << 20)).param("version", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The explanation is 1,048,576 characters long; the limit is 20,000.")));
        assertThat(assessments.get(id).revision()).isEqualTo(1);
    }

    @Test
    void aFormSentWithoutJavaScriptComesBackToThePage() throws Exception {
        long id = newAssessment();

        mvc.perform(post("/api/assessments/" + id + "/answers/" + Q).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("answer", "N").param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/assessments/" + id + "/edit#answer-question-detainers-formal-policy"));
        mvc.perform(post("/api/assessments/" + id + "/answers/" + Q).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("answer", "Maybe").param("version", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not an answer to this question")));
    }

    @Test
    void theJsonApiSavesAnswersAndRefusesConflictsAndBadInput() throws Exception {
        long id = newAssessment();

        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"Y\", \"explanation\": \"Sec. 3\", \"version\": 0, \"editor\": \"bot\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.item").value("answer/" + Q));
        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"N\", \"version\": 0, \"editor\": \"other\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.editor").value("Tester " + Members.EDITOR))
                .andExpect(jsonPath("$.currentVersion").value(2))
                .andExpect(jsonPath("$.current['answer/" + Q + "/value']").value("Y"));
        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"maybe\", \"version\": 2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("“maybe” is not an answer")));
        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("The request could not be read")));
        mvc.perform(put("/api/assessments/987654/answers/" + Q).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(containsString("There is no assessment number 987654")));
    }

    @Test
    void theApiGivesAnswersEvidenceVersionsAndComputedStatuses() throws Exception {
        long id = newAssessment();
        assessments.saveAnswer(id, Q, 0, "Y", null, "x");
        assessments.saveAnswer(id, "question.detainers.refuses-requests", 0, "Y", null, "x");

        mvc.perform(get("/api/assessments/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("06013"))
                .andExpect(jsonPath("$.content.answers['" + Q + "'].answer").value("Y"))
                .andExpect(jsonPath("$.content.status").value("draft"))
                .andExpect(jsonPath("$.versions['answer/" + Q + "']").value(2))
                .andExpect(jsonPath("$.scores.criteria.met").value(1))
                .andExpect(jsonPath("$.scores.criteria['not-yet-assessed']").value(7))
                .andExpect(jsonPath("$.scores.results[0].status").value("met"));
        mvc.perform(get("/api/jurisdictions/06013/assessments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].jurisdictionGeoid").value("06013"));
        mvc.perform(get("/api/jurisdictions/99999/assessments")).andExpect(status().isNotFound());
        mvc.perform(post("/api/jurisdictions/06013/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"From a tool\", \"author\": \"bot\", \"asOf\": \"2026-01-01\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/assessments/")))
                .andExpect(jsonPath("$.content.title").value("From a tool"));
    }

    @Test
    void evidenceIsAddedWithAFileShownEscapedDownloadedAndRemoved() throws Exception {
        long id = newAssessment();
        MockMultipartFile file = new MockMultipartFile("file", "policy.html", "text/html",
                ("<html><script>alert(1)</script></html>").getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/assessments/" + id + "/evidence").file(file).with(csrf()).header("HX-Request", "true")
                        .param("item", Q).param("sourceTitle", "Sheriff policy 428").param("sourceKind", "department-policy")
                        .param("shows", "policy").param("quote", "shall not " + XSS).param("seenOn", "2026-11-20"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shall not &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString(XSS))))
                .andExpect(content().string(containsString("Written policy")));

        Assessment saved = assessments.get(id);
        Long fileId = saved.content().evidence().get(0).fileId();
        mvc.perform(get("/assessments/" + id + "/files/" + fileId))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(content().bytes(file.getBytes()));
        mvc.perform(get("/assessments/" + id + "/files/999999")).andExpect(status().isNotFound());

        mvc.perform(multipart("/api/assessments/" + id + "/evidence").with(csrf()).header("HX-Request", "true")
                        .param("item", Q).param("sourceTitle", "No source").param("sourceKind", "other").param("shows", "policy"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("HX-Retarget", "#evidence-problem-question-detainers-formal-policy"))
                .andExpect(content().string(containsString("Say where the evidence can be found")));

        mvc.perform(delete("/api/assessments/" + id + "/evidence/1").with(csrf()).header("HX-Request", "true")
                        .param("version", String.valueOf(saved.version("evidence/1"))).param("item", Q))
                .andExpect(status().isOk());
        assertThat(assessments.get(id).content().evidence()).isEmpty();
    }

    @Test
    void theJsonApiHandlesEvidence() throws Exception {
        long id = newAssessment();
        mvc.perform(post("/api/assessments/" + id + "/evidence").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\": \"" + Q + "\", \"sourceTitle\": \"Ordinance\", \"sourceKind\": \"ordinance\","
                                + " \"citation\": \"Sec. 4\", \"quote\": \"shall not\", \"shows\": \"policy\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/assessments/" + id + "/evidence/1"));
        mvc.perform(put("/api/assessments/" + id + "/evidence/1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\": \"" + Q + "\", \"sourceTitle\": \"Ordinance\", \"sourceKind\": \"ordinance\","
                                + " \"citation\": \"Sec. 5\", \"shows\": \"practice\", \"version\": 2}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/assessments/" + id + "/evidence/1").param("version", "3"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/assessments/" + id + "/evidence/1").param("version", "4"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("This assessment has no evidence number 1."));
    }

    @Test
    void historyRevisionsAndComparisonsArePages() throws Exception {
        long id = newAssessment();
        assessments.saveAnswer(id, Q, 0, "Y", "first " + XSS, "Ana");
        assessments.saveAnswer(id, Q, 2, "N", "second", "Ben");

        mvc.perform(get("/assessments/" + id + "/history"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Revision 3")))
                .andExpect(content().string(containsString("by Ben")))
                .andExpect(content().string(containsString("1.2 Does your jurisdiction have a formal policy")))
                .andExpect(content().string(containsString("first &lt;script&gt;")))
                .andExpect(content().string(not(containsString(XSS))));
        mvc.perform(get("/assessments/" + id + "/revisions/2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("as it was at revision 2 of 3")))
                .andExpect(content().string(containsString("first &lt;script&gt;")));
        mvc.perform(get("/assessments/" + id + "/compare").param("from", "2").param("to", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Revision 2 compared with revision 3")))
                .andExpect(content().string(containsString("second")));
        mvc.perform(get("/assessments/" + id + "/revisions/9")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has no revision 9")));
        mvc.perform(get("/assessments/" + id + "/compare").param("from", "x").param("to", "2"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/assessments/" + id + "/history")).andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/assessments/" + id + "/revisions/2")).andExpect(jsonPath("$.answers['" + Q + "'].answer").value("Y"));
        mvc.perform(get("/api/assessments/" + id + "/compare").param("from", "2").param("to", "3"))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void anAssessmentIsExportedAndImportedAsAFile() throws Exception {
        long id = newAssessment();
        assessments.saveAnswer(id, Q, 0, "Y", "because", "Ana");
        assessments.addEvidence(id, new EvidenceInput(Q, "Ordinance", "ordinance", "Sec. 1", null, null, "shall not",
                "policy", new EvidenceInput.FileUpload("o.txt", "text/plain", "text".getBytes(StandardCharsets.UTF_8))), "Ana");

        byte[] exported = mvc.perform(get("/assessments/" + id + "/export.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("assessment-" + id + ".json")))
                .andReturn().getResponse().getContentAsByteArray();

        MvcResult imported = mvc.perform(multipart("/assessments/import").file(new MockMultipartFile("file", "a.json",
                        "application/json", exported)).with(csrf()).param("editor", "Importer"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long newId = Long.parseLong(imported.getResponse().getRedirectedUrl().replace("/assessments/", ""));
        byte[] again = mvc.perform(get("/api/assessments/" + newId + "/export")).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(new String(exported, StandardCharsets.UTF_8));

        mvc.perform(get("/assessments/import")).andExpect(status().isOk());
        mvc.perform(multipart("/assessments/import").file(new MockMultipartFile("file", "a.json", "application/json",
                        "{ not json".getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This file is not a valid assessment JSON document")));
        mvc.perform(multipart("/assessments/import").file(new MockMultipartFile("file", "a.json", "application/json",
                        "{\"format\": \"something else\"}".getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This is not an assessment file")));
        mvc.perform(post("/api/assessments/import").contentType(MediaType.APPLICATION_JSON).content(exported))
                .andExpect(status().isCreated());
    }

    @Test
    void theJurisdictionPageListsItsAssessments() throws Exception {
        long id = newAssessment();

        mvc.perform(get("/jurisdictions/06013"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/assessments/" + id + "\"")))
                .andExpect(content().string(containsString("Start an assessment of Contra Costa County")))
                .andExpect(content().string(containsString("Print an empty worksheet")));
    }

    @Test
    void anItemFormCanBeReloadedAfterAConflict() throws Exception {
        long id = newAssessment();
        assessments.saveAnswer(id, Q, 0, "OTHER", "theirs", "Ana");

        mvc.perform(get("/assessments/" + id + "/items/answer/" + Q))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("theirs")))
                .andExpect(content().string(containsString("name=\"version\"")))
                .andExpect(content().string(containsString("value=\"2\"")));
        mvc.perform(get("/assessments/" + id + "/items/header")).andExpect(status().isOk());
        mvc.perform(get("/assessments/" + id + "/items/answer/question.nope")).andExpect(status().isNotFound());
    }

    @Test
    void theHeaderStatusLandscapeAndChecklistAreSavedByJsonAndByForm() throws Exception {
        long id = newAssessment();

        mvc.perform(put("/api/assessments/" + id + "/header").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Renamed\", \"author\": \"Team\", \"asOf\": \"2026-10-02\", \"version\": 1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.item").value("header"));
        mvc.perform(put("/api/assessments/" + id + "/header").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"\", \"author\": \"Team\", \"asOf\": \"2026-10-02\", \"version\": 2}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("The title is required."));
        mvc.perform(put("/api/assessments/" + id + "/landscape/landscape.detainer-recipients").with(csrf())
                        .header("HX-Request", "true").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("agencies", "Sheriff's Office\r\nProbation Department").param("version", "0"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/assessments/" + id + "/landscape/landscape.lead-agency").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"choice\": \"sheriff\", \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("“sheriff” is not one of the choices for this question (city-police, county-sheriff, both, other)")));
        mvc.perform(put("/api/assessments/" + id + "/landscape/landscape.state-framework").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"SB 54\", \"link\": \"ftp://x\", \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("must be a web address starting with http:// or https://")));
        mvc.perform(put("/api/assessments/" + id + "/provisions/287g").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"contrary\", \"explanation\": \"MOA signed\", \"version\": 0}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/assessments/" + id + "/provisions/287g").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"bad\", \"version\": 0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/assessments/" + id + "/provisions/nope").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"protects\", \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("There is no provision “nope” in the framework."));

        mvc.perform(put("/api/assessments/" + id + "/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"final\", \"version\": 1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("“final” is not a status")));
        mvc.perform(put("/api/assessments/" + id + "/status").with(csrf()).header("HX-Request", "true")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("status", "in-review").param("version", "1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Saved at")));
        // in review, nothing changes until a reviewer sends it back; an editor cannot publish
        mvc.perform(put("/api/assessments/" + id + "/provisions/287g").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"protects\", \"version\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("is in review, so it cannot be changed")));
        mvc.perform(put("/api/assessments/" + id + "/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"published\", \"version\": 0}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("Only a reviewer")));

        Assessment saved = assessments.get(id);
        assertThat(saved.content().title()).isEqualTo("Renamed");
        assertThat(saved.content().status().id()).isEqualTo("in-review");
        assertThat(saved.content().landscapeAnswer("landscape.detainer-recipients").agencies())
                .containsExactly("Sheriff's Office", "Probation Department");
        assertThat(saved.content().provisionCheck("287g").label()).isEqualTo("contrary");
    }

    @Test
    void evidenceIsChangedByFormAndRemovedWithoutJavaScript() throws Exception {
        long id = newAssessment();
        assessments.addEvidence(id, new EvidenceInput(Q, "Ordinance", "ordinance", "Sec. 1", null, null, "first", "policy", null), "x");

        mvc.perform(multipart("/api/assessments/" + id + "/evidence/1").with(csrf()).header("HX-Request", "true")
                        .param("item", Q).param("sourceTitle", "Ordinance").param("sourceKind", "ordinance")
                        .param("citation", "Sec. 2").param("quote", "changed").param("shows", "practice").param("version", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("changed")))
                .andExpect(content().string(containsString("Actual practice")));
        mvc.perform(post("/api/assessments/" + id + "/evidence/1/remove").with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("version", "3").param("item", Q))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/assessments/" + id + "/edit#evidence-question-detainers-formal-policy"));
        assertThat(assessments.get(id).content().evidence()).isEmpty();
        assertThat(assessments.history(id)).hasSize(4);
    }
}

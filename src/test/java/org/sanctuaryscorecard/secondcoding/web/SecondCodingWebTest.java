package org.sanctuaryscorecard.secondcoding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.secondcoding.CodingState;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The second-coding pages and API: who may do what, blindness, the forms with and without htmx, and escaping. */
@ScorecardWebTest
class SecondCodingWebTest {

    static final String REFUSES = "question.detainers.refuses-requests";
    static final String FORMAL = "question.detainers.formal-policy";
    static final String INTERVIEWS = "question.jail-access.prohibits-interviews";
    /** The first coder's words: none may reach the blind coder. */
    static final String SECRET_EXPLANATION = "FIRST-CODER-SECRET-EXPLANATION-7f3a";
    static final String SECRET_QUOTE = "FIRST-CODER-SECRET-QUOTE-91bc";
    static final String SECRET_SOURCE = "FIRST-CODER-SECRET-SOURCE-2d44";
    static final String SECRET_CITATION = "FIRST-CODER-SECRET-CITATION-0e7b";
    static final String XSS = "<script>alert('x')</script>";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Assessments assessments;

    @Autowired
    SecondCoding secondCoding;

    @Autowired
    UserDetailsService users;

    Organization organization;

    @BeforeEach
    void members() {
        organization = Members.standard(accounts);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private <T> T by(String username, Supplier<T> work) {
        return Members.as(accounts.find(username).orElseThrow(), work);
    }

    /** A draft first-coded by the editor (1.1 Y, 1.2 Y, 2.1 N, with evidence), with {@code coder} asked to code it blind. */
    private long openRequest(String title, String coder) {
        long id = by(Members.EDITOR, () -> assessments.create("06001", organization.id(), title, "Ana", "2026-11-01", "Ana")).id();
        by(Members.EDITOR, () -> assessments.saveAnswer(id, REFUSES, 0, "Y", SECRET_EXPLANATION, "Ana"));
        by(Members.EDITOR, () -> assessments.saveAnswer(id, FORMAL, 0, "Y", SECRET_EXPLANATION + " 2", "Ana"));
        by(Members.EDITOR, () -> assessments.saveAnswer(id, INTERVIEWS, 0, "N", null, "Ana"));
        by(Members.EDITOR, () -> assessments.addEvidence(id, new EvidenceInput(FORMAL, SECRET_SOURCE, "ordinance", SECRET_CITATION,
                null, "2026-11-20", SECRET_QUOTE, "policy", null), "Ana"));
        by(Members.REVIEWER, () -> secondCoding.request(id, coder));
        return id;
    }

    private long openRequest() {
        return openRequest("Alameda County 2026", Members.SECOND_EDITOR);
    }

    /** The same, handed in: 1.1 Y (same), 1.2 N (different), 2.1 OTHER (different). */
    private long handedIn() {
        long id = openRequest();
        by(Members.SECOND_EDITOR, () -> secondCoding.saveAnswer(id, REFUSES, "Y", "Jail log."));
        by(Members.SECOND_EDITOR, () -> secondCoding.saveAnswer(id, FORMAL, "N", "Repealed in 2025."));
        by(Members.SECOND_EDITOR, () -> secondCoding.saveAnswer(id, INTERVIEWS, "OTHER", "Only with consent."));
        by(Members.SECOND_EDITOR, () -> secondCoding.submit(id));
        return id;
    }

    private static void assertBlind(String body) {
        assertThat(body).doesNotContain(SECRET_EXPLANATION, SECRET_QUOTE, SECRET_SOURCE, SECRET_CITATION);
    }

    // ---------------------------------------------------------------- blindness

    @Test
    void theBlindSheetShowsTheQuestionsAndNothingOfTheFirstCoding() throws Exception {
        long id = openRequest();

        String page = mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.SECOND_EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Blind coding: Alameda County 2026")))
                .andExpect(content().string(containsString("How blind coding works")))
                .andExpect(content().string(containsString("Do your local law enforcement agencies refuse")))
                .andExpect(content().string(containsString("Where to look:")))
                .andExpect(content().string(containsString("hx-post=\"/api/assessments/" + id + "/second-coding/answers/" + FORMAL + "\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertBlind(page);
        assertThat(page).as("no answer of the first coder is checked").doesNotContain("value=\"Y\" checked", "value=\"N\" checked");
        assertThat(page.split("value=\"\" checked", -1)).as("every question not yet answered").hasSize(19 + 1);
        assertThat(page).doesNotContain("id=\"scoreboard\"", "Meets 0 of", "Meets 1 of", "/files/");

        String json = mvc.perform(get("/api/assessments/" + id + "/second-coding").with(as(Members.SECOND_EDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.view").value("coder"))
                .andExpect(jsonPath("$.questions.length()").value(19))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertBlind(json);
        assertThat(json).as("no question has an answer or explanation yet").doesNotContain("\"answer\"", "\"explanation\"");

        String saved = mvc.perform(post("/api/assessments/" + id + "/second-coding/answers/" + FORMAL).with(as(Members.SECOND_EDITOR))
                        .with(csrf()).header("HX-Request", "true").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("answer", "N").param("explanation", "My own reading"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saved at")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertBlind(saved);
        String again = mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.SECOND_EDITOR)))
                .andExpect(content().string(containsString("value=\"N\" checked")))
                .andExpect(content().string(containsString("My own reading")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertBlind(again);
        assertBlind(mvc.perform(get("/second-coding").with(as(Members.SECOND_EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alameda County 2026")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aCoderWhoIsAlsoAReviewerStillGetsTheBlindSheet() throws Exception {
        long id = openRequest("Reviewer codes", Members.ADMIN);

        String page = mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Blind coding: Reviewer codes")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertBlind(page);
        assertBlind(mvc.perform(get("/api/assessments/" + id + "/second-coding").with(as(Members.ADMIN)))
                .andExpect(jsonPath("$.view").value("coder"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        mvc.perform(get("/api/assessments/" + id + "/second-coding/comparison").with(as(Members.ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("You are coding this assessment blind")));
        mvc.perform(get("/api/assessments/" + id + "/second-coding/comparison").with(as(Members.REVIEWER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(containsString("No second coding of this assessment has been handed in yet")));
    }

    @Test
    void aReviewerCodingBlindCannotReadAnEarlierRoundsComparison() throws Exception {
        long id = openRequest("Two rounds", Members.SECOND_EDITOR);
        by(Members.SECOND_EDITOR, () -> secondCoding.saveAnswer(id, REFUSES, "Y", "Same as the first."));
        long earlier = by(Members.SECOND_EDITOR, () -> secondCoding.submit(id)).id();
        mvc.perform(get("/api/assessments/" + id + "/second-coding/comparison").with(as(Members.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(SECRET_EXPLANATION)));
        by(Members.REVIEWER, () -> secondCoding.request(id, Members.ADMIN));

        for (String address : List.of("/api/assessments/" + id + "/second-coding/comparison",
                "/api/assessments/" + id + "/second-coding/comparison?request=" + earlier)) {
            assertBlind(mvc.perform(get(address).with(as(Members.ADMIN)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message").value(containsString("You are coding this assessment blind")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        assertBlind(mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Blind coding: Two rounds")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        mvc.perform(get("/api/assessments/" + id + "/second-coding/comparison").with(as(Members.REVIEWER)))
                .andExpect(status().isOk());

        by(Members.ADMIN, () -> secondCoding.saveAnswer(id, REFUSES, "Y", "Same again."));
        by(Members.ADMIN, () -> secondCoding.submit(id));
        mvc.perform(get("/api/assessments/" + id + "/second-coding/comparison?request=" + earlier).with(as(Members.ADMIN)))
                .andExpect(status().isOk());
    }

    @Test
    void openingTheAssessmentWhileCodingBlindIsToldToTheReviewer() throws Exception {
        long id = openRequest();
        mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.SECOND_EDITOR))).andExpect(status().isOk());
        mvc.perform(get("/assessments/" + id).with(as(Members.EDITOR))).andExpect(status().isOk());
        mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.REVIEWER)))
                .andExpect(content().string(not(containsString("Not blind:"))));

        mvc.perform(get("/assessments/" + id + "/history").with(as(Members.SECOND_EDITOR))).andExpect(status().isOk());

        mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.REVIEWER)))
                .andExpect(content().string(containsString("Not blind: Tester " + Members.SECOND_EDITOR + " opened the assessment itself")))
                .andExpect(content().string(containsString("(GET /assessments/" + id + "/history)")));

        // handed in, the scorecard does not call it blind
        by(Members.SECOND_EDITOR, () -> secondCoding.saveAnswer(id, REFUSES, "Y", "Jail log."));
        by(Members.SECOND_EDITOR, () -> secondCoding.submit(id));
        mvc.perform(get("/assessments/" + id).with(as(Members.VIEWER)))
                .andExpect(content().string(containsString("Second-coded blind by Tester " + Members.SECOND_EDITOR)))
                .andExpect(content().string(containsString("Not fully blind: the second coder opened the assessment itself")));
    }

    @Test
    void changingTheAssessmentWhileCodingBlindIsToldToTheReviewerToo() throws Exception {
        long id = openRequest();
        mvc.perform(put("/api/assessments/" + id + "/second-coding/answers/" + REFUSES).with(as(Members.SECOND_EDITOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"N\"}"))
                .andExpect(status().isOk());
        assertThat(by(Members.REVIEWER, () -> secondCoding.requests(id)).get(0).viewedAt()).isNull();

        mvc.perform(put("/api/assessments/" + id + "/answers/" + INTERVIEWS).with(as(Members.SECOND_EDITOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"Y\", \"version\": 4}"))
                .andExpect(status().isOk());

        assertThat(by(Members.REVIEWER, () -> secondCoding.requests(id)).get(0).viewedWhere())
                .isEqualTo("PUT /api/assessments/" + id + "/answers/" + INTERVIEWS);
    }

    // ---------------------------------------------------------------- access

    @Test
    void everyRouteAnswersEachRoleAsTheGateDoes() throws Exception {
        long id = openRequest();
        String page = "/assessments/" + id + "/second-coding";
        String api = "/api/assessments/" + id + "/second-coding";
        String orgPage = "/organizations/" + Members.ORGANIZATION + "/second-coding";
        String orgApi = "/api/organizations/" + Members.ORGANIZATION + "/second-coding";
        String answer = "{\"answer\": \"Y\", \"explanation\": \"x\"}";
        String decision = "{\"follow\": \"first\", \"version\": 0}";
        // role → expected status, per route; "anonymous" sends no account
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        expected.put("GET " + page, statuses(302, 403, 403, 200, 200, 200, 404));
        expected.put("GET " + api, statuses(401, 403, 403, 200, 200, 200, 404));
        expected.put("GET " + api + "/comparison", statuses(401, 403, 403, 403, 404, 404, 404));
        expected.put("PUT " + api + "/answers/" + REFUSES, statuses(401, 403, 403, 200, 403, 403, 404));
        expected.put("POST " + api, statuses(401, 403, 403, 403, 409, 409, 404));
        expected.put("POST " + api + "/reconciliations/" + FORMAL, statuses(401, 403, 403, 403, 409, 409, 404));
        expected.put("GET " + orgPage, statuses(302, 403, 403, 403, 200, 200, 404));
        expected.put("GET " + orgApi, statuses(401, 403, 403, 403, 200, 200, 404));
        expected.put("GET /second-coding", statuses(302, 200, 200, 200, 200, 200, 200));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> route : expected.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String path = route.getKey().substring(method.length() + 1);
            for (Map.Entry<String, Integer> role : route.getValue().entrySet()) {
                MockHttpServletRequestBuilder request = switch (method) {
                    case "GET" -> get(path);
                    case "PUT" -> put(path).contentType(MediaType.APPLICATION_JSON).content(answer);
                    default -> post(path).contentType(MediaType.APPLICATION_JSON)
                            .content(path.contains("reconciliations") ? decision : "{\"coder\": \"" + Members.ADMIN + "\"}");
                };
                if (!role.getKey().equals("anonymous")) {
                    request.with(as(role.getKey()));
                }
                int actual = mvc.perform(request).andReturn().getResponse().getStatus();
                if (actual != role.getValue()) {
                    wrong.add(route.getKey() + " as " + role.getKey() + ": " + actual + ", expected " + role.getValue());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(by(Members.REVIEWER, () -> secondCoding.requests(id))).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(CodingState.OPEN));
    }

    private static Map<String, Integer> statuses(int anonymous, int viewer, int editor, int coder, int reviewer, int admin, int outsider) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("anonymous", anonymous);
        statuses.put(Members.VIEWER, viewer);
        statuses.put(Members.EDITOR, editor);
        statuses.put(Members.SECOND_EDITOR, coder);
        statuses.put(Members.REVIEWER, reviewer);
        statuses.put(Members.ADMIN, admin);
        statuses.put(Members.OUTSIDER, outsider);
        return statuses;
    }

    @Test
    void refusalsAreExplainedNotStackTraces() throws Exception {
        long id = openRequest();

        mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.VIEWER)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the editor asked to code this assessment blind can answer here")));
        mvc.perform(put("/api/assessments/" + id + "/second-coding/answers/" + REFUSES).with(as(Members.EDITOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"Y\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("Only the editor asked to code this assessment blind")));
        mvc.perform(put("/api/assessments/" + id + "/second-coding/answers/" + REFUSES).with(as(Members.SECOND_EDITOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"Maybe\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("“Maybe” is not an answer to this question")));
        mvc.perform(put("/api/assessments/" + id + "/second-coding/answers/question.nope").with(as(Members.SECOND_EDITOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"Y\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("There is no question “question.nope”")));
        mvc.perform(post("/api/assessments/" + id + "/second-coding").with(as(Members.REVIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"coder\": \"" + Members.ADMIN + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("Tester " + Members.SECOND_EDITOR + " has already been asked to code this"
                        + " assessment, and that request is not finished. Withdraw it first to ask someone else."));
        mvc.perform(post("/api/assessments/" + id + "/second-coding").with(as(Members.REVIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"coder\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("could not be read")));
        mvc.perform(get("/api/assessments/" + id + "/second-coding/comparison").param("request", "abc").with(as(Members.REVIEWER)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/organizations/no-such-group/second-coding").with(as(Members.REVIEWER)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no organization “no-such-group” that you are a member of.")));
        mvc.perform(get("/assessments/99999999/second-coding").with(as(Members.REVIEWER))).andExpect(status().isNotFound());

        // a published assessment is public, its second coding is not
        by(Members.EDITOR, () -> assessments.setStatus(id, 1, "in-review", null, "Ana"));
        by(Members.REVIEWER, () -> assessments.setStatus(id, 6, "published", null, "Rae"));
        mvc.perform(get("/assessments/" + id)).andExpect(status().isOk());
        mvc.perform(get("/assessments/" + id + "/second-coding")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/assessments/" + id + "/second-coding")).andExpect(status().isUnauthorized());
        mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.OUTSIDER))).andExpect(status().isForbidden());
    }

    @Test
    void formsNeedTheirCsrfToken() throws Exception {
        long id = openRequest();
        mvc.perform(post("/api/assessments/" + id + "/second-coding/answers/" + REFUSES).with(as(Members.SECOND_EDITOR))
                        .header("HX-Request", "true").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("answer", "Y"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/assessments/" + id + "/second-coding/cancel").with(as(Members.REVIEWER))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isForbidden());
        assertThat(by(Members.SECOND_EDITOR, () -> secondCoding.sheet(id)).answers()).isEmpty();
        assertThat(by(Members.REVIEWER, () -> secondCoding.requests(id)).get(0).state()).isEqualTo(CodingState.OPEN);
    }

    // ---------------------------------------------------------------- the whole journey with forms

    @Test
    void aReviewerAsksTheCoderAnswersAndHandsInAndTheReviewerDecidesWithForms() throws Exception {
        long id = by(Members.EDITOR, () -> assessments.create("06001", organization.id(), "Form journey", "Ana", "2026-11-01", "Ana")).id();
        by(Members.EDITOR, () -> assessments.saveAnswer(id, REFUSES, 0, "Y", "Sheriff refuses.", "Ana"));
        by(Members.EDITOR, () -> assessments.saveAnswer(id, FORMAL, 0, "Y", "Ordinance 12.", "Ana"));
        String page = "/assessments/" + id + "/second-coding";

        mvc.perform(get(page).with(as(Members.REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ask for a blind second coding")))
                .andExpect(content().string(containsString("<option value=\"" + Members.SECOND_EDITOR + "\"")))
                .andExpect(content().string(not(containsString("<option value=\"" + Members.EDITOR + "\""))));
        mvc.perform(post("/api/assessments/" + id + "/second-coding").with(as(Members.REVIEWER)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("coder", Members.EDITOR))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("problem", containsString("has already answered questions of this assessment")));
        mvc.perform(post("/api/assessments/" + id + "/second-coding").with(as(Members.REVIEWER)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("coder", Members.SECOND_EDITOR))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flash", containsString("Asked.")));
        mvc.perform(get(page).with(as(Members.REVIEWER)))
                .andExpect(content().string(containsString("Waiting for Tester " + Members.SECOND_EDITOR + ", asked by Tester "
                        + Members.REVIEWER)))
                .andExpect(content().string(containsString("Withdraw the request")));

        // the coder: htmx saves, a refused one, a plain form, then hands in
        mvc.perform(post("/api/assessments/" + id + "/second-coding/answers/" + REFUSES).with(as(Members.SECOND_EDITOR)).with(csrf())
                        .header("HX-Request", "true").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("answer", "Y").param("explanation", "Jail log."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saved at")));
        mvc.perform(post("/api/assessments/" + id + "/second-coding/answers/" + FORMAL).with(as(Members.SECOND_EDITOR)).with(csrf())
                        .header("HX-Request", "true").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("answer", "N").param("explanation", "x".repeat(20_001)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The explanation is 20,001 characters long; the limit is 20,000.")));
        mvc.perform(post("/api/assessments/" + id + "/second-coding/answers/" + FORMAL).with(as(Members.SECOND_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("answer", "N").param("explanation", "Repealed."))
                .andExpect(redirectedUrl(page + "#sc-question-detainers-formal-policy"))
                .andExpect(flash().attribute("flash", "Saved."));
        mvc.perform(post("/api/assessments/" + id + "/second-coding/submit").with(as(Members.SECOND_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flash", containsString("Handed in.")));
        mvc.perform(get(page).with(as(Members.SECOND_EDITOR)))
                .andExpect(content().string(containsString("You handed in your answers on")))
                .andExpect(content().string(not(containsString("hx-post"))));

        // the reviewer: the comparison and a decision
        mvc.perform(get(page).with(as(Members.REVIEWER)))
                .andExpect(content().string(containsString("The coders differ on 1 of the 2 questions both answered: 50.0%.")))
                .andExpect(content().string(containsString("Decide the differences")))
                .andExpect(content().string(containsString("Keep the first coding: Yes")))
                .andExpect(content().string(containsString("Take the second coding: No")))
                .andExpect(content().string(containsString("Sheriff refuses.")))
                .andExpect(content().string(containsString("Repealed.")));
        int version = assessments.get(id).version("answer/" + FORMAL);
        mvc.perform(post("/api/assessments/" + id + "/second-coding/reconciliations/" + FORMAL).with(as(Members.REVIEWER)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("follow", "neither").param("answer", "OTHER")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl(page + "#sc-decide-question-detainers-formal-policy"))
                .andExpect(flash().attribute("problem", containsString("the explanation is required")));
        mvc.perform(post("/api/assessments/" + id + "/second-coding/reconciliations/" + FORMAL).with(as(Members.REVIEWER)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("follow", "second")
                        .param("version", String.valueOf(version - 1)))
                .andExpect(flash().attribute("problem", containsString("changed this answer in the assessment on")));
        mvc.perform(post("/api/assessments/" + id + "/second-coding/reconciliations/" + FORMAL).with(as(Members.REVIEWER)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("follow", "second")
                        .param("version", String.valueOf(version)))
                .andExpect(flash().attribute("flash", "Question 1.2 is decided, and the assessment has its answer."));
        assertThat(assessments.get(id).content().answer(FORMAL).answer()).isEqualTo("N");

        mvc.perform(get(page).with(as(Members.REVIEWER)))
                .andExpect(content().string(containsString("Took the second coding (No): Tester " + Members.REVIEWER)))
                .andExpect(content().string(containsString("Over every second coding handed in at Test Coalition:")))
                .andExpect(content().string(not(containsString("Decide the differences"))))
                .andExpect(content().string(containsString("Reconciled")));
        mvc.perform(get("/assessments/" + id).with(as(Members.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tester " + Members.REVIEWER + " reconciled it on")))
                .andExpect(content().string(containsString("taking the second coder’s answer.")))
                .andExpect(content().string(containsString("Second-coded blind by Tester " + Members.SECOND_EDITOR)))
                .andExpect(content().string(not(containsString("Not fully blind"))));
        mvc.perform(get("/assessments/" + id + "/revisions/1").with(as(Members.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Second-coded"))));
        mvc.perform(get("/organizations/" + Members.ORGANIZATION + "/second-coding").with(as(Members.REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Second coding in Test Coalition")))
                .andExpect(content().string(containsString("Form journey")));
    }

    @Test
    void theJsonApiAsksAnswersHandsInComparesAndDecides() throws Exception {
        long id = by(Members.EDITOR, () -> assessments.create("06001", organization.id(), "API journey", "Ana", "2026-11-01", "Ana")).id();
        by(Members.EDITOR, () -> assessments.saveAnswer(id, REFUSES, 0, "Y", null, "Ana"));
        by(Members.EDITOR, () -> assessments.saveAnswer(id, FORMAL, 0, "Y", null, "Ana"));
        by(Members.EDITOR, () -> assessments.saveAnswer(id, INTERVIEWS, 0, "N", null, "Ana"));
        String api = "/api/assessments/" + id + "/second-coding";

        mvc.perform(post(api).with(as(Members.REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"coder\": \"" + Members.SECOND_EDITOR + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("open"))
                .andExpect(jsonPath("$.coderName").value("Tester " + Members.SECOND_EDITOR));
        for (String[] a : new String[][] {{REFUSES, "N"}, {FORMAL, "Y"}, {INTERVIEWS, "N"}}) {
            mvc.perform(put(api + "/answers/" + a[0]).with(as(Members.SECOND_EDITOR)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"answer\": \"" + a[1] + "\", \"explanation\": \"because\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.answer").value(a[1]));
        }
        mvc.perform(post(api + "/submit").with(as(Members.SECOND_EDITOR)).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("submitted"));

        mvc.perform(get(api + "/comparison").with(as(Members.REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.divergence.different").value(1))
                .andExpect(jsonPath("$.divergence.answeredByBoth").value(3))
                .andExpect(jsonPath("$.divergence.rate").value(1.0 / 3))
                .andExpect(jsonPath("$.questions[0].questionId").value(REFUSES))
                .andExpect(jsonPath("$.questions[0].agreement").value("different"))
                .andExpect(jsonPath("$.questions[0].first.answer").value("Y"))
                .andExpect(jsonPath("$.questions[0].second.answer").value("N"));
        mvc.perform(get(api).with(as(Members.REVIEWER)))
                .andExpect(jsonPath("$.view").value("reviewer"))
                .andExpect(jsonPath("$.requests[0].state").value("submitted"))
                .andExpect(jsonPath("$.comparison.divergence.different").value(1));

        int version = assessments.get(id).version("answer/" + REFUSES);
        mvc.perform(post(api + "/reconciliations/" + REFUSES).with(as(Members.REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"follow\": \"neither\", \"answer\": \"OTHER\", \"explanation\": \"Refuses some holds only.\", \"version\": "
                                + version + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followed").value("neither"))
                .andExpect(jsonPath("$.answer").value("OTHER"))
                .andExpect(jsonPath("$.decidedByName").value("Tester " + Members.REVIEWER));
        mvc.perform(post(api + "/reconciliations/" + REFUSES).with(as(Members.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"follow\": \"first\", \"version\": " + version + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("Question 1.1 was already decided by Tester " + Members.REVIEWER)));
        assertThat(assessments.get(id).content().answer(REFUSES).answer()).isEqualTo("OTHER");
        mvc.perform(get("/api/organizations/" + Members.ORGANIZATION + "/second-coding").with(as(Members.REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationName").value("Test Coalition"))
                .andExpect(jsonPath("$.rounds[?(@.assessmentTitle == 'API journey')].divergence.different").value(1));

        // a new round, withdrawn with DELETE
        mvc.perform(post(api).with(as(Members.REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"coder\": \"" + Members.ADMIN + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(delete(api).with(as(Members.EDITOR))).andExpect(status().isForbidden());
        mvc.perform(delete(api).with(as(Members.REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("cancelled"));
        mvc.perform(delete(api).with(as(Members.REVIEWER)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("There is no open or handed-in second coding")));
    }

    // ---------------------------------------------------------------- escaping, language

    @Test
    void hostileTextIsShownEscapedOnEveryPage() throws Exception {
        Account hostile = accounts.find("sc-hostile-coder").orElseGet(() ->
                Actor.SYSTEM.call(() -> accounts.create("sc-hostile-coder", XSS, Members.PASSWORD, false)));
        Members.member(accounts, organization, hostile.username(), Role.EDITOR);
        long id = by(Members.EDITOR, () -> assessments.create("06001", organization.id(), "Title " + XSS, "Ana", "2026-11-01", "Ana")).id();
        by(Members.EDITOR, () -> assessments.saveAnswer(id, REFUSES, 0, "Y", "First " + XSS, "Ana"));
        by(Members.EDITOR, () -> assessments.saveAnswer(id, FORMAL, 0, "Y", "'; DROP TABLE second_coding; --", "Ana"));
        by(Members.REVIEWER, () -> secondCoding.request(id, hostile.username()));
        Members.as(hostile, () -> secondCoding.saveAnswer(id, REFUSES, "N", "Second " + XSS));
        Members.as(hostile, () -> secondCoding.saveAnswer(id, FORMAL, "Y", "Same " + XSS));

        String sheet = mvc.perform(get("/assessments/" + id + "/second-coding").with(as(hostile.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(sheet).contains("Title " + ESCAPED, "Second " + ESCAPED).doesNotContain(XSS, "First " + ESCAPED);
        Members.as(hostile, () -> secondCoding.submit(id));
        int version = assessments.get(id).version("answer/" + REFUSES);
        by(Members.REVIEWER, () -> secondCoding.reconcile(id, REFUSES, "neither", "OTHER", "Decided " + XSS, version));

        for (String[] seen : new String[][] {{"/assessments/" + id + "/second-coding", Members.REVIEWER},
                {"/organizations/" + Members.ORGANIZATION + "/second-coding", Members.REVIEWER}, {"/assessments/" + id, Members.REVIEWER},
                {"/second-coding", hostile.username()}, {"/assessments/" + id + "/second-coding", hostile.username()}}) {
            String path = seen[0];
            String body = mvc.perform(get(path).with(as(seen[1])))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(path).doesNotContain(XSS).contains(ESCAPED);
        }
        mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.REVIEWER)))
                .andExpect(content().string(containsString("&#39;; DROP TABLE second_coding; --")))
                .andExpect(content().string(containsString("Decided " + ESCAPED)));
        mvc.perform(get("/api/assessments/" + id + "/second-coding/comparison").with(as(Members.REVIEWER)))
                .andExpect(jsonPath("$.request.coderName").value(XSS))
                .andExpect(jsonPath("$.questions[1].first.explanation").value("'; DROP TABLE second_coding; --"));
    }

    @Test
    void thePagesSpeakTheReadersLanguage() throws Exception {
        long id = openRequest();
        mvc.perform(get("/assessments/" + id + "/second-coding").with(as(Members.REVIEWER)).header(HttpHeaders.ACCEPT_LANGUAGE, "zz"))
                .andExpect(content().string(containsString("<html lang=\"zz\">")))
                .andExpect(content().string(containsString("ZZ-second-coding")));
    }
}

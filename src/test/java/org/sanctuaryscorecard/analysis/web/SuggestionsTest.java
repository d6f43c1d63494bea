package org.sanctuaryscorecard.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** "Use as evidence": suggestions to confirm, nothing saved before apply, per-item versions, conflicts reported. */
@ScorecardWebTest
@WithUserDetails(value = Members.EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
class SuggestionsTest {

    @Autowired
    org.sanctuaryscorecard.account.Accounts accountsForMembers;

    org.sanctuaryscorecard.account.Organization organization;

    @org.junit.jupiter.api.BeforeEach
    void standardMembers() {
        organization = Members.standard(accountsForMembers);
    }

    static final String DETAINERS_POLICY = "question.detainers.formal-policy";
    static final String JAIL_POLICY = "question.jail-access.formal-policy";
    static final String RELEASE_POLICY = "question.release-notification.prohibiting-policy";
    static final String CARVEOUTS = "question.conviction-carveouts.applies-regardless";

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    private long newAssessment() {
        return assessments.create("06029", organization.id(), "Kern County 2026", "Tester", "2026-10-01", "Tester").id();
    }

    /** Analyzes text through the page and returns the results' id. */
    private String analyzed(String name, String text) throws Exception {
        String location = mvc.perform(AnalyzePagesTest.paste(name, text)).andReturn().getResponse().getRedirectedUrl();
        return location.substring("/analyze/".length()).replaceAll("\\?.*", "");
    }

    private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The apply form as the browser would send it: the checked boxes and every hidden field. */
    private MockHttpServletRequestBuilder submit(Document page, List<String> uncheck, String editor) {
        Element form = page.selectFirst("form[action$=/apply]");
        MockHttpServletRequestBuilder request = post(form.attr("action")).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("editor", editor).param("sourceKind", "department-policy");
        for (Element input : form.select("input[type=hidden]:not([name=_csrf])")) {
            request.param(input.attr("name"), input.val());
        }
        for (Element box : form.select("input[type=checkbox][checked]")) {
            if (!uncheck.contains(box.val())) {
                request.param("apply", box.val());
            }
        }
        return request;
    }

    @Test
    void theResultsPageOffersTheAssessmentItWasOpenedFor() throws Exception {
        long id = newAssessment();
        String location = mvc.perform(AnalyzePagesTest.paste("Springdale", Ordinances.TEXT).param("assessment", String.valueOf(id)))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).endsWith("?assessment=" + id);
        Document results = page(get(location), 200);
        Element form = results.selectFirst(".use-as-evidence form");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).endsWith("/suggestions");
        assertThat(form.selectFirst("#use-assessment").val()).isEqualTo(String.valueOf(id));
        assertThat(results.select(".use-as-evidence").text()).contains("Kern County 2026", "nothing is saved until you apply");
    }

    @Test
    void suggestionsShowWhatWouldBeSavedAndSaveNothing() throws Exception {
        long id = newAssessment();
        String analysis = analyzed("Springdale Ordinance 12-34", Ordinances.TEXT);
        int revision = assessments.get(id).revision();

        Document page = page(get("/analyze/" + analysis + "/suggestions").param("assessment", String.valueOf(id)), 200);

        assertThat(assessments.get(id).revision()).as("nothing saved by looking").isEqualTo(revision);
        assertThat(page.select("h1").text()).isEqualTo("Suggestions for “Kern County 2026”");
        assertThat(page.select(".suggestion-group legend").eachText()).containsExactly("Detainer holds Limited",
                "Release notification Protects", "Jail access Protects", "No conviction carve-outs Limited", "287(g) agreements Protects");
        assertThat(page.select("input[name=apply]").eachAttr("value")).containsExactly(
                "label:detainer-hold", "evidence:detainer-hold", "label:release-notification", "evidence:release-notification",
                "label:jail-access", "evidence:jail-access", "label:conviction-carveouts", "evidence:conviction-carveouts",
                "label:287g", "evidence:287g",
                "answer:" + DETAINERS_POLICY, "answer:" + JAIL_POLICY, "answer:" + RELEASE_POLICY, "answer:" + CARVEOUTS);
        assertThat(page.select("input[name=apply]:not([checked])")).as("all new: all checked").isEmpty();
        assertThat(page.select("label[for=apply-answer-question-detainers-formal-policy]").text())
                .startsWith("1.2 Does your jurisdiction have a formal policy").endsWith("Answer: Other");
        assertThat(page.select("label[for=apply-answer-question-jail-access-formal-policy]").text()).endsWith("Answer: Yes");
        assertThat(page.select("#suggest-kind option[selected]").val()).isEqualTo("ordinance");
        assertThat(page.select("[role=note]").text()).contains("Nothing is saved until you press", "never on disk");
        // contracts: 287(g) is labeled but detention contracts are not, so none of its three questions is suggested
        assertThat(page.select("input[value^=answer:question.contracts]")).isEmpty();
        for (Element label : page.select(".suggestion > label")) {
            assertThat(page.getElementById(label.attr("for"))).as(label.text()).isNotNull();
        }
    }

    @Test
    void applyingSavesLabelsEvidenceAndAnswersFromTheAnalysisWithTheirExplanations() throws Exception {
        long id = newAssessment();
        String analysis = analyzed("Springdale Ordinance 12-34", Ordinances.TEXT);
        Document page = page(get("/analyze/" + analysis + "/suggestions").param("assessment", String.valueOf(id)), 200);

        mvc.perform(submit(page, List.of("evidence:287g", "answer:" + CARVEOUTS), "Ana"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/assessments/" + id + "/edit"))
                .andExpect(flash().attribute("flash", "Applied 12 suggestions from “Springdale Ordinance 12-34”."));

        Assessment saved = assessments.get(id);
        AssessmentContent content = saved.content();
        assertThat(content.provisionLabels()).containsOnly(
                java.util.Map.entry("detainer-hold", "limited"), java.util.Map.entry("release-notification", "protects"),
                java.util.Map.entry("jail-access", "protects"), java.util.Map.entry("conviction-carveouts", "limited"),
                java.util.Map.entry("287g", "protects"));
        assertThat(content.provisionCheck("jail-access").explanation()).isEqualTo("Inferred by the document analyzer from "
                + "“Springdale Ordinance 12-34” (Section 2.), not decided by a person: check it against the document. "
                + "“shall not” lays down the protective rule: it forbids the practice or requires the safeguard. The text: "
                + "“The City shall not permit ICE agents to access City jails for the purpose of investigative interviews.”");
        assertThat(content.answerCodes()).containsOnly(java.util.Map.entry(DETAINERS_POLICY, "OTHER"),
                java.util.Map.entry(JAIL_POLICY, "Y"), java.util.Map.entry(RELEASE_POLICY, "Y"));
        assertThat(content.answer(JAIL_POLICY).explanation()).startsWith("Suggested by the document analyzer")
                .contains("Jail access is labeled Protects (Section 2.): “The City shall not permit ICE agents");

        List<AssessmentContent.Evidence> evidence = content.evidence();
        assertThat(evidence).extracting(AssessmentContent.Evidence::item).containsExactly("provision.detainer-hold",
                "provision.release-notification", "provision.jail-access", "provision.conviction-carveouts");
        AssessmentContent.Evidence detainers = evidence.get(0);
        assertThat(detainers.sourceTitle()).isEqualTo("Springdale Ordinance 12-34");
        assertThat(detainers.sourceKind().id()).isEqualTo("department-policy");
        assertThat(detainers.citation()).isEqualTo("Section 1. (a)");
        assertThat(detainers.quote()).isEqualTo("(a) No agency or agent of the City shall detain any person on the basis of an "
                + "immigration detainer, unless the person has been convicted of a violent felony.");
        assertThat(detainers.shows().id()).isEqualTo("policy");
        assertThat(detainers.seenOn()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(assessments.history(id).get(assessments.history(id).size() - 1).editor()).isEqualTo("Tester " + Members.EDITOR);

        // the same suggestions again: everything already there, so every box is clear and the evidence not doubled
        Document again = page(get("/analyze/" + analysis + "/suggestions").param("assessment", String.valueOf(id)), 200);
        assertThat(again.select("input[name=apply][checked]").eachAttr("value"))
                .containsExactly("evidence:287g", "answer:" + CARVEOUTS);
        assertThat(again.select("#suggest-jail-access").text()).contains("already has this label", "already evidence 3");
    }

    @Test
    void anExistingDifferentValueIsShownAndLeftUnchecked() throws Exception {
        long id = newAssessment();
        assessments.saveProvision(id, "jail-access", 0, "contrary", "Sheriff's MOU lets ICE in", "Ben");
        assessments.saveAnswer(id, JAIL_POLICY, 0, "N", "no policy found", "Ben");
        String analysis = analyzed("Springdale", Ordinances.TEXT);

        Document page = page(get("/analyze/" + analysis + "/suggestions").param("assessment", String.valueOf(id)), 200);

        Element jail = page.getElementById("suggest-jail-access");
        assertThat(jail.selectFirst("input[value=label:jail-access]").hasAttr("checked")).isFalse();
        assertThat(jail.selectFirst("input[value=evidence:jail-access]").hasAttr("checked")).isTrue();
        assertThat(jail.select(".different").text()).isEqualTo("The assessment now says: Contrary — Sheriff's MOU lets ICE in");
        Element answer = page.getElementById("apply-answer-question-jail-access-formal-policy").parent();
        assertThat(answer.selectFirst("input[type=checkbox]").hasAttr("checked")).isFalse();
        assertThat(answer.select(".different").text()).isEqualTo("The assessment now says: No — no policy found");
        assertThat(page.selectFirst("input[name='version:label:jail-access']").val())
                .isEqualTo(String.valueOf(assessments.get(id).version("provision/jail-access")));
    }

    @Test
    void aChangeMadeMeanwhileIsReportedAndTheRestIsSaved() throws Exception {
        long id = newAssessment();
        String analysis = analyzed("Springdale", Ordinances.TEXT);
        Document page = page(get("/analyze/" + analysis + "/suggestions").param("assessment", String.valueOf(id)), 200);
        // someone else labels jail access and answers 1.2 while the page is open
        assessments.saveProvision(id, "jail-access", 0, "limited", "only with consent", "Ben");
        assessments.saveAnswer(id, DETAINERS_POLICY, 0, "Y", "Ben's reading", "Ben");

        Document result = page(submit(page, List.of(), "Ana"), 409);

        AssessmentContent content = assessments.get(id).content();
        assertThat(content.provisionCheck("jail-access").label()).as("Ben's label stays").isEqualTo("limited");
        assertThat(content.answer(DETAINERS_POLICY).answer()).isEqualTo("Y");
        assertThat(content.provisionCheck("detainer-hold").label()).as("the rest is saved").isEqualTo("limited");
        assertThat(content.answer(JAIL_POLICY).answer()).isEqualTo("Y");
        assertThat(content.evidenceFor("provision.jail-access")).hasSize(1);
        assertThat(result.select("#outcomes-heading").text()).isEqualTo("12 of 14 saved");
        String stale = ": not saved: Ben changed it on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC, after these suggestions were shown\\. "
                + "What the assessment says now is shown below; check the box again to replace it\\.";
        assertThat(result.select(".outcomes li.problem").eachText()).satisfiesExactly(
                jail -> assertThat(jail).matches("Label “Jail access” as Protects" + stale),
                answer -> assertThat(answer).matches("Answer 1\\.2: Other" + stale));
        // what Ben saved is shown, its box clear; checking it again replaces it with the new version
        assertThat(result.select("#suggest-jail-access .different").text()).isEqualTo("The assessment now says: Limited — only with consent");
        assertThat(result.selectFirst("input[value=label:jail-access]").hasAttr("checked")).isFalse();
        Element form = result.selectFirst("form[action$=/apply]");
        mvc.perform(post(form.attr("action")).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("assessment", String.valueOf(id)).param("apply", "label:jail-access")
                        .param("version:label:jail-access", form.selectFirst("input[name='version:label:jail-access']").val()))
                .andExpect(status().isFound());
        assertThat(assessments.get(id).content().provisionCheck("jail-access").label()).isEqualTo("protects");
    }

    @Test
    void badInputToTheApplyStepSavesWhatItCanAndSaysWhatItCouldNot() throws Exception {
        long id = newAssessment();
        String analysis = analyzed("Springdale", Ordinances.TEXT);
        Document page = page(get("/analyze/" + analysis + "/suggestions").param("assessment", String.valueOf(id)), 200);
        MockHttpServletRequestBuilder request = submit(page, List.of(), "Ana").param("sourceKind", "gossip");

        Document result = page(request, 422);
        assertThat(result.select(".outcomes li.problem")).hasSize(5).allSatisfy(li -> assertThat(li.text()).contains("gossip"));
        assertThat(assessments.get(id).content().evidence()).isEmpty();
        assertThat(assessments.get(id).content().provisionLabels()).hasSize(5);

        mvc.perform(post("/analyze/" + analysis + "/apply").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("assessment", String.valueOf(id)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("No suggestion was checked, so nothing was saved.")));
        mvc.perform(post("/analyze/" + analysis + "/apply").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("assessment", String.valueOf(id)).param("apply", "label:made-up", "answer:question.none"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("No suggestion was checked, so nothing was saved.")));
        mvc.perform(post("/analyze/" + analysis + "/apply").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("assessment", String.valueOf(id)).param("apply", "label:287g"))
                .andExpect(status().isForbidden());
    }

    @Test
    void quotesPostedBackAreIgnoredWhatIsSavedComesFromTheAnalysis() throws Exception {
        long id = newAssessment();
        String analysis = analyzed("Springdale", Ordinances.TEXT);
        mvc.perform(post("/analyze/" + analysis + "/apply").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("assessment", String.valueOf(id)).param("apply", "evidence:jail-access", "label:info-sharing",
                                "evidence:made-up", "answer:question.contracts.no-287g-agreement")
                        .param("quote", "The City shall detain everyone.").param("label", "contrary"))
                .andExpect(status().isFound());
        // sent twice (a double click, the back button): the quote is not added again
        mvc.perform(post("/analyze/" + analysis + "/apply").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("assessment", String.valueOf(id)).param("apply", "evidence:jail-access"))
                .andExpect(status().isFound());
        AssessmentContent content = assessments.get(id).content();
        assertThat(content.evidence()).singleElement().satisfies(e -> assertThat(e.quote())
                .isEqualTo("The City shall not permit ICE agents to access City jails for the purpose of investigative interviews."));
        assertThat(content.provisionLabels()).isEmpty();
        assertThat(content.answerCodes()).isEmpty();
    }

    @Test
    void aDocumentThatIsNotBindingSuggestsNoAnswers() throws Exception {
        long id = newAssessment();
        String analysis = analyzed("SB 54", "SENATE BILL 54\n" + Ordinances.TEXT);
        Document page = page(get("/analyze/" + analysis + "/suggestions").param("assessment", String.valueOf(id)), 200);
        assertThat(page.select("input[value^=answer:]")).isEmpty();
        assertThat(page.select("input[value^=label:]")).hasSize(5);
        assertThat(page.select("#suggest-answers-heading + p").text())
                .isEqualTo("No answers are suggested, because the document is not binding (a bill, not an enacted law): "
                        + "a question about a jurisdiction’s policy is answered by law or policy in force.");
        assertThat(page.select("#suggest-kind option[selected]").val()).isEqualTo("bill");
    }

    @Test
    void theAssessmentMustBeGivenAndExist() throws Exception {
        String analysis = analyzed("Springdale", Ordinances.TEXT);
        assertThat(page(get("/analyze/" + analysis + "/suggestions"), 422).select("[role=alert]").text())
                .isEqualTo("Type the number of the assessment to use these results for.");
        assertThat(page(get("/analyze/" + analysis + "/suggestions").param("assessment", "Kern"), 422).select("[role=alert]").text())
                .startsWith("“Kern” is not an assessment number.");
        assertThat(page(get("/analyze/" + analysis + "/suggestions").param("assessment", "987654"), 404).select("[role=alert]").text())
                .contains("987654");
    }

    @Test
    void expiredOrUnknownResultsSayClearlyThatNothingWasSaved() throws Exception {
        long id = newAssessment();
        assertThat(page(get("/analyze/AAAAAAAAAAAAAAAAAAAAAA/suggestions").param("assessment", String.valueOf(id)), 404)
                .select("[role=alert]").text()).startsWith("These results are no longer kept");
        Document gone = page(post("/analyze/AAAAAAAAAAAAAAAAAAAAAA/apply").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("assessment", String.valueOf(id)).param("apply", "label:287g"), 404);
        assertThat(gone.select("[role=alert]").text()).isEqualTo("These results are no longer kept: results stay in memory for "
                + "60 minutes and are then forgotten (or the address is wrong). Nothing was saved. Analyze the document again.");
        assertThat(gone.select("form[action^=/analyze?assessment=" + id + "]")).hasSize(2);
        assertThat(assessments.get(id).revision()).isEqualTo(1);
    }

    @Test
    void anEvidenceLimitIsReportedNotHidden() throws Exception {
        long id = newAssessment();
        for (int i = 0; i < 199; i++) {
            assessments.addEvidence(id, new EvidenceInput("provision.287g", "filler", "other", "c " + i, null, null, null, "policy", null), "x");
        }
        String analysis = analyzed("Springdale", Ordinances.TEXT);
        Document page = page(get("/analyze/" + analysis + "/suggestions").param("assessment", String.valueOf(id)), 200);
        Document result = page(submit(page, List.of(), "Ana"), 422);
        assertThat(result.select(".outcomes li.problem")).hasSize(4)
                .allSatisfy(li -> assertThat(li.text()).startsWith("Evidence for").contains("200"));
        assertThat(assessments.get(id).content().evidence()).hasSize(200);
    }
}

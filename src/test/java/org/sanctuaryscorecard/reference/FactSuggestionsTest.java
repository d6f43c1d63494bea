package org.sanctuaryscorecard.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.Assessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Facts from public lists become answers and evidence only when a person checks them and applies. */
@ScorecardWebTest
@WithUserDetails(value = Members.EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
class FactSuggestionsTest {

    static final String NO_287G = "question.contracts.no-287g-agreement";
    static final String NO_ICE_CONTRACTS = "question.contracts.no-ice-contracts";
    static final String NO_BED_SPACE = "question.contracts.no-bed-space-agreement";

    @Autowired
    Accounts accounts;
    @Autowired
    Assessments assessments;
    @Autowired
    MockMvc mvc;

    Organization organization;

    @BeforeEach
    void standardMembers() {
        organization = Members.standard(accounts);
    }

    private long newAssessment(String geoid) {
        return assessments.create(geoid, organization.id(), "Test " + geoid, "Tester", "2026-10-01", "Tester").id();
    }

    private Document page(long id) throws Exception {
        return Jsoup.parse(mvc.perform(get("/assessments/" + id + "/facts")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The form as a browser sends it, with only the boxes whose value starts with one of {@code keep} checked. */
    private MockHttpServletRequestBuilder submit(Document page, String... keep) {
        Element form = page.selectFirst("form[action$=/facts/apply]");
        MockHttpServletRequestBuilder request = post(form.attr("action")).with(csrf())
                .contentType("application/x-www-form-urlencoded");
        for (Element input : form.select("input[type=hidden]")) {
            request.param(input.attr("name"), input.attr("value"));
        }
        for (Element box : form.select("input[type=checkbox]")) {
            for (String prefix : keep) {
                if (box.attr("value").startsWith(prefix)) {
                    request.param("apply", box.attr("value"));
                }
            }
        }
        return request;
    }

    @Test
    void a287gAgreementOfTheCountySuggestsNoWithTheFactAndSavesOnlyWhatIsChecked() throws Exception {
        long id = newAssessment("01033");
        Document page = page(id);
        assertThat(page.text()).contains("ICE listed a Task Force Model 287(g) agreement signed 2025-07-02 with the Colbert"
                + " County Sheriff's Office (ICE list of 2025-07-18)");
        assertThat(page.select("input[type=checkbox]")).extracting(e -> e.attr("value"))
                .contains("answer:" + NO_287G, "answer:" + NO_ICE_CONTRACTS, "landscape:landscape.response-practice")
                .anyMatch(v -> v.startsWith("evidence:") && v.endsWith(":" + NO_287G));
        assertThat(assessments.get(id).content().answer(NO_287G).answer()).as("nothing saved by showing").isNull();

        mvc.perform(submit(page, "answer:" + NO_287G, "evidence:")).andExpect(status().is3xxRedirection());

        Assessment saved = assessments.get(id);
        AssessmentContent.QuestionAnswer answer = saved.content().answer(NO_287G);
        assertThat(answer.answer()).isEqualTo("N");
        assertThat(answer.explanation()).startsWith("Suggested from a public list, confirmed by")
                .contains("(ICE list of 2025-07-18)");
        assertThat(saved.content().answer(NO_ICE_CONTRACTS).answer()).as("not checked, not saved").isNull();
        assertThat(saved.content().landscapeAnswer("landscape.response-practice").text()).isNull();
        // Colbert County's sheriff holds three agreements (Task Force, Warrant Service Officer, Jail Enforcement): one row each
        assertThat(saved.content().evidenceFor(NO_287G)).hasSize(3).first().satisfies(e -> {
            assertThat(e.sourceTitle()).isEqualTo("ICE 287(g) participating agencies, list of 2025-07-18");
            assertThat(e.quote()).contains("law_enforcement_agency: Colbert County Sheriff's Office").contains("signed: 2025-07-02");
            assertThat(e.citation()).isEqualTo("row 3 of ice_287g_participating_agencies_2025-07-18_with_fips.csv");
            assertThat(e.shows().id()).isEqualTo("practice");
        });

        // shown again: the answer is there now, so it is no longer checked, and the same evidence is not offered twice
        Document again = page(id);
        assertThat(again.selectFirst("input[value=answer:" + NO_287G + "]").hasAttr("checked")).isFalse();
        mvc.perform(submit(again, "evidence:")).andExpect(status().is3xxRedirection());
        assertThat(assessments.get(id).content().evidenceFor(NO_287G)).hasSize(3);
    }

    @Test
    void nothingCheckedSavesNothingAndAStaleVersionIsReportedNotOverwritten() throws Exception {
        long id = newAssessment("01033");
        Document page = page(id);
        mvc.perform(submit(page)).andExpect(status().isUnprocessableContent());
        assessments.saveAnswer(id, NO_287G, 0, "Y", "A county ordinance forbids it.", "Someone else");
        mvc.perform(submit(page, "answer:" + NO_287G)).andExpect(status().isConflict());
        assertThat(assessments.get(id).content().answer(NO_287G).answer()).isEqualTo("Y");
    }

    @Test
    void anIgsaFacilitySuggestsNoToRentingBedsAndAPlaceGetsNothingFromItsCountysSheriff() throws Exception {
        // Grays Harbor County, WA: the Aberdeen City Jail is listed as IGSA
        Document graysHarbor = page(newAssessment("53027"));
        assertThat(graysHarbor.select("input[type=checkbox]")).extracting(e -> e.attr("value")).contains("answer:" + NO_BED_SPACE);
        // Muscle Shoals city lies in Colbert County: the sheriff's agreement is the county's, not the city's
        Document muscleShoals = page(newAssessment("0153016"));
        assertThat(muscleShoals.select("input[type=checkbox]")).isEmpty();
        assertThat(muscleShoals.text()).contains("No current public list names Muscle Shoals city");
    }

    @Test
    @WithUserDetails(value = Members.VIEWER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aViewerOfTheOrganizationDoesNotSeeTheSuggestions() throws Exception {
        long id = newAssessment("01033");
        mvc.perform(get("/assessments/" + id + "/facts")).andExpect(status().isNotFound());
    }
}

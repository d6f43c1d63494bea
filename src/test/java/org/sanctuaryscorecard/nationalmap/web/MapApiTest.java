package org.sanctuaryscorecard.nationalmap.web;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.sanctuaryscorecard.scoring.CriterionStatus;
import org.sanctuaryscorecard.scoring.Scoring;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/map} against the examples the application publishes at start: San Francisco (county 06075, as of
 * 2025-01-01) and California (state 06, as of 2025-01-01).
 */
@ScorecardWebTest
class MapApiTest {

    static final int NOT_ASSESSED = 4;

    @Autowired
    MockMvc mvc;
    @Autowired
    JurisdictionCatalog catalog;
    @Autowired
    Assessments assessments;
    @Autowired
    Framework framework;
    @Autowired
    Accounts accounts;

    @Test
    void everyCountyHasAValueAndSanFranciscoHasItsPublishedExample() throws Exception {
        var sanFrancisco = assessments.latestPublished(LocalDate.of(2025, 1, 1)).get("06075");
        org.assertj.core.api.Assertions.assertThat(sanFrancisco).as("the published example of San Francisco").isNotNull();
        var content = assessments.get(sanFrancisco.id()).content();
        var summary = Scoring.summarize(framework, content.answerCodes(), content.provisionLabels());
        int met = summary.count(CriterionStatus.MET);

        mvc.perform(get("/api/map").param("layer", "criteria-met").param("level", "county").param("asOf", "2025-01-01")
                        .param("explain", "true"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.layer").value("criteria-met"))
                .andExpect(jsonPath("$.level").value("county"))
                .andExpect(jsonPath("$.asOf").value("2025-01-01"))
                .andExpect(jsonPath("$.legend[4].id").value("not-assessed"))
                .andExpect(jsonPath("$.legend[4].pattern").value("hatch"))
                .andExpect(jsonPath("$.legend[2].id").value("none-met"))
                .andExpect(jsonPath("$.missing").value(NOT_ASSESSED))
                .andExpect(jsonPath("$.values", aMapWithSize(catalog.count(JurisdictionKind.COUNTY))))
                .andExpect(jsonPath("$.values.06075").value(not(NOT_ASSESSED)))
                .andExpect(jsonPath("$.values.48301").value(NOT_ASSESSED))
                .andExpect(jsonPath("$.values.09110").value(NOT_ASSESSED))
                .andExpect(jsonPath("$.explanations.06075.link").value("/assessments/" + sanFrancisco.id()))
                .andExpect(jsonPath("$.explanations.06075.text").value(startsWith("Meets " + met + " of "
                        + framework.criteria().size() + " criteria")))
                .andExpect(jsonPath("$.explanations.06075.text").value(containsString("City and County of San Francisco")))
                .andExpect(jsonPath("$.explanations.48301").doesNotExist());
        org.assertj.core.api.Assertions.assertThat(catalog.count(JurisdictionKind.COUNTY)).isGreaterThanOrEqualTo(3233);
    }

    @Test
    void beforeItsAsOfDateTheExampleIsNotAssessedAndExplanationsComeOnlyOnDemand() throws Exception {
        mvc.perform(get("/api/map").param("layer", "criteria-met").param("level", "county").param("asOf", "2024-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.layer").value("criteria-met"))
                .andExpect(jsonPath("$.values.06075").value(NOT_ASSESSED))
                .andExpect(jsonPath("$.explanations").doesNotExist());
    }

    @Test
    void aCriterionLayerAtStateLevelShowsFloridasDecidedCriterionAndCaliforniasUndecidedOneAsNotAssessed() throws Exception {
        var published = assessments.latestPublished(LocalDate.of(2025, 6, 1));
        var florida = assessments.get(published.get("12").id()).content();
        var result = Scoring.summarize(framework, florida.answerCodes(), florida.provisionLabels()).criteria().stream()
                .filter(r -> r.status() != CriterionStatus.NOT_YET_ASSESSED).findFirst().orElseThrow();
        int expected = switch (result.status()) {
            case MET -> 0;
            case PARTLY_MET -> 1;
            case NOT_MET -> 2;
            default -> 3;
        };
        var california = assessments.get(published.get("06").id()).content();
        var undecided = Scoring.summarize(framework, california.answerCodes(), california.provisionLabels())
                .criterion(result.criterionId()).status() == CriterionStatus.NOT_YET_ASSESSED;
        mvc.perform(get("/api/map").param("layer", "criterion." + result.criterionId()).param("level", "state")
                        .param("asOf", "2025-06-01").param("explain", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("state"))
                .andExpect(jsonPath("$.values", aMapWithSize(catalog.count(JurisdictionKind.STATE))))
                .andExpect(jsonPath("$.values.12").value(expected))
                .andExpect(jsonPath("$.values.48").value(NOT_ASSESSED))
                .andExpect(jsonPath("$.values.06085").doesNotExist())
                .andExpect(jsonPath("$.legend[*].id", hasItem("needs-review")))
                .andExpect(jsonPath("$.explanations.12.text").value(containsString("as of 2025-04-01")));
        // California's example does not answer the questions of that criterion: not assessed, with its explanation
        org.assertj.core.api.Assertions.assertThat(undecided).as("California's example leaves the criterion undecided").isTrue();
        mvc.perform(get("/api/map").param("layer", "criterion." + result.criterionId()).param("level", "state")
                        .param("asOf", "2025-06-01").param("explain", "true"))
                .andExpect(jsonPath("$.values.06").value(NOT_ASSESSED))
                .andExpect(jsonPath("$.explanations.06.text").value(startsWith("Not yet assessed, by the published assessment")));
    }

    @Test
    void eachDateShowsTheLatestAssessmentPublishedWithAnAsOfDateByThenAndAChangeShowsAtOnce() throws Exception {
        long organization = Members.standard(accounts).id();
        String petroleum = "30069";
        long older = publish(assessments.create(petroleum, organization, "Map test: 2019", "A", "2019-01-01", "A").id());
        long newer = publish(assessments.create(petroleum, organization, "Map test: 2024", "A", "2024-01-01", "A").id());
        assessments.create(petroleum, organization, "Map test: draft", "A", "2025-06-01", "A");

        String[][] expected = {{"2018-12-31", null}, {"2019-01-01", "/assessments/" + older},
                {"2023-12-31", "/assessments/" + older}, {"2024-01-01", "/assessments/" + newer},
                {"2026-01-01", "/assessments/" + newer}};
        for (String[] e : expected) {
            var path = jsonPath("$.explanations." + petroleum + ".link");
            mvc.perform(get("/api/map").param("layer", "criteria-met").param("asOf", e[0]).param("explain", "true"))
                    .andExpect(e[1] == null ? path.doesNotExist() : path.value(e[1]));
        }
        mvc.perform(get("/api/map").param("layer", "criteria-met").param("asOf", "2025-01-01").param("explain", "true"))
                .andExpect(jsonPath("$.values." + petroleum).value(3))
                .andExpect(jsonPath("$.explanations." + petroleum + ".text").value(containsString("Map test: 2024")));

        // the newer one goes back to draft: the map shows the older one again (no stale cached score)
        assessments.setStatus(newer, 3, "draft", "Map test: back to draft", "A");
        mvc.perform(get("/api/map").param("layer", "criteria-met").param("asOf", "2025-01-01").param("explain", "true"))
                .andExpect(jsonPath("$.explanations." + petroleum + ".link").value("/assessments/" + older));
    }

    private long publish(long id) {
        assessments.setStatus(id, 1, "in-review", null, "A");
        assessments.setStatus(id, 2, "published", null, "A");
        return id;
    }

    @Test
    void badParametersAre400WithAMessage() throws Exception {
        mvc.perform(get("/api/map").param("layer", "nope"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.message").value(containsString("There is no map layer \u201cnope\u201d. The layers are: protection, provision.")));
        mvc.perform(get("/api/map").param("level", "city"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The level \u201ccity\u201d is not one: use state or county."));
        mvc.perform(get("/api/map").param("asOf", "2025-13-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("is not a date: write it as year-month-day")));
        mvc.perform(get("/api/map").param("asOf", "1700-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(startsWith("The date 1700-01-01 is out of range: choose a date from 1776-07-04 to today")));
        mvc.perform(get("/api/map").param("asOf", LocalDate.now().plusDays(2).toString()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/map").param("explain", "yes"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("explain must be true or false."));
    }
}

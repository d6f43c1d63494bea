package org.sanctuaryscorecard.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ScorecardWebTest
class ApiV1Test {

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    Organization organization;

    @BeforeEach
    void members() {
        organization = Members.standard(accounts);
    }

    private RequestPostProcessor as(String username) {
        return user(new AccountPrincipal(accounts.find(username).orElseThrow(), "unused"));
    }

    @Test
    void theVersionedRoutesAnswerAsTheFoundationsRoutesDo() throws Exception {
        long published = ReportFixtures.published(assessments, organization.id(), "13063", "Clayton County v1", "2026-09-01", "q");
        for (String path : List.of("/framework", "/jurisdictions?q=santa%20cl&limit=3", "/jurisdictions/06085",
                "/jurisdictions/13063/assessments", "/assessments/" + published, "/assessments/" + published + "/history",
                "/assessments/" + published + "/export")) {
            String old = mvc.perform(get("/api" + path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String v1 = mvc.perform(get("/api/v1" + path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(v1).as(path).isEqualTo(old).isNotBlank();
        }
    }

    @Test
    void publicAnswersHaveAWeakETagA304AndAShortPublicCache() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/api/v1/framework")).andExpect(status().isOk()).andReturn().getResponse();
        String etag = first.getHeader("ETag");
        assertThat(etag).matches("W/\"[0-9a-f]{33}\"");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(first.getHeaders("Vary")).contains("Authorization, Cookie");

        MockHttpServletResponse again = mvc.perform(get("/api/v1/framework").header("If-None-Match", etag))
                .andExpect(status().isNotModified()).andReturn().getResponse();
        assertThat(again.getContentAsString()).isEmpty();
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        mvc.perform(get("/api/framework").header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get("/api/v1/framework").header("If-None-Match", "\"something-else\"")).andExpect(status().isOk());

        // an assessment's ETag changes with its content
        long id = ReportFixtures.published(assessments, organization.id(), "13151", "Henry County v1", "2026-09-01", "q");
        String before = mvc.perform(get("/api/v1/assessments/" + id)).andReturn().getResponse().getHeader("ETag");
        assessments.setStatus(id, assessments.get(id).version("status"), "draft", "a fix", "A");
        ReportFixtures.publish(assessments, id);
        String after = mvc.perform(get("/api/v1/assessments/" + id)).andReturn().getResponse().getHeader("ETag");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void signedInAnswersAndDraftsAreNeverCachedAndDraftsAreNeverPublic() throws Exception {
        long draft = ReportFixtures.draft(assessments, organization.id(), "13113", "Fayette County draft", "2026-09-01", "q");
        mvc.perform(get("/api/v1/assessments/" + draft)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/assessments/" + draft).with(as(Members.OUTSIDER))).andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/jurisdictions/13113/assessments")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("Fayette County draft");

        MockHttpServletResponse member = mvc.perform(get("/api/v1/assessments/" + draft).with(as(Members.VIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(member.getHeader("Cache-Control")).isEqualTo("private, no-store");
        MockHttpServletResponse memberList = mvc.perform(get("/api/v1/jurisdictions/13113/assessments").with(as(Members.VIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(memberList.getContentAsString()).contains("Fayette County draft");
        assertThat(memberList.getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(mvc.perform(get("/api/v1/framework").with(as(Members.OUTSIDER))).andReturn().getResponse()
                .getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(mvc.perform(get("/downloads/criteria.csv").with(as(Members.OUTSIDER))).andReturn().getResponse()
                .getHeader("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void theOpenApiDescriptionListsTheVersionedRoutesOnly() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/api/docs.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(api.get("info").get("title").asString()).isEqualTo("Sanctuary Scorecard API");
        List<String> paths = new ArrayList<>(api.get("paths").propertyNames());
        assertThat(paths).contains("/api/v1/framework", "/api/v1/jurisdictions", "/api/v1/jurisdictions/{geoid}",
                "/api/v1/jurisdictions/{geoid}/assessments", "/api/v1/assessments/{id}", "/api/v1/assessments/{id}/history",
                "/api/v1/assessments/{id}/export", "/api/v1/exports/{dataset}.csv", "/api/v1/exports/{dataset}.json",
                "/api/v1/exports/codebook");
        assertThat(paths).allMatch(p -> p.startsWith("/api/v1/"));
        for (String path : paths) {
            assertThat(api.get("paths").get(path).propertyNames()).as(path).containsOnly("get");
        }
    }
}

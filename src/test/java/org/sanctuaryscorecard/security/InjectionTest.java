package org.sanctuaryscorecard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.sanctuaryscorecard.audit.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile text in every text field of an assessment and of the account pages (names of people and organizations,
 * the audit trail's filter): script and markup appear escaped on every page and in every PDF-source page that shows
 * them, SQL-looking text is stored and shown exactly as typed (or refused where only a plain name fits), and text over
 * a field's limit is refused with a message, storing nothing.
 */
@ScorecardWebTest
@WithUserDetails(value = Members.EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
class InjectionTest {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String MARKUP = "<img src=x onerror=alert(1)>";
    static final String QUOTES = "\"'><svg/onload=alert(2)>";
    static final String SQL = "'; DROP TABLE assessment; --";
    static final String HOSTILE = SCRIPT + MARKUP + QUOTES + SQL;
    static final String Q = "question.detainers.formal-policy";

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Organization organization;

    @BeforeEach
    void members() {
        organization = Members.standard(accounts);
        Members.siteAdmin(accounts);
    }

    private long hostileAssessment() {
        long id = assessments.create("06085", organization.id(), "Title " + HOSTILE, "Author " + HOSTILE, "2026-11-01", "Ed").id();
        assessments.saveAnswer(id, Q, 0, "Y", "Explanation " + HOSTILE, "Ed");
        assessments.saveProvision(id, "287g", 0, "protects", "Provision " + HOSTILE, "Ed");
        assessments.saveLandscape(id, "landscape.detainer-recipients", 0, null, null, List.of("Agency " + HOSTILE), null, "Ed");
        assessments.saveLandscape(id, "landscape.state-framework", 0, null, "Framework " + HOSTILE, null, "https://example.org/?q="
                + "%3Cscript%3E", "Ed");
        assessments.addEvidence(id, new EvidenceInput(Q, "Source " + HOSTILE, "ordinance", "Citation " + HOSTILE,
                "https://example.org/a?b=%3Cc%3E", "2026-11-20", "Quote " + HOSTILE, "policy", null), "Ed");
        return id;
    }

    @Test
    void hostileTextIsEscapedOnEveryPageThatShowsItAndStoredVerbatim() throws Exception {
        long id = hostileAssessment();
        Assessment stored = assessments.get(id);
        assertThat(stored.content().title()).isEqualTo("Title " + HOSTILE);
        assertThat(stored.content().answer(Q).explanation()).isEqualTo("Explanation " + HOSTILE);
        assertThat(stored.content().evidence().get(0).quote()).isEqualTo("Quote " + HOSTILE);

        List<String> pages = List.of("/assessments/" + id, "/assessments/" + id + "/edit", "/assessments/" + id + "/worksheet",
                "/assessments/" + id + "/history", "/assessments/" + id + "/revisions/2",
                "/assessments/" + id + "/compare?from=1&to=" + stored.revision(), "/jurisdictions/06085");
        for (String page : pages) {
            String html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain(SCRIPT).doesNotContain(MARKUP).doesNotContain("<svg/onload");
            assertThat(html).as("%s shows the text, escaped", page).contains("&lt;script&gt;alert(");
        }
        // JSON carries the text exactly, as data
        mvc.perform(get("/api/assessments/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.content.title").value("Title " + HOSTILE));
    }

    /**
     * Every text field of a correction request, sent by a visitor without an account: stored exactly as typed, and
     * escaped on the reviewer's list and request pages (and, when the request is refused, on the form that comes back).
     */
    @Test
    @WithUserDetails(value = Members.REVIEWER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void hostileTextInACorrectionRequestIsEscapedOnTheReviewersPages() throws Exception {
        long id = assessments.create("06085", organization.id(), "Corrections", "A", "2026-11-01", "Ed").id();
        Actor.SYSTEM.run(() -> {
            assessments.setStatus(id, 1, "in-review", null, "Ed");
            assessments.setStatus(id, assessments.get(id).version("status"), "published", null, "Rae");
        });
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Name " + HOSTILE);
        fields.put("organization", "Office " + HOSTILE);
        fields.put("email", "o'hara@example.org");
        fields.put("part", "other");
        fields.put("whatIsWrong", "Wrong " + HOSTILE);
        fields.put("shouldSay", "Should " + HOSTILE);
        fields.put("citation", "Citation " + HOSTILE);
        fields.put("link", "https://example.org/?q='onmouseover=alert(3)&r=%3Cscript%3E");

        // refused (the part is not one of the scorecard's): the form comes back with everything typed, escaped
        var refused = multipart("/corrections/assessments/" + id).with(anonymous()).with(csrf()).with(from("192.0.2.201"));
        fields.forEach(refused::param);
        refused.param("part", HOSTILE);
        String form = mvc.perform(refused).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(form).doesNotContain(SCRIPT).doesNotContain(MARKUP).doesNotContain("<svg/onload")
                .contains("&lt;script&gt;alert(");

        var sent = multipart("/corrections/assessments/" + id).with(anonymous()).with(csrf()).with(from("192.0.2.202"));
        fields.forEach(sent::param);
        mvc.perform(sent).andExpect(status().is3xxRedirection());
        long requestId = jdbc.sql("SELECT id FROM correction_request WHERE assessment_id = ?").param(id).query(Long.class).single();
        assertThat(jdbc.sql("SELECT requester_name, what_is_wrong, citation FROM correction_request WHERE id = ?").param(requestId)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single())
                .containsExactly("Name " + HOSTILE, "Wrong " + HOSTILE, "Citation " + HOSTILE);

        for (String page : List.of("/account/corrections?status=all&assessment=" + id, "/account/corrections/" + requestId)) {
            String html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain(SCRIPT).doesNotContain(MARKUP).doesNotContain("<svg/onload")
                    .doesNotContain("'onmouseover");
            assertThat(html).as("%s shows the text, escaped", page).contains("Name &lt;script&gt;alert(");
        }
        String detail = mvc.perform(get("/account/corrections/" + requestId)).andReturn().getResponse().getContentAsString();
        for (String field : List.of("Office ", "Wrong ", "Should ", "Citation ")) {
            assertThat(detail).as(field).contains(field + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        }
        assertThat(detail).contains("href=\"https://example.org/?q=&#39;onmouseover=alert(3)&amp;r=%3Cscript%3E\"")
                .contains("href=\"mailto:o&#39;hara@example.org\"");
    }

    @Test
    void sqlLookingInputIsJustText() throws Exception {
        long id = assessments.create("06085", organization.id(), SQL, SQL, "2026-11-01", "Ed").id();
        mvc.perform(put("/api/assessments/" + id + "/answers/" + Q).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"N\", \"explanation\": \"1' OR '1'='1\", \"version\": 0}"))
                .andExpect(status().isOk());
        assertThat(assessments.get(id).content().title()).isEqualTo(SQL);
        assertThat(assessments.get(id).content().answer(Q).explanation()).isEqualTo("1' OR '1'='1");
        assertThat(assessments.listFor("06085")).anyMatch(a -> a.id() == id);
    }

    @Test
    @WithUserDetails(value = Members.SITE_ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theAccountPagesTextFieldsAreEscapedStoredVerbatimAndLimited() throws Exception {
        String slug = Members.unique("org");
        String username = Members.unique("user");
        mvc.perform(post("/admin/organizations").with(csrf()).param("slug", slug).param("name", "Org " + HOSTILE))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/accounts").with(csrf()).param("username", username).param("displayName", "Name " + HOSTILE)
                .param("password", "a long enough password")).andExpect(status().isFound());
        mvc.perform(post("/organizations/" + slug + "/members").with(csrf()).param("username", username).param("role", "admin"))
                .andExpect(status().isFound());
        assertThat(accounts.organization(slug).orElseThrow().name()).isEqualTo("Org " + HOSTILE);
        assertThat(accounts.find(username).orElseThrow().displayName()).isEqualTo("Name " + HOSTILE);

        for (String page : List.of("/admin", "/organizations", "/organizations/" + slug, "/organizations/" + slug + "/audit",
                "/admin/audit", "/admin/audit?person")) {
            // the last: the audit trail's filter shows what was typed in it, in its field and in its message
            String html = mvc.perform(page.endsWith("?person") ? get("/admin/audit").param("person", HOSTILE) : get(page))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain(SCRIPT).doesNotContain(MARKUP).doesNotContain("<svg/onload");
            assertThat(html).as("%s shows the text, escaped", page).contains("&lt;script&gt;alert(");
        }
        // a username or short name is never free text: SQL-looking ones are refused as any other bad one
        mvc.perform(post("/admin/accounts").with(csrf()).param("username", SQL).param("displayName", "X")
                        .param("password", "a long enough password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("cannot be a username")));
        mvc.perform(post("/admin/organizations").with(csrf()).param("slug", SQL).param("name", "X"))
                .andExpect(status().isUnprocessableContent());
        assertThat(accounts.count()).isPositive();
        // over-long names are refused with the limit, storing nothing
        String long1 = Members.unique("user");
        mvc.perform(post("/admin/accounts").with(csrf()).param("username", long1).param("displayName", "x".repeat(201))
                        .param("password", "a long enough password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Names can be at most 200 characters long")));
        assertThat(accounts.find(long1)).isEmpty();
    }

    @Test
    void textOverAFieldsLimitIsRefusedWithAMessageAndStoresNothing() throws Exception {
        long id = assessments.create("06085", organization.id(), "Limits", "A", "2026-11-01", "Ed").id();
        int revision = assessments.get(id).revision();
        Map<String, String> tooLong = Map.of(
                "/answers/" + Q, "{\"answer\": \"Y\", \"explanation\": \"" + "x".repeat(20_001) + "\", \"version\": 0}",
                "/provisions/287g", "{\"label\": \"protects\", \"explanation\": \"" + "x".repeat(20_001) + "\", \"version\": 0}",
                "/header", "{\"title\": \"" + "x".repeat(201) + "\", \"author\": \"A\", \"asOf\": \"2026-11-01\", \"version\": 1}");
        for (Map.Entry<String, String> e : tooLong.entrySet()) {
            mvc.perform(put("/api/assessments/" + id + e.getKey()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(e.getValue()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("the limit is")));
        }
        assertThat(assessments.get(id).revision()).isEqualTo(revision);
    }

    /**
     * Every text field of the form that adds a policy: stored exactly as typed, escaped on the policy's page, the
     * jurisdiction's list of policies and its effective protection (whose explanation quotes the policy).
     */
    @Test
    void hostileTextInAPolicyIsStoredVerbatimAndEscapedWhereverItIsShown() throws Exception {
        String text = "Sec. 1. The county shall not enter into any 287(g) agreement. Quote " + HOSTILE;
        var form = post("/policies/new").with(csrf()).param("step", "save").param("jurisdiction", "06085")
                .param("title", "Policy " + HOSTILE).param("kind", "ordinance").param("citation", "Citation " + HOSTILE)
                .param("sourceUrl", "https://example.org/?q=%3Cscript%3E").param("enacted", "Enacted " + HOSTILE)
                .param("status", "unverified").param("statusNote", "Note " + HOSTILE).param("text", text)
                .param("label-287g", "protects").param("quote-287g", "Quote " + HOSTILE);
        for (String provision : List.of("detainer-hold", "release-notification", "info-sharing", "status-inquiry", "ncic-arrest",
                "jail-access", "interview-safeguards", "conviction-carveouts", "detention-contracts", "287g",
                "prosecutor-consequences", "oversight-enforcement", "local-resources")) {
            form.param("confirm-" + provision, "yes");
        }
        mvc.perform(form).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM policy WHERE title = ?").param("Policy " + HOSTILE).query(Long.class).single();
        assertThat(jdbc.sql("SELECT citation FROM policy WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("Citation " + HOSTILE);
        for (String page : List.of("/policies/" + id, "/jurisdictions/06085/policies", "/jurisdictions/06085")) {
            String html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain(SCRIPT).doesNotContain(MARKUP).doesNotContain("<svg/onload");
            assertThat(html).as("%s shows the text, escaped", page).contains("&lt;script&gt;alert(");
        }
        mvc.perform(get("/api/policies/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Policy " + HOSTILE));
    }
}

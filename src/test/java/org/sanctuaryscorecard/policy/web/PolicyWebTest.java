package org.sanctuaryscorecard.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.policy.Policy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The policy and protection pages and JSON API, and who may add a policy or correct a label. */
@ScorecardWebTest
class PolicyWebTest {

    static final String XSS = "<script>alert('x')</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Policies policies;

    @Autowired
    AuditTrail audit;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void members() {
        Members.standard(accounts);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private Policy truthAct() {
        return policies.all().stream().filter(p -> "seed:us-ca-truth-act-ab2792-gov-code-7283-7283-1".equals(p.seed()))
                .findFirst().orElseThrow();
    }

    @Test
    void aPolicyPageShowsItsRecordLabelsQuotesAndText() throws Exception {
        Policy truth = truthAct();
        mvc.perform(get("/policies/{id}", truth.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>California Government Code §§ 7283 and 7283.1 (TRUTH Act, AB 2792)</h1>")))
                .andExpect(content().string(containsString("whether still in force is not established by its source")))
                .andExpect(content().string(containsString("the project&#39;s labeled corpus")))
                .andExpect(content().string(containsString("2017-01-01")));
        mvc.perform(get("/policies/999999")).andExpect(status().isNotFound());
        mvc.perform(get("/policies/abc")).andExpect(status().isBadRequest());
    }

    @Test
    void aJurisdictionsPoliciesAndItsEffectiveProtection() throws Exception {
        mvc.perform(get("/jurisdictions/06/policies"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("California Government Code §§ 7310 and 7311")));
        mvc.perform(get("/jurisdictions/06087"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Effective protection")))
                .andExpect(content().string(containsString("protects, from California Government Code §§ 7283 and 7283.1")))
                .andExpect(content().string(containsString("Santa Cruz County Sheriff&#39;s Office Policy Manual, Policy 428")));
        mvc.perform(get("/api/jurisdictions/06087/protection").param("asOf", "2024-06-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.labels", hasSize(13)))
                .andExpect(jsonPath("$.asOf").value("2024-06-01"))
                .andExpect(jsonPath("$.labels[?(@.provision == 'interview-safeguards')].label").value("protects"))
                .andExpect(jsonPath("$.labels[?(@.provision == 'interview-safeguards')].source.level").value("state"));
        mvc.perform(get("/api/jurisdictions/06087/protection").param("asOf", "June")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/jurisdictions/06087/protection").param("asOf", "1066-10-14"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("asOf must be a date from 1900-01-01 to 2100-12-31."));
        mvc.perform(get("/api/jurisdictions/99999/protection")).andExpect(status().isNotFound());
        mvc.perform(get("/api/protection").param("level", "state")).andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdictions['12'][0].label").value("contrary"));
        mvc.perform(get("/api/protection").param("level", "city")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/policies/{id}", truthAct().id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.labels", hasSize(13))).andExpect(jsonPath("$.status").value("unverified"))
                .andExpect(jsonPath("$.text").value(containsString("7283.1")));
        mvc.perform(get("/api/jurisdictions/06/policies")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].text").doesNotExist());
    }

    static final String NEW_POLICY = """
            {"jurisdiction": "0668000", "title": "Test ordinance %s", "kind": "ordinance", "citation": "Test Code § 1",
             "sourceUrl": "https://example.org/ordinance", "status": "unverified", "effectiveOn": "2020-01-01",
             "text": "No officer shall inquire into immigration status. %s",
             "labels": {"status-inquiry": {"label": "protects", "quote": "%s"}}}""";

    @Test
    void anEditorAddsAPolicyWithQuotesFromItsTextAndItIsAuditedAndCounts() throws Exception {
        String body = NEW_POLICY.formatted(XSS, XSS, "No officer shall inquire into immigration status.");
        String reply = mvc.perform(post("/api/policies").with(as(Members.EDITOR)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.labels[?(@.provision == 'status-inquiry')].confirmedBy").value("Tester test-editor"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(reply.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
        assertThat(audit.forTarget("policy", Long.toString(id))).extracting(e -> e.action()).containsExactly("create");
        mvc.perform(get("/policies/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(XSS))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
        mvc.perform(get("/api/jurisdictions/0668000/protection").param("asOf", "2024-01-01"))
                .andExpect(jsonPath("$.labels[?(@.provision == 'status-inquiry')].label").value("protects"))
                .andExpect(jsonPath("$.labels[?(@.provision == 'status-inquiry')].source.level").value("place"));
    }

    @Test
    void aQuoteThatIsNotInTheTextIsRefused() throws Exception {
        String body = NEW_POLICY.formatted("x", "x", "Officers shall never ask.");
        mvc.perform(post("/api/policies").with(as(Members.EDITOR)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The quote given for status-inquiry does not occur in the text, word for word."));
        mvc.perform(post("/api/policies").with(as(Members.EDITOR)).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("0668000", "9999999")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("There is no jurisdiction with the GEOID 9999999."));
        mvc.perform(post("/api/policies").with(as(Members.EDITOR)).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("unverified", "probably")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPolicyWhoseSourceGivesOnlyAYearCountsFromTheDateItWasInForceByAndSaysSo() throws Exception {
        String undated = NEW_POLICY.formatted("year only", "", "No officer shall inquire into immigration status.")
                .replace("\"effectiveOn\": \"2020-01-01\"", "\"inForceBy\": \"2021-12-31\"")
                .replace("0668000", "0653000"); // Oakland: no other policy on record there
        // the date needs the reason it rests on
        mvc.perform(post("/api/policies").with(as(Members.EDITOR)).contentType(MediaType.APPLICATION_JSON).content(undated))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("on what the \"in force by\" date rests")));
        // not with a full date of the source's
        mvc.perform(post("/api/policies").with(as(Members.EDITOR)).contentType(MediaType.APPLICATION_JSON)
                        .content(undated.replace("\"inForceBy\"", "\"enactedOn\": \"2021-03-01\", \"inForceByNote\": \"x\", \"inForceBy\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("only when the source gives no")));
        String reply = mvc.perform(post("/api/policies").with(as(Members.EDITOR)).contentType(MediaType.APPLICATION_JSON)
                        .content(undated.replace("\"inForceBy\"", "\"inForceByNote\": \"The source gives the year 2021 only.\", \"inForceBy\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.countedFrom.date").value("2021-12-31"))
                .andExpect(jsonPath("$.countedFrom.basis").value("in-force-by"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(reply.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
        mvc.perform(get("/policies/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("inferred, not a date the source gives: The source gives the year 2021 only.")));
        mvc.perform(get("/api/jurisdictions/0653000/protection").param("asOf", "2021-12-30"))
                .andExpect(jsonPath("$.labels[?(@.provision == 'status-inquiry')].label").value(hasItem("silent")));
        mvc.perform(get("/api/jurisdictions/0653000/protection").param("asOf", "2022-01-01"))
                .andExpect(jsonPath("$.labels[?(@.provision == 'status-inquiry')].label").value("protects"))
                .andExpect(jsonPath("$.labels[?(@.provision == 'status-inquiry')].explanation")
                        .value(hasItem(containsString("it is counted from 2021-12-31, an inference: The source gives the year 2021 only."))));
    }

    @Test
    void aViewerMayNotAddAPolicyNorCorrectALabel() throws Exception {
        String body = NEW_POLICY.formatted("x", "x", "No officer shall inquire into immigration status.");
        mvc.perform(post("/api/policies").with(as(Members.VIEWER)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/policies/{id}/labels/287g", truthAct().id()).with(as(Members.VIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"silent\", \"version\": 1}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anEditorCorrectsALabelFromTheVersionTheySawAndAStaleCorrectionIsRefused() throws Exception {
        String body = NEW_POLICY.formatted("label test", "", "No officer shall inquire into immigration status.");
        String reply = mvc.perform(post("/api/policies").with(as(Members.EDITOR)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(reply.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
        mvc.perform(put("/api/policies/{id}/labels/status-inquiry", id).with(as(Members.SECOND_EDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"limited\", \"quote\": \"No officer shall inquire\", \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.labels[?(@.provision == 'status-inquiry')].label").value("limited"))
                .andExpect(jsonPath("$.labels[?(@.provision == 'status-inquiry')].confirmedBy").value("Tester test-editor-2"));
        mvc.perform(put("/api/policies/{id}/labels/status-inquiry", id).with(as(Members.EDITOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"silent\", \"version\": 1}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/policies/{id}/labels/no-such", id).with(as(Members.EDITOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"silent\", \"version\": 2}"))
                .andExpect(status().isBadRequest());
        assertThat(audit.forTarget("policy", Long.toString(id))).extracting(e -> e.action()).containsExactly("create", "label");
    }
}

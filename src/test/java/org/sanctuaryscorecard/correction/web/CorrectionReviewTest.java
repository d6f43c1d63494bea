package org.sanctuaryscorecard.correction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.XSS;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.formFrom;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.newAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.correction.CorrectionFixtures;
import org.sanctuaryscorecard.correction.CorrectionRequest;
import org.sanctuaryscorecard.correction.CorrectionStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The reviewers' side: the list by status, one request with its evidence, file and sender, answering or dismissing
 * it with a note (audited; the assessment untouched), two reviewers at once, the count on the editor page, and every
 * text a sender or reviewer typed escaped on every page that shows it.
 */
@ScorecardWebTest
@WithUserDetails(value = Members.REVIEWER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
class CorrectionReviewTest extends CorrectionWebTests {

    /** Sends the form (with these changes) from a new address and returns the stored request. */
    CorrectionRequest sent(long assessmentId, String... changes) throws Exception {
        return sentWithFile(assessmentId, null, changes);
    }

    CorrectionRequest sentWithFile(long assessmentId, MockMultipartFile file, String... changes) throws Exception {
        String address = newAddress();
        var form = formFrom(assessmentId, address, changes);
        form.with(anonymous()); // as a visitor without an account, whoever this test is signed in as
        if (file != null) {
            form.file(file);
        }
        mvc.perform(form).andExpect(status().is3xxRedirection());
        return storedFrom(address).get(0);
    }

    @Test
    void theReviewerListsNewRequestsAndOpensOneWithItsEvidenceFileAndSender() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        CorrectionRequest first = sent(id, "name", "Ana First", "part", "provision.detainer-hold");
        CorrectionRequest second = sentWithFile(id, CorrectionFixtures.pdf("resolution.pdf"), "name", "Ben Second");

        String html = mvc.perform(get("/account/corrections").param("assessment", String.valueOf(id)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document list = Jsoup.parse(html);
        assertThat(list.select("main h1").text()).isEqualTo("Correction requests");
        assertThat(list.select("table caption").text()).isEqualTo("Correction requests, newest first");
        assertThat(list.select("tbody tr")).hasSize(2);
        assertThat(list.select("tbody tr").get(0).text()).contains("Request " + second.id(), "Fresno County 2026", "Ben Second",
                "1.2 ", "New");
        assertThat(list.select("tbody tr").get(1).text()).contains("Ana First", "Detainer");
        assertThat(list.select("nav.actions a[aria-current=page]").text()).isEqualTo("New (2)");
        assertThat(list.select("nav.actions").text()).contains("Answered (0)", "Dismissed (0)", "All (2)");

        String page = mvc.perform(get("/account/corrections/" + second.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        Document request = Jsoup.parse(page);
        assertThat(request.select("main h1").text()).isEqualTo("Correction request " + second.id());
        assertThat(request.text()).contains("Only your organization’s reviewers and admins see this request and who sent it. It is not published.",
                "Ben Second", "Fresno County Counsel", "dana@example.gov", second.origin(), "The county adopted a written policy in 2025.",
                "Yes, with the policy as evidence.", "Board resolution 2025-31, section 2", "Download resolution.pdf",
                "application/pdf", second.file().sha256(), "Received");
        assertThat(request.select("a[href=mailto:dana@example.gov]")).hasSize(1);
        assertThat(request.select("a[href=https://example.gov/resolution-2025-31]").attr("rel")).contains("noopener", "noreferrer", "nofollow");
        for (var field : request.select("form input:not([type=hidden]), form textarea")) {
            assertThat(field.id().isEmpty() ? field.parent().tagName() : request.select("label[for=" + field.id() + "]").size())
                    .as("label of %s", field.attr("name")).isIn("label", 1);
        }

        mvc.perform(get("/account/corrections/" + second.id() + "/file"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Security-Policy", "sandbox; default-src 'none'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(CorrectionFixtures.PDF_BYTES.getBytes(StandardCharsets.US_ASCII)));
        mvc.perform(get("/account/corrections/" + first.id() + "/file")).andExpect(status().isNotFound());
        mvc.perform(get("/account/corrections/" + first.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Detainer")));
    }

    @Test
    void theReviewerAnswersOrDismissesWithANoteAuditedAndTheAssessmentIsUntouched() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        int revision = assessments.get(id).revision();
        CorrectionRequest request = sent(id);
        Account reviewer = accounts.find(Members.REVIEWER).orElseThrow();

        mvc.perform(post("/account/corrections/" + request.id() + "/status").with(csrf())
                        .param("status", "answered").param("note", "Replied on 2026-11-28; we will correct 1.2.").param("version", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/corrections/" + request.id() + "?saved"));

        CorrectionRequest answered = store.find(request.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(CorrectionStatus.ANSWERED);
        assertThat(answered.note()).isEqualTo("Replied on 2026-11-28; we will correct 1.2.");
        assertThat(answered.handledBy()).isEqualTo("Tester " + Members.REVIEWER);
        assertThat(answered.version()).isEqualTo(2);

        Document page = Jsoup.parse(mvc.perform(get("/account/corrections/" + request.id()).param("saved", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("p.flash[role=status]").text()).isEqualTo("Saved.");
        assertThat(page.text()).contains("Answered, by Tester " + Members.REVIEWER);
        assertThat(page.select("ol.correction-history li")).hasSize(2);
        assertThat(page.select("ol.correction-history li").get(0).text()).contains("Received", "anonymous", "from " + request.origin());
        assertThat(page.select("ol.correction-history li").get(1).text()).contains("Marked Answered", "Tester " + Members.REVIEWER,
                "Replied on 2026-11-28; we will correct 1.2.");

        mvc.perform(post("/account/corrections/" + request.id() + "/status").with(csrf())
                        .param("status", "dismissed").param("note", "On second reading, the policy is a draft.").param("version", "2"))
                .andExpect(status().is3xxRedirection());

        List<AuditEvent> events = audit.forTarget("correction", String.valueOf(request.id()));
        assertThat(events).extracting(AuditEvent::action).containsExactly("receive", "status", "status");
        AuditEvent answeredEvent = events.get(1);
        assertThat(answeredEvent.actorId()).isEqualTo(reviewer.id());
        assertThat(answeredEvent.actorName()).isEqualTo("Tester " + Members.REVIEWER);
        assertThat(answeredEvent.organizationId()).isEqualTo(organization.id());
        assertThat(answeredEvent.before()).isEqualTo("{\"status\":\"new\",\"note\":null}");
        assertThat(answeredEvent.after()).isEqualTo("{\"status\":\"answered\",\"note\":\"Replied on 2026-11-28; we will correct 1.2.\"}");
        assertThat(events.get(2).before()).contains("answered");
        assertThat(events.get(2).after()).contains("dismissed", "On second reading");

        assertThat(assessments.get(id).revision()).as("nothing changes the assessment by itself").isEqualTo(revision);
        assertThat(assessments.get(id).status().id()).isEqualTo("published");
        mvc.perform(get("/account/corrections")).andExpect(content().string(not(containsString("Request " + request.id() + "<"))));
        mvc.perform(get("/account/corrections").param("status", "dismissed")).andExpect(content().string(containsString("Request " + request.id())));
        mvc.perform(get("/account/corrections").param("status", "all")).andExpect(content().string(containsString("Request " + request.id())));
        mvc.perform(get("/account/corrections").param("status", "maybe")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“maybe” is not a status of correction requests.")));
    }

    @Test
    void aDecisionNeedsAStatusAndANoteWithinTheLimit() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        CorrectionRequest request = sent(id);
        String[][] cases = {
                {"answered", " ", "The note is required."},
                {"answered", "n".repeat(5001), "The note is 5,001 characters long; the limit is 5,000. Shorten it."},
                {"", "A note", "Choose whether the request is answered or dismissed."},
                {"new", "A note", "Choose whether the request is answered or dismissed."},
                {"published", "A note", "Choose whether the request is answered or dismissed."}};
        for (String[] c : cases) {
            Document page = Jsoup.parse(mvc.perform(post("/account/corrections/" + request.id() + "/status").with(csrf())
                            .param("status", c[0]).param("note", c[1]).param("version", "1"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
            assertThat(page.select("#problem[role=alert]").text()).as(c[2]).isEqualTo(c[2]);
            assertThat(page.getElementById("note").text()).isEqualTo(c[1].strip());
        }
        assertThat(store.find(request.id()).orElseThrow().status()).isEqualTo(CorrectionStatus.NEW);
        assertThat(audit.forTarget("correction", String.valueOf(request.id()))).hasSize(1);
    }

    @Test
    @WithUserDetails(value = Members.ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void twoReviewersAtOnceDoNotOverwriteEachOther() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        CorrectionRequest request = sent(id);
        mvc.perform(post("/account/corrections/" + request.id() + "/status").with(csrf())
                        .param("status", "dismissed").param("note", "Not about this county.").param("version", "1"))
                .andExpect(status().is3xxRedirection());
        String html = mvc.perform(post("/account/corrections/" + request.id() + "/status").with(csrf())
                        .param("status", "answered").param("note", "Replied.").param("version", "1"))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#problem").text()).startsWith("Not saved: Tester " + Members.ADMIN + " changed this request on ");
        assertThat(Jsoup.parse(html).getElementById("note").text()).isEqualTo("Replied.");
        assertThat(store.find(request.id()).orElseThrow().note()).isEqualTo("Not about this county.");
    }

    @Test
    void theEditorPageShowsReviewersTheNumberOfNewRequests() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        mvc.perform(get("/account/corrections/assessments/" + id + "/count"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Correction requests: none new")));
        CorrectionRequest request = sent(id);
        sent(id);
        mvc.perform(get("/account/corrections/assessments/" + id + "/count"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/account/corrections?assessment=" + id + "\"")))
                .andExpect(content().string(containsString("Correction requests: 2 new")));
        mvc.perform(post("/account/corrections/" + request.id() + "/status").with(csrf())
                .param("status", "answered").param("note", "Done.").param("version", "1"));
        mvc.perform(get("/account/corrections/assessments/" + id + "/count"))
                .andExpect(content().string(containsString("Correction requests: 1 new")));

        Document editor = Jsoup.parse(mvc.perform(get("/assessments/" + id + "/edit")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        var link = editor.select("a[hx-get=/account/corrections/assessments/" + id + "/count]");
        assertThat(link).hasSize(1);
        assertThat(link.attr("href")).isEqualTo("/account/corrections?assessment=" + id);
        assertThat(link.attr("hx-trigger")).isEqualTo("load");
    }

    @Test
    @WithUserDetails(value = Members.EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void anEditorWhoIsNotAReviewerGetsNoCountOnTheEditorPage() throws Exception {
        long id = CorrectionFixtures.draft(assessments, organization.id());
        mvc.perform(get("/assessments/" + id + "/edit")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/corrections"))));
    }

    @Test
    void manyRequestsArePaged() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        for (int i = 0; i < 51; i++) {
            jdbc.sql("INSERT INTO correction_request (assessment_id, organization_id, assessment_revision, received_at, origin, client_key, "
                            + "requester_name, part, what_is_wrong, citation, status, version) VALUES (?, ?, 1, ?, 'x', ?, ?, 'other', 'w', 'c', 'new', 1)")
                    .params(id, organization.id(), Timestamp.from(Instant.now()), "paging-" + i, "Sender " + i).update();
        }
        Document first = Jsoup.parse(mvc.perform(get("/account/corrections").param("assessment", String.valueOf(id)))
                .andReturn().getResponse().getContentAsString());
        assertThat(first.select("tbody tr")).hasSize(50);
        assertThat(first.select("nav.pager").text()).contains("Page 1 of 2", "Next page");
        Document second = Jsoup.parse(mvc.perform(get("/account/corrections").param("assessment", String.valueOf(id)).param("page", "2"))
                .andReturn().getResponse().getContentAsString());
        assertThat(second.select("tbody tr")).hasSize(1);
        assertThat(second.select("tbody tr").text()).contains("Sender 0");
    }

    @Test
    void xssInEveryFieldIsEscapedOnEveryPageThatShowsIt() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        CorrectionRequest request = sentWithFile(id,
                new MockMultipartFile("file", "<img src=x onerror=alert(1)>.txt", "text/plain", XSS.getBytes(StandardCharsets.UTF_8)),
                "name", XSS, "organization", XSS, "whatIsWrong", XSS, "shouldSay", XSS, "citation", XSS,
                "link", "https://example.org/?q=%3Cscript%3E&x='onmouseover='alert(1)");
        assertThat(request.name()).isEqualTo(XSS);
        assertThat(request.file().name()).isEqualTo("<img src=x onerror=alert(1)>.txt");
        mvc.perform(post("/account/corrections/" + request.id() + "/status").with(csrf())
                .param("status", "answered").param("note", XSS).param("version", "1"));

        for (String page : List.of("/account/corrections?status=all&assessment=" + id, "/account/corrections/" + request.id())) {
            String html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain(XSS).doesNotContain("<img src=x").doesNotContain("'onmouseover='")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        }
        Document detail = Jsoup.parse(mvc.perform(get("/account/corrections/" + request.id())).andReturn().getResponse().getContentAsString());
        assertThat(detail.select("dd.request-text").eachText()).contains(XSS);
        assertThat(detail.select("ol.correction-history p").text()).isEqualTo(XSS);
        assertThat(detail.select("script")).allMatch(s -> s.hasAttr("src"));
        mvc.perform(get("/account/corrections/" + request.id() + "/file"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Security-Policy", "sandbox; default-src 'none'"));
    }
}

package org.sanctuaryscorecard.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.assessment.Assessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The analyzer's pages: the form, every format, pasting, every bad input with its message, highlighting, limits. */
@ScorecardWebTest
@WithUserDetails(value = Members.EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
class AnalyzePagesTest {

    @Autowired
    org.sanctuaryscorecard.account.Accounts accountsForMembers;

    org.sanctuaryscorecard.account.Organization organization;

    @org.junit.jupiter.api.BeforeEach
    void standardMembers() {
        organization = Members.standard(accountsForMembers);
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    AnalysisGate gate;

    static MockMultipartHttpServletRequestBuilder upload(String name, String type, byte[] content) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/analyze")
                .file(new MockMultipartFile("file", name, type, content)).with(csrf());
    }

    static MockMultipartHttpServletRequestBuilder paste(String name, String text) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/analyze").param("name", name).param("text", text).with(csrf());
    }

    /** Sends the form and follows the redirect to the results page. */
    Document results(MockMultipartHttpServletRequestBuilder request) throws Exception {
        String location = mvc.perform(request).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/analyze/[A-Za-z0-9_-]{22}(\\?assessment=\\d+)?");
        String html = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    static String label(Document page, String provision) {
        return page.selectFirst("#provision-" + provision + " .label").text();
    }

    ResultActions refused(MockMultipartHttpServletRequestBuilder request, int status, String message) throws Exception {
        return mvc.perform(request).andExpect(status().is(status))
                .andExpect(content().string(allOf(containsString(message), containsString("Upload a document"),
                        containsString("Or paste its text"), not(containsString("Exception")), not(containsString("at org.")))));
    }

    @Test
    void theFormSaysWhatTheAnalyzerDoesAndIsLinkedFromTheSite() throws Exception {
        String form = mvc.perform(get("/analyze")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(form);
        assertThat(page.select("h1").text()).isEqualTo("Analyze a document");
        assertThat(page.select("main").text()).contains("inferred by a program", "exact words it relied on",
                "never written to disk", "at most 20 MB", "at most 2,000,000 characters");
        assertThat(page.select("label[for=analyze-file]")).hasSize(1);
        assertThat(page.select("label[for=analyze-text]")).hasSize(1);
        assertThat(page.select("#analyze-file").attr("name")).isEqualTo("file");
        assertThat(page.select("form[enctype=multipart/form-data]")).hasSize(2)
                .allSatisfy(f -> assertThat(f.attr("action")).isEqualTo("/analyze"))
                .allSatisfy(f -> assertThat(f.select("input[name=_csrf]")).hasSize(1));

        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/analyze\"")));
        long id = assessments.create("06029", organization.id(), "Kern County 2026", "Tester", "2026-10-01", "Tester").id();
        mvc.perform(get("/assessments/" + id + "/edit"))
                .andExpect(content().string(containsString("<a href=\"/analyze?assessment=" + id + "\">Analyze a document for this assessment</a>")));
        Document forAssessment = Jsoup.parse(mvc.perform(get("/analyze").param("assessment", String.valueOf(id)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(forAssessment.select(".flash").text()).contains("Kern County 2026");
        assertThat(forAssessment.select("form[enctype=multipart/form-data]").first().attr("action"))
                .isEqualTo("/analyze?assessment=" + id);
        mvc.perform(get("/analyze").param("assessment", "999999")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("999999")));
    }

    @Test
    void everyFormatIsReadAndLabeled() throws Exception {
        Document text = results(upload("ordinance.txt", "text/plain", Ordinances.TEXT.getBytes(StandardCharsets.UTF_8)));
        Document html = results(upload("ordinance.html", "text/html", Ordinances.html().getBytes(StandardCharsets.UTF_8)));
        Document docx = results(upload("ordinance.docx", DOCX, Ordinances.docx()));
        Document pdf = results(upload("ordinance.pdf", "application/pdf", Ordinances.pdf()));

        assertThat(text.select("dl.facts").text()).contains("plain text");
        assertThat(html.select("dl.facts").text()).contains("web page (HTML)");
        assertThat(docx.select("dl.facts").text()).contains("Word document (.docx)");
        assertThat(pdf.select("dl.facts").text()).contains("PDF", "Pages 1");
        for (Document page : new Document[] {text, html, docx, pdf}) {
            assertThat(page.select("#binding-status").text()).startsWith("Binding");
            assertThat(label(page, "detainer-hold")).isEqualTo("Limited");
            assertThat(label(page, "release-notification")).isEqualTo("Protects");
            assertThat(label(page, "jail-access")).isEqualTo("Protects");
            assertThat(label(page, "287g")).isEqualTo("Protects");
            assertThat(label(page, "info-sharing")).isEqualTo("Silent");
            assertThat(page.select("#provision-info-sharing").text()).contains("does not address");
            assertThat(page.select(".provision-results > li")).hasSize(13);
            assertThat(page.select("#provision-jail-access blockquote").text())
                    .isEqualTo("The City shall not permit ICE agents to access City jails for the purpose of investigative interviews.");
            assertThat(page.select("#provision-jail-access .rule").text()).isEqualTo("“shall not” lays down the protective rule: it forbids the practice or requires the safeguard.");
            assertThat(page.select("#provision-detainer-hold .rule").text())
                    .isEqualTo("Protective (“no … shall”), but with an exception tied to criminal history: “unless the person has been convicted of a violent felony.”");
            assertThat(page.select(".flags").text()).contains("Exception for people with a criminal record or charges (Detainer holds)");
        }
        assertThat(html.select(".document-text").text()).doesNotContain("alert", "Home | Council");
        assertThat(text.select("#provision-detainer-hold .source").text()).isEqualTo("Where: Section 1. (a)");
        assertThat(pdf.select("#provision-jail-access .source").text()).isEqualTo("Where: Section 2., page 1");
    }

    @Test
    void theProvisionsAreInTheFrameworksOrderAndLinkToTheirMarkedPassages() throws Exception {
        Document page = results(paste("Springdale Ordinance 12-34", Ordinances.TEXT));
        assertThat(page.select(".provision-results > li").eachAttr("id")).containsExactly("provision-detainer-hold",
                "provision-release-notification", "provision-info-sharing", "provision-status-inquiry", "provision-ncic-arrest",
                "provision-jail-access", "provision-interview-safeguards", "provision-conviction-carveouts",
                "provision-detention-contracts", "provision-287g", "provision-prosecutor-consequences",
                "provision-oversight-enforcement", "provision-local-resources");
        for (Element link : page.select("a.show-in-text")) {
            Element mark = page.getElementById(link.attr("href").substring(1));
            assertThat(mark).as(link.attr("href")).isNotNull();
            assertThat(mark.tagName()).isEqualTo("mark");
            assertThat(mark.attr("tabindex")).isEqualTo("-1");
            String quote = link.parent().selectFirst("blockquote").text();
            Element visible = mark.clone();
            visible.select(".hl-label").remove();
            assertThat(visible.text()).as("the marked passage is the quote").isEqualTo(quote);
        }
        Element detainers = page.getElementById(page.selectFirst("#provision-detainer-hold a.show-in-text").attr("href").substring(1));
        assertThat(detainers.hasClass("label-limited")).isTrue();
        assertThat(detainers.selectFirst(".visually-hidden").text()).isEqualTo("Detainer holds (Limited):");
        // the inferred carve-out quote lies inside the detainer passage: its mark nests inside
        Element carveOut = page.getElementById(page.selectFirst("#provision-conviction-carveouts a.show-in-text").attr("href").substring(1));
        assertThat(carveOut.parents()).contains(detainers);
        assertThat(page.select("#provision-conviction-carveouts").text()).contains("Inferred from the other provisions");
        assertThat(page.select("h1").text()).isEqualTo("Analysis: Springdale Ordinance 12-34");
        assertThat(page.select(".legend").text()).contains("Protects", "Limited", "Contrary", "Loophole or contrary mandate");
        assertThat(page.select("aside.side-panel").attr("aria-labelledby")).isEqualTo("provisions-heading");
    }

    @Test
    void theTextAndTheNameAreEscaped() throws Exception {
        String hostile = "<script>alert('x')</script> & <b>bold</b>\n" + Ordinances.TEXT + "</mark></div><img src=x onerror=alert(1)>\n";
        String location = mvc.perform(paste("<i>Ordinance 2019/45</i> & co", hostile)).andReturn().getResponse().getRedirectedUrl();
        String html = mvc.perform(get(location)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<script>alert", "<b>bold", "<img src=x", "<i>Ordinance")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                .contains("&lt;/mark&gt;&lt;/div&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("Analysis: &lt;i&gt;Ordinance 2019/45&lt;/i&gt; &amp; co");
        String documentText = html.substring(html.indexOf("<div class=\"document-text\">"), html.indexOf("</section>", html.indexOf("<div class=\"document-text\">")));
        HighlighterTest.assertWellNestedWithText(documentText.substring("<div class=\"document-text\">".length(),
                documentText.lastIndexOf("</div>")).strip(), hostile);
    }

    @Test
    void pastedTextIsAnalyzedUnderItsNameAndItsLineEndsCountOnce() throws Exception {
        Document page = results(paste("Springdale Ordinance 12-34", Ordinances.TEXT));
        assertThat(page.select("dl.facts").text()).contains("plain text", Ordinances.TEXT.length() + " characters");

        Document unnamed = results(paste("", Ordinances.TEXT));
        assertThat(unnamed.select("h1").text()).isEqualTo("Analysis: pasted text");

        // browsers send a text area's line ends as CR LF: 2,000,000 characters pasted are 2,000,000, not more
        String line = "x".repeat(99) + "\n";
        String limit = line.repeat(20_000);
        assertThat(limit).hasSize(2_000_000);
        Document full = results(paste("long", limit.replace("\n", "\r\n")));
        assertThat(full.select("dl.facts").text()).contains("2,000,000 characters");
    }

    @Test
    void badInputComesBackToTheFormWithTheReason() throws Exception {
        refused(upload("empty.pdf", "application/pdf", new byte[0]), 422, "“empty.pdf” is empty: it has no content at all.");
        refused(upload("", "application/octet-stream", new byte[0]), 422, "Nothing was sent to analyze. Choose a file, or paste the document’s text.");
        refused((MockMultipartHttpServletRequestBuilder) multipart("/analyze").with(csrf()), 422, "Nothing was sent to analyze.");
        refused(upload("big.txt", "text/plain", new byte[20 * 1024 * 1024 + 1]), 422,
                "“big.txt” is 20,971,521 bytes; files can be at most 20 MB (20,971,520 bytes).");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        refused(upload("photo.pdf", "application/pdf", png), 422, "“photo.pdf” is a PNG image, not a document with text.");
        refused(upload("scan.pdf", "application/pdf", Ordinances.scannedPdf()), 422,
                "“scan.pdf” has one page but no text layer: its pages are pictures");
        refused(upload("policy.docx", DOCX, "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1)), 422, "policy.docx");
        refused(paste("notes", "   \n  "), 422, "There is no text to analyze in “notes”.");
        refused(paste("notes", "x".repeat(2_000_001)), 422,
                "The text of “notes” is 2,000,001 characters long; the limit is 2,000,000.");
        MockMultipartHttpServletRequestBuilder both = upload("ordinance.txt", "text/plain", Ordinances.TEXT.getBytes(StandardCharsets.UTF_8));
        both.param("text", "and some text");
        refused(both, 422, "You chose a file and pasted text. Analyze one at a time");
    }

    @Test
    void aRefusedPasteComesBackToBeCorrected() throws Exception {
        Document page = Jsoup.parse(mvc.perform(paste("My <notes>", "   ")).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#analyze-name").val()).isEqualTo("My <notes>");
        assertThat(page.select("#analyze-text").text()).isEqualTo("");
        assertThat(page.select("[role=alert]").text()).contains("There is no text to analyze");
    }

    @Test
    void theFormNeedsItsCsrfToken() throws Exception {
        mvc.perform(multipart("/analyze").param("text", Ordinances.TEXT)).andExpect(status().isForbidden());
    }

    @Test
    void aDocumentThatIsNotBindingSaysWhy() throws Exception {
        Document page = results(paste("SB 54", "SENATE BILL 54\n" + Ordinances.TEXT));
        assertThat(page.select("#binding-status").text()).startsWith("Not binding: a bill, not an enacted law.")
                .contains("The labels describe what the text would do");
        assertThat(label(page, "jail-access")).isEqualTo("Protects");
    }

    @Test
    void resultsThatAreNoLongerKeptSaySoClearly() throws Exception {
        mvc.perform(get("/analyze/AAAAAAAAAAAAAAAAAAAAAA")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("These results are no longer kept: results stay in memory for 60 minutes")))
                .andExpect(content().string(containsString("Upload a document")));
    }

    @Test
    void whenEveryPlaceIsTakenThePageSaysTheAnalyzerIsBusy() throws Exception {
        int taken = gate.occupyAll();
        try {
            assertThat(taken).isEqualTo(gate.limit()).isPositive();
            Document page = Jsoup.parse(mvc.perform(paste("Springdale", Ordinances.TEXT))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "60"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("[role=alert]").text()).isEqualTo("The analyzer is busy; try again in a minute. "
                    + "Only a few documents are read at once, so that each is done quickly.");
            assertThat(page.select("#analyze-text").text()).as("the text comes back to be sent again").contains("Section 2. Jail access.");
        } finally {
            gate.free(taken);
        }
        mvc.perform(paste("Springdale", Ordinances.TEXT)).andExpect(status().isFound());
    }

    @Test
    void theBusyMessageIsInTheReadersLanguage() throws Exception {
        int taken = gate.occupyAll();
        try {
            mvc.perform(paste("Springdale", Ordinances.TEXT).header("Accept-Language", "zz"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("ZZ-busy")));
        } finally {
            gate.free(taken);
        }
    }
}

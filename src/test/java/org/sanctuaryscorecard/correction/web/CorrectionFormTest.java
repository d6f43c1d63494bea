package org.sanctuaryscorecard.correction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.PDF_BYTES;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.QUESTION;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.XSS;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.form;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.formFrom;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.newAddress;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.RequestDispatcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.correction.CorrectionFile;
import org.sanctuaryscorecard.correction.CorrectionFixtures;
import org.sanctuaryscorecard.correction.CorrectionRequest;
import org.sanctuaryscorecard.correction.CorrectionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public correction form: who may use it (anyone, on a published scorecard only), what it stores, every message
 * for bad input, the hidden robot trap, files, and the page itself (labels, the statement of who sees a request).
 */
@ScorecardWebTest
class CorrectionFormTest extends CorrectionWebTests {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    OversizedCorrections oversized;

    @Test
    void aPublishedScorecardOffersACorrectionAndTheFormSaysWhoSeesTheRequest() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());

        String scorecard = mvc.perform(get("/assessments/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(scorecard);
        assertThat(page.select("a[href=/corrections/assessments/" + id + "]")).hasSize(2);
        assertThat(page.select("section.correction-offer h2").text()).isEqualTo("Is something on this scorecard wrong?");
        // a past revision is not what the request would be about: no offer there
        mvc.perform(get("/assessments/" + id + "/revisions/1")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/corrections/assessments/" + id))));

        String html = mvc.perform(get("/corrections/assessments/" + id).param("part", QUESTION))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Who sees your request: only the reviewers of Test Coalition. "
                        + "It is not published, and it changes nothing on the scorecard by itself")))
                .andExpect(content().string(containsString("Your name, organization and email address are seen only by those reviewers.")))
                .andExpect(content().string(containsString("Limits: 5,000 characters for “what is wrong” and for “what it should say”; "
                        + "one file of at most 10 MB. From one connection, at most 5 requests an hour and 20 a day.")))
                .andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parse(html);
        assertThat(form.select("main#main h1").text()).isEqualTo("Ask for a correction");
        assertThat(form.select("form input[name=_csrf]")).hasSize(1);
        assertThat(form.select("form").attr("enctype")).isEqualTo("multipart/form-data");
        for (Element field : form.select("form input:not([type=hidden]), form select, form textarea")) {
            assertThat(form.select("label[for=" + field.id() + "]")).as("label of %s", field.attr("name")).hasSize(1);
        }
        assertThat(form.select("select#c-part option[selected]").attr("value")).isEqualTo(QUESTION);
        assertThat(form.select("select#c-part option")).extracting(e -> e.attr("value"))
                .contains("criterion.detainers", "landscape.lead-agency", "provision.detainer-hold", "other");
        Element trap = form.selectFirst("#c-website");
        assertThat(trap.parent().hasAttr("hidden")).as("the robot trap is hidden from people").isTrue();
        assertThat(trap.attr("tabindex")).isEqualTo("-1");
    }

    @Test
    void theFormAndItsMessagesComeFromTheMessageBundles() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        long draft = CorrectionFixtures.draft(assessments, organization.id());
        mvc.perform(get("/corrections/assessments/" + id).header("Accept-Language", "zz"))
                .andExpect(content().string(containsString("<html lang=\"zz\">")))
                .andExpect(content().string(containsString("<h1>ZZ-ask-for-a-correction</h1>")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/corrections/assessments/" + draft)
                        .header("Accept-Language", "zz").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(CorrectionFixtures.json(null, null)))
                .andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.message")
                        .value("ZZ-not-published " + draft));
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formFrom(id, address));
        }
        mvc.perform(formFrom(id, address).header("Accept-Language", "zz"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("ZZ-limit 5 ZZ-minutes 60")));
    }

    @Test
    void aDraftOrAMissingScorecardTakesNoRequestAndSaysSo() throws Exception {
        long draft = CorrectionFixtures.draft(assessments, organization.id());
        String address = newAddress();

        mvc.perform(get("/corrections/assessments/" + draft))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no published scorecard number " + draft)));
        mvc.perform(formFrom(draft, address)).andExpect(status().isNotFound());
        mvc.perform(get("/corrections/assessments/" + draft + "/sent")).andExpect(status().isNotFound());
        mvc.perform(get("/corrections/assessments/99999999")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no published scorecard number 99999999")));
        mvc.perform(formFrom(99999999, address)).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/" + draft + "/edit")).andExpect(status().is3xxRedirection()); // drafts stay private
        assertThat(storedFrom(address)).isEmpty();
    }

    @Test
    @WithUserDetails(value = Members.REVIEWER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void evenTheOrganizationsReviewerCannotAskForACorrectionOfADraft() throws Exception {
        long draft = CorrectionFixtures.draft(assessments, organization.id());
        String address = newAddress();
        mvc.perform(formFrom(draft, address)).andExpect(status().isNotFound());
        assertThat(storedFrom(address)).isEmpty();
        // and the scorecard of a draft offers no correction
        mvc.perform(get("/assessments/" + draft)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/corrections/assessments/" + draft))));
    }

    @Test
    void someoneWithoutAnAccountSendsARequestWithAFileAndItIsStoredForTheReviewersAndAudited() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        int revision = assessments.get(id).revision();
        String address = newAddress();

        mvc.perform(formFrom(id, address).file(CorrectionFixtures.pdf("resolution 2025-31.pdf")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/corrections/assessments/" + id + "/sent"));
        mvc.perform(get("/corrections/assessments/" + id + "/sent"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The reviewers of Test Coalition will read your request about the scorecard “Fresno County 2026”.")))
                .andExpect(content().string(containsString("Your request is not published.")));

        List<CorrectionRequest> stored = storedFrom(address);
        assertThat(stored).hasSize(1);
        CorrectionRequest request = stored.get(0);
        assertThat(request.assessmentId()).isEqualTo(id);
        assertThat(request.organizationId()).isEqualTo(organization.id());
        assertThat(request.assessmentRevision()).isEqualTo(revision);
        assertThat(request.name()).isEqualTo("Dana Official");
        assertThat(request.organization()).isEqualTo("Fresno County Counsel");
        assertThat(request.email()).isEqualTo("dana@example.gov");
        assertThat(request.part()).isEqualTo(QUESTION);
        assertThat(request.whatIsWrong()).isEqualTo("The county adopted a written policy in 2025.");
        assertThat(request.shouldSay()).isEqualTo("Yes, with the policy as evidence.");
        assertThat(request.citation()).isEqualTo("Board resolution 2025-31, section 2");
        assertThat(request.link()).isEqualTo("https://example.gov/resolution-2025-31");
        assertThat(request.status()).isEqualTo(CorrectionStatus.NEW);
        assertThat(request.note()).isNull();
        assertThat(request.file().name()).isEqualTo("resolution 2025-31.pdf");
        assertThat(request.file().contentType()).isEqualTo("application/pdf");
        CorrectionFile file = store.file(request.id()).orElseThrow();
        assertThat(file.content()).isEqualTo(PDF_BYTES.getBytes(StandardCharsets.US_ASCII));
        assertThat(file.sha256()).hasSize(64);

        List<AuditEvent> events = audit.forTarget("correction", String.valueOf(request.id()));
        assertThat(events).hasSize(1);
        AuditEvent arrival = events.get(0);
        assertThat(arrival.action()).isEqualTo("receive");
        assertThat(arrival.actorId()).isNull();
        assertThat(arrival.actorName()).isEqualTo("anonymous");
        assertThat(arrival.origin()).isEqualTo(address);
        assertThat(arrival.organizationId()).isEqualTo(organization.id());
        assertThat(arrival.before()).isNull();
        assertThat(arrival.after()).contains("\"name\":\"Dana Official\"", "\"email\":\"dana@example.gov\"", "\"sha256\":\"" + file.sha256());

        // nothing changes the assessment by itself
        assertThat(assessments.get(id).revision()).isEqualTo(revision);
        assertThat(assessments.get(id).status().id()).isEqualTo("published");
        mvc.perform(get("/assessments/" + id)).andExpect(content().string(not(containsString("Dana Official"))));
    }

    @Test
    void aRequestNeedsOnlyANameAPartWhatIsWrongAndOnePieceOfEvidence() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        mvc.perform(formFrom(id, address, "organization", "", "email", "", "shouldSay", "", "citation", "", "link", "", "part", "other")
                        .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0])))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give your evidence: a citation, a link to the source, or a file.")));
        mvc.perform(formFrom(id, address, "organization", "", "email", "", "shouldSay", "", "link", "", "part", "other"))
                .andExpect(status().is3xxRedirection());
        CorrectionRequest stored = storedFrom(address).get(0);
        assertThat(stored.organization()).isNull();
        assertThat(stored.email()).isNull();
        assertThat(stored.shouldSay()).isNull();
        assertThat(stored.link()).isNull();
        assertThat(stored.file()).isNull();
        assertThat(stored.part()).isEqualTo("other");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("name", " ", "name", "Your name is required."),
                Arguments.of("name", "n".repeat(201), "name", "Your name is 201 characters long; the limit is 200."),
                Arguments.of("organization", "o".repeat(201), "organization", "Your organization or office is 201 characters long; the limit is 200."),
                Arguments.of("email", "dana at example", "email", "“dana at example” is not an email address. Write it like name@example.org, or leave it empty."),
                Arguments.of("email", "d".repeat(250) + "@x.org", "email", "The email address is 256 characters long; the limit is 254."),
                Arguments.of("part", "", "part", "Choose which part of the scorecard your request is about, or “Something else”."),
                Arguments.of("part", "question.nope", "part", "“question.nope” is not a part of this scorecard."),
                Arguments.of("whatIsWrong", "\n ", "whatIsWrong", "“What is wrong” is required."),
                Arguments.of("whatIsWrong", "w".repeat(5001), "whatIsWrong", "“What is wrong” is 5,001 characters long; the limit is 5,000."),
                Arguments.of("shouldSay", "s".repeat(5001), "shouldSay", "“What it should say” is 5,001 characters long; the limit is 5,000."),
                Arguments.of("citation", "c".repeat(501), "citation", "The citation is 501 characters long; the limit is 500."),
                Arguments.of("link", "javascript:alert(1)", "link", "The link must be a web address starting with http:// or https://, without spaces."),
                Arguments.of("link", "https://example.org/a b", "link", "The link must be a web address starting with http:// or https://"),
                Arguments.of("link", "https://example.org/" + "l".repeat(2000), "link", "The link is 2,020 characters long; the limit is 2,000."),
                Arguments.of("website", "https://cheap-pills.example", null, "The field “Leave this field empty” was filled in, so this looks like an automatic submission. Nothing was stored."));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInput")
    void badInputComesBackWithItsMessageAndEverythingTypedAndNothingIsStored(String field, String value, String problemField,
                                                                                String message) throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();

        String html = mvc.perform(formFrom(id, address, field, value))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#problem[role=alert]").text()).contains(message);
        if (problemField != null) {
            Element input = page.getElementById("c-" + problemField);
            assertThat(input.attr("aria-invalid")).isEqualTo("true");
            assertThat(input.attr("aria-describedby")).contains("problem");
            assertThat(page.select("#problem a[href=#c-" + problemField + "]")).hasSize(1);
        }
        if (!"name".equals(field)) {
            assertThat(page.getElementById("c-name").attr("value")).isEqualTo("Dana Official");
        }
        assertThat(page.getElementById("c-whatIsWrong").text()).isEqualTo("whatIsWrong".equals(field) ? value.strip()
                : "The county adopted a written policy in 2025.");
        assertThat(storedFrom(address)).isEmpty();
    }

    static Stream<Arguments> files() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};
        byte[] docx = "PK\u0003\u0004....[Content_Types].xml....word/document.xml....".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("ordinance.pdf", "application/pdf", PDF_BYTES.getBytes(StandardCharsets.US_ASCII), "application/pdf"),
                Arguments.of("policy.docx", DOCX, docx, DOCX),
                Arguments.of("notes.txt", "text/plain; charset=utf-8", "Sec. 3: shall not detain".getBytes(StandardCharsets.UTF_8), "text/plain"),
                Arguments.of("page.html", "text/html", "<p>Sec. 3</p>".getBytes(StandardCharsets.UTF_8), "text/html"),
                Arguments.of("scan.png", "image/png", png, "image/png"),
                Arguments.of("photo.JPG", "application/octet-stream", jpeg, "image/jpeg"));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("files")
    void eachAcceptedKindOfFileIsStoredWithTheTypeItsContentShows(String name, String declared, byte[] content, String stored)
            throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        mvc.perform(formFrom(id, address).file(new MockMultipartFile("file", name, declared, content)))
                .andExpect(status().is3xxRedirection());
        CorrectionRequest request = storedFrom(address).get(0);
        assertThat(request.file().contentType()).isEqualTo(stored);
        assertThat(store.file(request.id()).orElseThrow().content()).isEqualTo(content);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]),
                        "The file “empty.pdf” is empty. Choose the file again."),
                Arguments.of(new MockMultipartFile("file", "big.pdf", "application/pdf", big()),
                        "The file “big.pdf” is larger than the limit of 10 MB (it has 10,485,761 bytes)."),
                Arguments.of(new MockMultipartFile("file", "setup.exe", "application/x-msdownload", new byte[] {'M', 'Z'}),
                        "The file “setup.exe” is of a kind that is not accepted (application/x-msdownload). Send a PDF"),
                Arguments.of(new MockMultipartFile("file", "data.bin", "", new byte[] {1, 2}),
                        "The file “data.bin” is of a kind that is not accepted (?)."),
                Arguments.of(new MockMultipartFile("file", "fake.pdf", "application/pdf", "hello".getBytes(StandardCharsets.US_ASCII)),
                        "The file “fake.pdf” is named or declared as a PDF, but its content is not."),
                Arguments.of(new MockMultipartFile("file", "fake.png", "image/png", PDF_BYTES.getBytes(StandardCharsets.US_ASCII)),
                        "The file “fake.png” is named or declared as a PNG image, but its content is not."),
                Arguments.of(new MockMultipartFile("file", "fake.docx", DOCX, PDF_BYTES.getBytes(StandardCharsets.US_ASCII)),
                        "The file “fake.docx” is named or declared as a Word document (.docx), but its content is not."),
                Arguments.of(new MockMultipartFile("file", "binary.txt", "text/plain", new byte[] {'a', 0, 'b'}),
                        "The file “binary.txt” is named or declared as a text file, but its content is not."));
    }

    private static byte[] big() {
        byte[] content = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF_BYTES.getBytes(StandardCharsets.US_ASCII), 0, content, 0, PDF_BYTES.length());
        return content;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aFileThatIsEmptyTooLargeOfAnotherKindOrNotWhatItClaimsIsRefused(MockMultipartFile file, String message) throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        String html = mvc.perform(formFrom(id, address).file(file))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#problem").text()).contains(message);
        assertThat(page.getElementById("c-file").attr("aria-invalid")).isEqualTo("true");
        assertThat(storedFrom(address)).isEmpty();
    }

    @Test
    void aFormOverTheServersUploadLimitComesBackAsTheFormWithTheLimits() {
        long id = CorrectionFixtures.published(assessments, organization.id());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/corrections/assessments/" + id);
        ModelAndView view = oversized.resolveErrorView(request, HttpStatus.CONTENT_TOO_LARGE, Map.of());
        assertThat(view.getViewName()).isEqualTo("correction/form");
        assertThat(view.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat((String) view.getModel().get("problem")).isEqualTo("Nothing was stored: the request was larger than the server "
                + "accepts (25 MB in all). Attach a file of at most 10 MB, or give a link to it.");

        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/analyze");
        assertThat(oversized.resolveErrorView(request, HttpStatus.CONTENT_TOO_LARGE, Map.of())).isNull();
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/corrections/assessments/" + id);
        assertThat(oversized.resolveErrorView(request, HttpStatus.NOT_FOUND, Map.of())).isNull();
    }

    @Test
    void sqlLookingTextIsStoredAndShownWordForWord() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        String sql = "Robert'); DROP TABLE correction_request;-- \" OR 1=1 --";
        mvc.perform(formFrom(id, address, "name", sql, "whatIsWrong", sql, "citation", "'; DELETE FROM audit_event; --"))
                .andExpect(status().is3xxRedirection());
        CorrectionRequest stored = storedFrom(address).get(0);
        assertThat(stored.name()).isEqualTo(sql);
        assertThat(stored.whatIsWrong()).isEqualTo(sql);
        assertThat(stored.citation()).isEqualTo("'; DELETE FROM audit_event; --");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isPositive();
    }

    @Test
    void aNulCharacterIsDroppedRatherThanRefusedByTheDatabase() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        mvc.perform(formFrom(id, address, "whatIsWrong", "before\u0000after")).andExpect(status().is3xxRedirection());
        assertThat(storedFrom(address).get(0).whatIsWrong()).isEqualTo("beforeafter");
    }

    @Test
    void theFormNeedsItsCsrfToken() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/corrections/assessments/" + id).with(CorrectionFixtures.from(address))
                        .param("name", "x").param("part", "other").param("whatIsWrong", "x").param("citation", "x"))
                .andExpect(status().isForbidden()).andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception");
        assertThat(storedFrom(address)).isEmpty();
    }

    @Test
    void xssInEveryFieldIsEscapedWhenTheFormComesBack() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String html = mvc.perform(form(id, "name", XSS, "organization", XSS, "shouldSay", XSS, "citation", XSS, "link", XSS,
                        "whatIsWrong", XSS, "part", XSS))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain(XSS).doesNotContain("<script>alert");
        assertThat(Jsoup.parse(html).getElementById("c-name").attr("value")).isEqualTo(XSS);
        assertThat(Jsoup.parse(html).select("#problem").text()).contains("“" + XSS + "” is not a part of this scorecard.");
    }
}

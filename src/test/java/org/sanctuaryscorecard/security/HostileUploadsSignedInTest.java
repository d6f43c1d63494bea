package org.sanctuaryscorecard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.analysis.HostileFiles;
import org.sanctuaryscorecard.analysis.HostileFiles.HostileFile;
import org.sanctuaryscorecard.analysis.TextExtractor;
import org.sanctuaryscorecard.analysis.UnreadableDocumentException;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyzer's hostile and damaged files (bombs, cut-off, junk, password-protected, nested markup, old formats:
 * {@link HostileFiles}, the extractor tests' own generators) sent by a signed-in person, as a browser does: a real
 * sign-in (POST /login with the CSRF token from a page, then only the session and CSRF cookies), then the analyzer's
 * form and an assessment's evidence upload with that session; and the analyzer's API with HTTP Basic. The analyzer
 * gives each file the extractor's own message, as it does to anonymous visitors. The evidence upload never opens a
 * file: it keeps each allowed one byte for byte and gives it back only as a download, and refuses the kinds of file
 * it does not take with its own message.
 */
@ScorecardWebTest
class HostileUploadsSignedInTest {

    private static final String Q = "question.detainers.formal-policy";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Assessments assessments;

    @Autowired
    ErrorReplies replies;

    private final JsonMapper json = JsonMapper.builder().build();

    /** A browser's cookie jar over MockMvc: every request sends the cookies the earlier answers set. */
    private final class Browser {
        private final Map<String, Cookie> cookies = new LinkedHashMap<>();

        MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(new Cookie[0]));
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            for (Cookie cookie : response.getCookies()) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie);
                }
            }
            return response;
        }

        /** The CSRF token a page's form carries. */
        String token(String page) throws Exception {
            String html = perform(get(page)).getContentAsString(StandardCharsets.UTF_8);
            String token = Jsoup.parse(html).select("form input[name=_csrf]").attr("value");
            assertThat(token).as("the form on %s carries a CSRF token", page).isNotBlank();
            return token;
        }

        void signIn(String username) throws Exception {
            MockHttpServletResponse response = perform(post("/login").param("username", username)
                    .param("password", Members.PASSWORD).param("_csrf", token("/analyze")));
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).doesNotContain("error").doesNotContain("/login");
            assertThat(cookies).as("a session cookie").containsKey("SESSION");
        }
    }

    @Test
    void hostileFilesGetTheSameMessagesThroughASignedInSession() throws Exception {
        Organization organization = Members.standard(accounts);
        long id = assessments.create("06085", organization.id(), "Hostile uploads", "A", "2026-11-01", "A").id();
        Browser editor = new Browser();
        editor.signIn(Members.EDITOR);
        Browser anonymous = new Browser();
        String basic = "Basic " + Base64.getEncoder().encodeToString((Members.EDITOR + ":" + Members.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        List<HostileFile> files = HostileFiles.all();
        int stored = 0;
        int refused = 0;
        for (HostileFile file : files) {
            String message = extractorMessage(file);
            MockMultipartFile part = new MockMultipartFile("file", file.name(), file.contentType(), file.content());

            // the analyzer's form, signed in: the form again with the extractor's message, no trace of a failure
            MockHttpServletResponse page = editor.perform(multipart("/analyze").file(part).param("_csrf", editor.token("/analyze")));
            assertThat(page.getStatus()).as(file.name()).isEqualTo(422);
            String text = Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8)).text();
            assertThat(text).as(file.name()).contains(message).contains("Upload a document").doesNotContain("Exception", "at org.");

            // the analyzer's API with HTTP Basic: 422 with the same message
            MockHttpServletResponse api = mvc.perform(multipart("/api/analyze").file(part).header(HttpHeaders.AUTHORIZATION, basic))
                    .andReturn().getResponse();
            assertThat(api.getStatus()).as(file.name()).isEqualTo(422);
            assertThat(json.readTree(api.getContentAsString(StandardCharsets.UTF_8)).get("message").asString()).as(file.name())
                    .isEqualTo(message);

            // the evidence upload, signed in, as the editor page sends it (htmx)
            MockHttpServletResponse evidence = editor.perform(evidence(id, part).param("_csrf", editor.token("/assessments/" + id + "/edit")));
            if (Assessments.FILE_TYPES.contains(file.contentType())) {
                assertThat(evidence.getStatus()).as(file.name()).isEqualTo(200);
                stored++;
                Assessment saved = assessments.get(id);
                long fileId = saved.content().evidence().stream().filter(e -> e.sourceTitle().equals(file.name()))
                        .findFirst().orElseThrow().fileId();
                MockHttpServletResponse download = editor.perform(get("/assessments/" + id + "/files/" + fileId));
                assertThat(download.getStatus()).isEqualTo(200);
                assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION)).as(file.name()).startsWith("attachment");
                assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(download.getHeader("Content-Security-Policy")).contains("sandbox");
                assertThat(sha256(download.getContentAsByteArray())).as("%s is kept byte for byte", file.name())
                        .isEqualTo(sha256(file.content()));
            } else {
                assertThat(evidence.getStatus()).as(file.name()).isEqualTo(422);
                refused++;
                assertThat(Jsoup.parse(evidence.getContentAsString(StandardCharsets.UTF_8)).text()).as(file.name())
                        .isEqualTo(replies.message("assessment.error.fileType", file.contentType()));
            }
        }
        assertThat(stored).isEqualTo(assessments.get(id).content().evidence().size()).isEqualTo(files.size() - 1);
        assertThat(refused).isEqualTo(1);

        // without the session the same upload is refused before it is read: the session is what let it through
        MockMultipartFile first = new MockMultipartFile("file", "again.pdf", HostileFiles.PDF, files.get(0).content());
        MockHttpServletResponse outsider = anonymous.perform(evidence(id, first).param("_csrf", anonymous.token("/analyze")));
        assertThat(outsider.getStatus()).isIn(302, 401, 403);
        assertThat(assessments.get(id).content().evidence()).hasSize(stored);
    }

    /** The message the extractor gives this file, resolved as the pages resolve it; the key is the one its tests expect. */
    private String extractorMessage(HostileFile file) {
        try {
            new TextExtractor().extract(file.name(), file.content());
        } catch (UnreadableDocumentException e) {
            assertThat(e.messageKey()).as(file.name()).isEqualTo(file.messageKey());
            return replies.message(e.messageKey(), e.arguments());
        }
        throw new AssertionError(file.name() + " was read");
    }

    private static AbstractMockHttpServletRequestBuilder<?> evidence(long id, MockMultipartFile part) {
        return multipart("/api/assessments/" + id + "/evidence").file(part).header("HX-Request", "true")
                .param("item", Q).param("sourceTitle", part.getOriginalFilename()).param("sourceKind", "ordinance")
                .param("shows", "policy").param("seenOn", "2026-11-20");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

package org.sanctuaryscorecard.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The server's own limits, on a real Tomcat (MockMvc does not parse bodies): a paste just over the analyzer's limit
 * reaches it and gets its message, and a body over the server's limits, which the server refuses before the
 * application sees it, still gets the analyzer's form with the limits in words (413).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalyzeLimitsServerTest {

    private static final String BOUNDARY = "----scorecard-test-boundary";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.sanctuaryscorecard.assessment.Assessments assessments;

    @org.springframework.beans.factory.annotation.Autowired
    org.sanctuaryscorecard.account.Accounts accounts;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    /** A part of a multipart body: a field, or a file when {@code fileName} is set. */
    private record Part(String name, String fileName, byte[] value) {

        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String fileName, byte[] content) {
            return new Part("file", fileName, content);
        }
    }

    /**
     * Sends one of the analyzer's forms on the page at {@code address} (0 upload, 1 paste) as a browser does: to its
     * action, with its CSRF token first, then the parts.
     */
    private HttpResponse<String> send(String address, int which, Part... parts) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + address)).build(),
                HttpResponse.BodyHandlers.ofString());
        var form = Jsoup.parse(page.body()).select("form[enctype=multipart/form-data]").get(which);
        Part[] all = new Part[parts.length + 1];
        all[0] = Part.field("_csrf", form.selectFirst("input[name=_csrf]").val());
        System.arraycopy(parts, 0, all, 1, parts.length);
        return post(client, form.attr("action"), "text/html", all);
    }

    private HttpResponse<String> post(HttpClient through, String action, String accept, Part... parts) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: application/octet-stream")
                    + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.value());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return through.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String alert(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select("[role=alert]").text();
    }

    @Test
    void aPasteOfTwoMillionAndOneCharactersReachesTheAnalyzerAndGetsItsMessage() throws Exception {
        // three bytes each in UTF-8 and CR LF line ends, as a browser sends them: about 6 MB of form field
        String text = ("€".repeat(99) + "\r\n").repeat(20_000) + "€";
        assertThat(text.replace("\r\n", "\n")).hasSize(2_000_001);

        HttpResponse<String> response = send("/analyze", 1, Part.field("name", "Long notes"), Part.field("text", text));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(alert(response)).startsWith("The text of “Long notes” is 2,000,001 characters long; the limit is 2,000,000.");
    }

    @Test
    void aPasteFarOverTheLimitStillReachesTheAnalyzerWithItsExactLength() throws Exception {
        HttpResponse<String> response = send("/analyze", 1, Part.field("text", "€".repeat(5_000_000)));   // 15 MB

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(alert(response)).startsWith("The text of “pasted text” is 5,000,000 characters long; the limit is 2,000,000.");
    }

    @Test
    void aPasteOverTheServersLimitGetsTheFormWithTheLimits() throws Exception {
        HttpResponse<String> response = send("/analyze", 1, Part.field("text", "€".repeat(9_000_000)));   // 27 MB

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(alert(response)).startsWith("What you sent is larger than this server reads");
    }

    @Test
    void anUploadOverTheServersLimitGetsTheFormWithTheLimits() throws Exception {
        long assessment = assessments.create("06029", org.sanctuaryscorecard.Members.standard(accounts).id(), "Kern County 2026",
                "Tester", "2026-10-01", "Tester").id();

        HttpResponse<String> response = send("/analyze?assessment=" + assessment, 0, Part.file("huge.pdf", new byte[26 * 1024 * 1024]));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(alert(response)).isEqualTo("What you sent is larger than this server reads, so it was not analyzed. "
                + "Files can be at most 20 MB and pasted text at most 2,000,000 characters. Split the document, or keep "
                + "only the parts that matter.");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Analyze a document");
        assertThat(page.select(".flash").text()).as("the address keeps the assessment, but a draft's title is not shown to"
                + " someone not signed in").doesNotContain("Kern County 2026");
    }

    @Test
    void aFileJustOverTwentyMegabytesGetsTheAnalyzersOwnMessage() throws Exception {
        HttpResponse<String> response = send("/analyze", 0, Part.file("big.pdf", new byte[21 * 1024 * 1024]));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(alert(response)).startsWith("“big.pdf” is 22,020,096 bytes; files can be at most 20 MB (20,971,520 bytes).");
    }

    @Test
    void theApiTakesAFileWithoutATokenAndExplainsOneOverTheLimit() throws Exception {
        HttpClient tool = HttpClient.newHttpClient();
        HttpResponse<String> response = post(tool, "/api/analyze", "application/json",
                Part.file("ordinance.txt", Ordinances.TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"jail-access\"", "\"protects\"");

        HttpResponse<String> tooLarge = post(tool, "/api/analyze", "application/json", Part.file("huge.pdf", new byte[26 * 1024 * 1024]));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"status\":413", "The upload is larger than this server reads. Files can be at most 20 MB.");
    }
}

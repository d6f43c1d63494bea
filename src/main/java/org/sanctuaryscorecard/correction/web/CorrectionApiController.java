package org.sanctuaryscorecard.correction.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.sanctuaryscorecard.correction.CorrectionInput;
import org.sanctuaryscorecard.correction.Corrections;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/corrections/assessments/{id}}: a correction request as JSON, without a file. Answers 202 with a
 * receipt (no id: requests are not public), or the same errors as the form: 404 when the scorecard is not published,
 * 400 with the reason, 429 with Retry-After over a rate limit, 413 for a body over {@value #MAX_BODY_BYTES} bytes.
 */
@RestController
class CorrectionApiController {

    /** The largest body read: every field at its limit, escaped, fits. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private final Corrections corrections;
    private final CorrectionPage page;
    private final JsonMapper json;

    CorrectionApiController(Corrections corrections, CorrectionPage page, JsonMapper json) {
        this.corrections = corrections;
        this.page = page;
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** The JSON body. */
    record CorrectionJson(String name, String organization, String email, String part, String whatIsWrong, String shouldSay,
                          String citation, String link) {
    }

    /** The receipt. */
    record Receipt(String status, long assessment, String message) {
    }

    @PostMapping(value = "/api/corrections/assessments/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> send(@PathVariable long id, HttpServletRequest request) throws IOException {
        CorrectionJson body = read(request);
        corrections.receive(id, new CorrectionInput(body.name(), body.organization(), body.email(), body.part(),
                body.whatIsWrong(), body.shouldSay(), body.citation(), body.link(), null, null));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Receipt("received", id,
                page.message("correction.api.received", page.scorecard(id).organization())));
    }

    private CorrectionJson read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try {
            CorrectionJson parsed = json.readValue(body, CorrectionJson.class);
            if (parsed == null) {
                throw new ExplainedException(HttpStatus.BAD_REQUEST, "correction.api.shape");
            }
            return parsed;
        } catch (JacksonException e) {
            String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "correction.api.notJson",
                    detail.length() > 200 ? detail.substring(0, 200) + "\u2026" : detail);
        }
    }

    private static ExplainedException tooLarge() {
        return new ExplainedException(HttpStatus.CONTENT_TOO_LARGE, "correction.api.tooLarge", MAX_BODY_BYTES / 1024);
    }
}

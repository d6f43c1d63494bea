package org.sanctuaryscorecard.analysis.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.analysis.LabelsJson;
import org.sanctuaryscorecard.analysis.TextExtractor;
import org.sanctuaryscorecard.analysis.UnreadableDocumentException;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open analyzer API: {@code POST /api/analyze} with a file (multipart, part {@code file}) or with JSON
 * {@code {"name": ..., "text": ...}} answers the analysis in the label-file shape ({@link LabelsJson}). Nothing is
 * kept. Tools need no CSRF token (see the web module's security rules); errors are {@code ApiError} JSON.
 */
@RestController
class AnalyzeApiController {

    private final DocumentAnalysis analysis;
    private final ErrorReplies replies;
    private final JsonMapper json;
    private final long maxJsonBytes;

    AnalyzeApiController(DocumentAnalysis analysis, ErrorReplies replies, JsonMapper json, AnalysisSettings settings) {
        this.analysis = analysis;
        this.replies = replies;
        this.json = json;
        this.maxJsonBytes = settings.maxJsonRequest().toBytes();
    }

    @PostMapping(value = "/api/analyze", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> file(@RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "analysis.api.noFile");
        }
        return LabelsJson.tree(analysis.file(file.getOriginalFilename(), file.getBytes()).analysis());
    }

    @PostMapping(value = "/api/analyze", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> text(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxJsonBytes) {
            throw tooLargeJson();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxJsonBytes + 1));
        }
        if (body.length > maxJsonBytes) {
            throw tooLargeJson();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "analysis.api.notJson", firstLine(e.getOriginalMessage()));
        }
        JsonNode text = root == null ? null : root.get("text");
        JsonNode name = root == null ? null : root.get("name");
        if (root == null || !root.isObject() || text == null || !text.isString() || name != null && !name.isNull() && !name.isString()) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "analysis.api.shape");
        }
        return LabelsJson.tree(analysis.text(name == null || name.isNull() ? null : name.asString(),
                replies.message("analysis.form.pastedName"), text.asString()).analysis());
    }

    @ExceptionHandler(UnreadableDocumentException.class)
    Object unreadable(UnreadableDocumentException e, HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(HttpStatus.UNPROCESSABLE_CONTENT, replies.message(e.messageKey(), e.arguments()), request, response);
    }

    @ExceptionHandler(AnalyzerBusyException.class)
    Object busy(AnalyzerBusyException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        return replies.reply(HttpStatus.SERVICE_UNAVAILABLE, replies.message("analysis.busy"), request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return replies.reply(HttpStatus.CONTENT_TOO_LARGE, replies.message("analysis.api.tooLarge",
                TextExtractor.MAX_BYTES / (1024 * 1024)), request, response);
    }

    private ExplainedException tooLargeJson() {
        return new ExplainedException(HttpStatus.CONTENT_TOO_LARGE, "analysis.api.jsonTooLarge",
                maxJsonBytes / (1024 * 1024), TextExtractor.MAX_CHARS);
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "\u2026" : line;
    }
}

package org.sanctuaryscorecard.report.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.sanctuaryscorecard.report.web.OpenData.Dataset;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The open data: {@code /downloads} (the files and the licence), {@code /downloads/codebook} (every column), and the
 * files themselves, streamed, also under the versioned API ({@code /api/v1/exports/...}).
 */
@Controller
class DownloadsController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final OpenData data;
    private final MessageSource messages;

    DownloadsController(OpenData data, MessageSource messages) {
        this.data = data;
        this.messages = messages;
    }

    @GetMapping("/downloads")
    String downloads(Model model) {
        model.addAttribute("datasets", data.datasets());
        model.addAttribute("licenceUrl", OpenData.LICENCE_URL);
        return "report/downloads";
    }

    @GetMapping("/downloads/codebook")
    String codebook(Model model) {
        model.addAttribute("datasets", data.datasets());
        model.addAttribute("separator", OpenData.SEPARATOR);
        return "report/codebook";
    }

    /** The files under the versioned API (marked as a response body so that the OpenAPI description lists them). */
    @GetMapping("/api/v1/exports/{dataset}.csv")
    @ResponseBody
    ResponseEntity<StreamingResponseBody> apiCsv(@PathVariable String dataset, HttpServletRequest request) {
        return csv(dataset, request);
    }

    @GetMapping("/api/v1/exports/{dataset}.json")
    @ResponseBody
    ResponseEntity<StreamingResponseBody> apiJson(@PathVariable String dataset, HttpServletRequest request) {
        return json(dataset, request);
    }

    @GetMapping("/downloads/{dataset}.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String dataset, HttpServletRequest request) {
        Dataset d = dataset(dataset);
        String base = base();
        return file(d, "csv", CSV, request, out -> data.csv(d, base, out));
    }

    @GetMapping("/downloads/{dataset}.json")
    ResponseEntity<StreamingResponseBody> json(@PathVariable String dataset, HttpServletRequest request) {
        Dataset d = dataset(dataset);
        String base = base();
        return file(d, "json", MediaType.APPLICATION_JSON, request, out -> data.json(d, base, out));
    }

    /** The codebook as JSON: for each dataset, each column's name, type, allowed values, meaning and source. */
    @GetMapping("/api/v1/exports/codebook")
    @ResponseBody
    Map<String, Object> codebookJson() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> book = new LinkedHashMap<>();
        book.put("licence", OpenData.LICENCE);
        book.put("licenceUrl", OpenData.LICENCE_URL);
        book.put("separator", OpenData.SEPARATOR);
        List<Map<String, Object>> sets = data.datasets().stream().map(d -> {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("dataset", d.id());
            set.put("description", messages.getMessage(d.descriptionKey(), null, locale));
            set.put("columns", d.columns().stream().map(c -> {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("name", c.name());
                column.put("type", c.typeName());
                column.put("allowed", c.allowed());
                column.put("meaning", messages.getMessage(c.meaningKey(), null, locale));
                column.put("source", messages.getMessage(c.sourceKey(), null, locale));
                return column;
            }).toList());
            return set;
        }).toList();
        book.put("datasets", sets);
        return book;
    }

    private ResponseEntity<StreamingResponseBody> file(Dataset d, String format, MediaType type, HttpServletRequest request,
                                                       StreamingResponseBody body) {
        ShallowEtagHeaderFilter.disableContentCaching(request); // streamed: never buffered to hash it
        String etag = data.etag(d, format);
        if (new ServletWebRequest(request).checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(type)
                .eTag(etag)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sanctuary-scorecard-" + d.id() + "." + format).build().toString())
                .body(body);
    }

    private Dataset dataset(String id) {
        return data.dataset(id).orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "opendata.error.unknownDataset", id));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}

package org.sanctuaryscorecard.report.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.report.web.OpenData.Dataset;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
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
    void apiCsv(@PathVariable String dataset, HttpServletRequest request, HttpServletResponse response) throws IOException {
        csv(dataset, request, response);
    }

    @GetMapping("/api/v1/exports/{dataset}.json")
    @ResponseBody
    void apiJson(@PathVariable String dataset, HttpServletRequest request, HttpServletResponse response) throws IOException {
        json(dataset, request, response);
    }

    @GetMapping("/downloads/{dataset}.csv")
    void csv(@PathVariable String dataset, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Dataset<?> d = dataset(dataset);
        String base = base();
        file(d, "csv", CSV, request, response, out -> data.csv(d, base, out));
    }

    @GetMapping("/downloads/{dataset}.json")
    void json(@PathVariable String dataset, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Dataset<?> d = dataset(dataset);
        String base = base();
        file(d, "json", MediaType.APPLICATION_JSON, request, response, out -> data.json(d, base, out));
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

    /**
     * Writes a file straight to the response while the assessments are read (the servlet container sends it in chunks
     * as its buffer fills; nothing holds the whole file), after answering 304 when the client already has it.
     */
    private void file(Dataset<?> d, String format, MediaType type, HttpServletRequest request, HttpServletResponse response,
                      FileWriter writer) throws IOException {
        ShallowEtagHeaderFilter.disableContentCaching(request); // never buffered to hash it: the ETag is computed here
        String etag = data.etag(d, format);
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return;
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("sanctuary-scorecard-" + d.id() + "." + format).build().toString());
        OutputStream out = response.getOutputStream();
        writer.write(out);
        out.flush();
    }

    /** Writes one file to a stream. */
    private interface FileWriter {
        void write(OutputStream out);
    }

    private Dataset<?> dataset(String id) {
        return data.dataset(id).orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "opendata.error.unknownDataset", id));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}

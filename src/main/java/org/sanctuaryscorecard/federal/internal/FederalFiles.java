package org.sanctuaryscorecard.federal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.federal.FederalDocument;
import org.sanctuaryscorecard.federal.FederalLabel;
import org.sanctuaryscorecard.federal.FederalStatus;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the federal documents listed in {@code federal/federal.yaml}: title, kind, enactment statement, source,
 * completeness and labels word for word from each labels file; citation, full dates, status and county from the
 * manifest. Checking them is {@link org.sanctuaryscorecard.federal.FederalContext}'s business.
 */
public final class FederalFiles {

    /** The manifest. */
    public static final String MANIFEST = "federal/federal.yaml";

    private static final Pattern URL = Pattern.compile("https?://[^\\s;]+");

    private FederalFiles() {
    }

    /** A document and its stored text. */
    public record Read(FederalDocument document, String text) {
    }

    /**
     * Every document of the manifest, in its order, with its labels in the given order of provisions.
     *
     * @throws IllegalStateException when the manifest names a status that does not exist, or a labels file does not
     *                               label exactly the given provisions
     */
    public static List<Read> read(List<String> provisions) {
        YAMLMapper yaml = YAMLMapper.builder().build();
        JsonMapper json = JsonMapper.builder().build();
        List<Read> all = new ArrayList<>();
        for (JsonNode entry : yaml.readTree(content(MANIFEST)).values()) {
            String file = entry.get("file").asString();
            JsonNode labelsFile = json.readTree(content("federal/" + file + ".labels.json"));
            String text = content("federal/" + file + ".txt");
            JsonNode source = labelsFile.get("source");
            List<FederalLabel> labels = new ArrayList<>();
            JsonNode given = labelsFile.get("labels");
            if (!java.util.Set.copyOf(given.propertyNames()).equals(java.util.Set.copyOf(provisions))) {
                throw new IllegalStateException("federal/" + file + ".labels.json: labels " + given.propertyNames()
                        + " are not the provisions " + provisions);
            }
            for (String provision : provisions) {
                JsonNode l = given.get(provision);
                if (l != null) {
                    labels.add(new FederalLabel(provision, text(l, "label"), text(l, "evidence"), text(l, "note")));
                }
            }
            String status = text(entry, "status");
            FederalStatus known = FederalStatus.of(String.valueOf(status)).orElseThrow(() -> new IllegalStateException(
                    MANIFEST + ", " + file + ": unknown status " + status));
            List<String> quotes = new ArrayList<>();
            if (entry.has("status-quotes")) {
                entry.get("status-quotes").values().forEach(q -> quotes.add(q.asString()));
            }
            String sourceNote = text(source, "source");
            Matcher url = URL.matcher(sourceNote == null ? "" : sourceNote);
            FederalDocument document = new FederalDocument(file, text(source, "title"), text(entry, "citation"),
                    text(source, "kind"), labelsFile.has("binding") && labelsFile.get("binding").asBoolean(),
                    text(source, "enacted"), date(entry, "enacted-on"), date(entry, "ended-on"), known,
                    text(entry, "status-note"), quotes, text(entry, "status-quotes-in"), sourceNote,
                    url.find() ? url.group().replaceAll("[).,]+$", "") : null, text(source, "completeness"),
                    text(entry, "county"), labels);
            all.add(new Read(document, text));
        }
        return all;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString(null);
    }

    private static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : LocalDate.parse(text);
    }

    private static String content(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}

package org.sanctuaryscorecard.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.policy.PolicyInput;
import org.sanctuaryscorecard.policy.PolicyLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Stores, once each, the policies shipped under {@code policies/} (listed in {@code policies/policies.yaml}): a policy
 * already stored (by its file name) is left alone, so a restart duplicates nothing and a person's corrections are kept.
 * Title, jurisdiction, kind, enactment statement and source come word for word from the labels file's source block;
 * the labels and quotes from its hand-made labels.
 */
@Component
public class ShippedPolicies implements ApplicationRunner {

    /** The manifest. */
    public static final String MANIFEST = "policies/policies.yaml";
    /** The origin of the shipped labels, in words. */
    public static final String ORIGIN = "the project's labeled corpus";

    private static final Logger log = LoggerFactory.getLogger(ShippedPolicies.class);
    private static final Pattern URL = Pattern.compile("https?://[^\\s;]+");

    private final Policies policies;

    ShippedPolicies(Policies policies) {
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) {
        int stored = 0;
        for (Shipped shipped : read()) {
            if (policies.seeded(shipped.seed())) {
                continue;
            }
            try {
                policies.create(shipped.input(), shipped.seed(), null, PolicyLabel.CORPUS, ORIGIN);
                stored++;
            } catch (DataIntegrityViolationException e) {
                log.info("Policy {} was stored by another instance at the same time", shipped.seed());
            }
        }
        if (stored > 0) {
            log.info("Stored {} shipped policies", stored);
        }
    }

    /** A shipped policy: its mark, and the policy as it is stored. */
    public record Shipped(String file, String seed, PolicyInput input) {
    }

    /** Every shipped policy, in the manifest's order. */
    public static List<Shipped> read() {
        YAMLMapper yaml = YAMLMapper.builder().build();
        JsonMapper json = JsonMapper.builder().build();
        List<Shipped> all = new ArrayList<>();
        for (JsonNode entry : yaml.readTree(resource(MANIFEST)).values()) {
            String file = entry.get("file").asString();
            JsonNode labelsFile = json.readTree(resource("policies/" + file + ".labels.json"));
            String body = new String(bytes("policies/" + file + ".txt"), StandardCharsets.UTF_8);
            JsonNode source = labelsFile.get("source");
            Map<String, PolicyInput.LabelInput> labels = new LinkedHashMap<>();
            labelsFile.get("labels").properties().forEach(e -> labels.put(e.getKey(), new PolicyInput.LabelInput(
                    e.getValue().get("label").asString(), e.getValue().has("evidence") ? e.getValue().get("evidence").asString() : null)));
            List<String> also = new ArrayList<>();
            if (entry.has("also-binds")) {
                entry.get("also-binds").values().forEach(v -> also.add(v.asString()));
            }
            String sourceText = text(source, "source");
            Matcher url = URL.matcher(sourceText == null ? "" : sourceText);
            PolicyInput input = new PolicyInput(entry.get("geoid").asString(), also, text(source, "title"), text(source, "kind"),
                    text(entry, "citation"), url.find() ? url.group().replaceAll("[).,]+$", "") : null, sourceText,
                    text(source, "enacted"), date(entry, "enacted-on"), date(entry, "effective-on"), text(entry, "status"),
                    text(entry, "status-note"), date(entry, "ended-on"), date(entry, "in-force-by"), text(entry, "in-force-by-note"),
                    body, labels);
            all.add(new Shipped(file, "seed:" + file, input));
        }
        return all;
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull() ? node.get(field).asString() : null;
    }

    private static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : LocalDate.parse(text);
    }

    private static InputStream resource(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static byte[] bytes(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}

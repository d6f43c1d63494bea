package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Runs the sentence-level cases of {@code analysis/cases.yaml} through the analyzer. */
class AnalyzerCasesTest {

    private static final Analyzer ANALYZER = Analyzer.bundled();

    static List<JsonNode> cases() {
        try (InputStream in = AnalyzerCasesTest.class.getResourceAsStream("/analysis/cases.yaml")) {
            List<JsonNode> cases = new ArrayList<>();
            YAMLMapper.builder().build().readTree(in).values().forEach(cases::add);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCase() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.get("name").asString(), () -> {
            String text = c.get("text").asString();
            Analysis analysis = ANALYZER.analyze("case.txt", text);
            Set<String> named = new HashSet<>();
            for (Map.Entry<String, JsonNode> expected : c.get("expect").properties()) {
                named.add(expected.getKey());
                Analysis.ProvisionResult result = analysis.provisions().get(expected.getKey());
                assertThat(result).as("provision %s exists", expected.getKey()).isNotNull();
                assertThat(result.label().id()).as("%s in: %s%nreadings: %s", expected.getKey(), text, analysis.passages())
                        .isEqualTo(expected.getValue().asString());
                if (result.label() != Label.SILENT) {
                    assertThat(text).as("evidence is verbatim").contains(result.evidence().quote());
                }
            }
            if (c.has("only") && c.get("only").asBoolean()) {
                for (Analysis.ProvisionResult result : analysis.provisions().values()) {
                    if (!named.contains(result.provision()) && !result.provision().equals("conviction-carveouts")) {
                        assertThat(result.label()).as("%s is not addressed by: %s%nreadings: %s", result.provision(), text,
                                analysis.passages()).isEqualTo(Label.SILENT);
                    }
                }
            }
        }));
    }

    @Test
    void everyProvisionHasCasesForEachLabelItCanTake() {
        Set<String> covered = new HashSet<>();
        for (JsonNode c : cases()) {
            c.get("expect").properties().forEach(e -> covered.add(e.getKey() + ":" + e.getValue().asString()));
        }
        for (String id : ANALYZER.provisionIds()) {
            if (id.equals("conviction-carveouts")) {
                continue;
            }
            assertThat(covered).as("a case where %s protects or is limited", id)
                    .containsAnyOf(id + ":protects", id + ":limited");
            if (!id.equals("interview-safeguards")) {
                assertThat(covered).as("a case where %s is contrary", id).contains(id + ":contrary");
            }
        }
    }
}

package org.sanctuaryscorecard.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.assessment.AssessmentDocument;
import org.sanctuaryscorecard.assessment.AssessmentListing;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped examples are honest: every quote is word for word in a source text kept in src/test/resources/analysis/corpus,
 * only written-policy questions are answered, each says it is an unreviewed example, and all of them load.
 */
@ScorecardWebTest
class ExampleAssessmentsTest {

    @Autowired
    Assessments assessments;

    @Autowired
    Framework framework;

    @Autowired
    JsonMapper json;

    private List<AssessmentDocument> documents() throws IOException {
        List<AssessmentDocument> documents = new ArrayList<>();
        for (Resource resource : ExampleAssessments.examples()) {
            try (InputStream in = resource.getInputStream()) {
                documents.add(json.readValue(in, AssessmentDocument.class));
            }
        }
        return documents;
    }

    private static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/analysis/corpus"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    @Test
    void everyQuoteIsWordForWordInItsSource() throws IOException {
        List<String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(9);
        int quotes = 0;
        for (AssessmentDocument document : documents()) {
            for (AssessmentDocument.EvidenceEntry e : document.evidence()) {
                assertThat(e.quote()).as("%s evidence %d has a quote", document.title(), e.number()).isNotBlank();
                assertThat(corpus).as("%s evidence %d is verbatim: %s", document.title(), e.number(), e.quote())
                        .anyMatch(text -> text.contains(e.quote()));
                quotes++;
            }
        }
        assertThat(quotes).isGreaterThan(20);
    }

    @Test
    void examplesAnswerOnlyWrittenPolicyQuestionsAndSayTheyAreExamples() throws IOException {
        List<AssessmentDocument> documents = documents();
        assertThat(documents).hasSizeGreaterThanOrEqualTo(9);
        for (AssessmentDocument document : documents) {
            assertThat(document.example()).as(document.title()).contains("not reviewed");
            assertThat(document.status()).isEqualTo("draft");
            document.answers().keySet().forEach(question -> assertThat(framework.question(question).orElseThrow().evidenceKind())
                    .as("%s answers %s", document.title(), question).isEqualTo(Framework.EvidenceKind.POLICY));
            document.answers().keySet().forEach(question -> assertThat(document.evidence())
                    .as("%s has evidence for %s", document.title(), question).anyMatch(e -> e.item().equals(question)));
        }
    }

    @Test
    void everyExampleIsLoadedOnceAndMarkedAsAnExample() throws Exception {
        for (Resource resource : ExampleAssessments.examples()) {
            assertThat(assessments.imported(ExampleAssessments.source(resource))).as(resource.getFilename()).isTrue();
        }
        List<AssessmentListing> chicago = assessments.listFor("1714000");
        assertThat(chicago).filteredOn(AssessmentListing::example).hasSize(1);
    }
}

package org.sanctuaryscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.FrameworkLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Runs the scoring cases of {@code scoring/cases.yaml}, which read like the law, against the framework's rules. */
class ScoringCasesTest {

    private static final Framework FRAMEWORK = FrameworkLoader.readBundled();

    static List<JsonNode> cases() {
        try (InputStream in = ScoringCasesTest.class.getResourceAsStream("/scoring/cases.yaml")) {
            List<JsonNode> cases = new ArrayList<>();
            YAMLMapper.builder().build().readTree(in).values().forEach(cases::add);
            return cases;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String questionId(String criterionId, String name) {
        return name.startsWith("question.") ? name : criterionId.replaceFirst("^criterion\\.", "question.") + "." + name;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesTheExpectedStatus() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(
                c.get("criterion").asString() + ": " + c.get("case").asString() + " -> " + c.get("expect").asString(), () -> {
                    String criterionId = c.get("criterion").asString();
                    Map<String, String> answers = new HashMap<>();
                    c.get("given").properties().forEach(e -> answers.put(questionId(criterionId, e.getKey()), e.getValue().asString()));
                    answers.keySet().forEach(id -> assertThat(FRAMEWORK.question(id)).as("question %s", id).isPresent());

                    CriterionResult result = Scoring.score(FRAMEWORK, FRAMEWORK.criterion(criterionId).orElseThrow(), answers);

                    assertThat(result.status().id()).isEqualTo(c.get("expect").asString());
                    if (c.has("waiting-for")) {
                        assertThat(result.unanswered()).containsExactlyInAnyOrderElementsOf(
                                c.get("waiting-for").values().stream().map(n -> questionId(criterionId, n.asString())).toList());
                    }
                    if (c.has("review")) {
                        assertThat(result.needReview()).containsExactlyInAnyOrderElementsOf(
                                c.get("review").values().stream().map(n -> questionId(criterionId, n.asString())).toList());
                    }
                }));
    }

    @Test
    void everyCriterionHasAtLeastThreeCasesIncludingUnansweredAndOther() {
        Map<String, List<String>> expectations = cases().stream().collect(Collectors.groupingBy(
                c -> c.get("criterion").asString(), Collectors.mapping(c -> c.get("expect").asString(), Collectors.toList())));
        for (Framework.Criterion criterion : FRAMEWORK.criteria()) {
            assertThat(expectations.get(criterion.id())).as(criterion.id()).hasSizeGreaterThanOrEqualTo(3)
                    .contains("not-yet-assessed", "needs-review", "met", "not-met");
        }
    }

    @Test
    void anUnansweredQuestionIsNeverCountedAsAPassOrAFail() {
        for (Framework.Criterion criterion : FRAMEWORK.criteria()) {
            CriterionResult none = Scoring.score(FRAMEWORK, criterion, Map.of());
            assertThat(none.status()).as(criterion.id()).isEqualTo(CriterionStatus.NOT_YET_ASSESSED);
        }
    }

    @Test
    void theSummaryCountsStatusesAndProvisionLabels() {
        Map<String, String> answers = new HashMap<>();
        answers.put("question.detainers.refuses-requests", "Y");
        answers.put("question.detainers.formal-policy", "Y");
        answers.put("question.release-notification.refuses-requests", "Y");
        answers.put("question.release-notification.prohibiting-policy", "N");
        answers.put("question.conviction-carveouts.applies-regardless", "OTHER");
        answers.put("question.contracts.no-ice-contracts", "N");
        answers.put("question.contracts.no-bed-space-agreement", "N");
        answers.put("question.contracts.no-287g-agreement", "N");

        ScoreSummary summary = Scoring.summarize(FRAMEWORK, answers, Map.of("detainer-hold", "protects", "287g", "contrary"));

        assertThat(summary.count(CriterionStatus.MET)).isEqualTo(1);
        assertThat(summary.count(CriterionStatus.PARTLY_MET)).isEqualTo(1);
        assertThat(summary.count(CriterionStatus.NOT_MET)).isEqualTo(1);
        assertThat(summary.count(CriterionStatus.NEEDS_REVIEW)).isEqualTo(1);
        assertThat(summary.count(CriterionStatus.NOT_YET_ASSESSED)).isEqualTo(4);
        assertThat(summary.labelCount("protects")).isEqualTo(1);
        assertThat(summary.labelCount("contrary")).isEqualTo(1);
        assertThat(summary.unlabeledCount()).isEqualTo(11);
        assertThat(summary.criterion("criterion.detainers").decidedBy()).isEqualTo("met");
    }
}

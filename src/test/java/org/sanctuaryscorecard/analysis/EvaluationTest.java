package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scores are computed as {@code shared/tools/score-labels} computes them. */
class EvaluationTest {

    private static Evaluation.Pair pair(String provision, Label gold, Label predicted) {
        return new Evaluation.Pair("doc", provision, gold, predicted);
    }

    @Test
    void perClassScoresAndMacroF1FollowTheDefinitions() {
        // protects: tp 2, fp 1, fn 0; limited: tp 0, fp 0, fn 1; contrary: tp 1, fp 0, fn 1
        Evaluation e = new Evaluation(List.of(
                pair("a", Label.PROTECTS, Label.PROTECTS),
                pair("b", Label.PROTECTS, Label.PROTECTS),
                pair("c", Label.SILENT, Label.PROTECTS),
                pair("d", Label.LIMITED, Label.SILENT),
                pair("e", Label.CONTRARY, Label.CONTRARY),
                pair("f", Label.CONTRARY, Label.SILENT),
                pair("g", Label.SILENT, Label.SILENT)), 3, 4, 1);
        assertThat(e.score(Label.PROTECTS).precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(e.score(Label.PROTECTS).recall()).isEqualTo(1.0);
        assertThat(e.score(Label.PROTECTS).f1()).isCloseTo(0.8, within(1e-9));
        assertThat(e.score(Label.LIMITED).f1()).isZero();
        assertThat(e.score(Label.CONTRARY).f1()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(e.macroF1()).isCloseTo((0.8 + 0 + 2.0 / 3) / 3, within(1e-9));
        assertThat(e.accuracy()).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(e.evidenceVerbatim()).isEqualTo(0.75);
        String[] lines = e.report().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("macro-F1 0.489 accuracy 0.571 evidence-verbatim 0.750 documents 1");
        assertThat(e.report()).contains("doc  c  silent -> protects", "doc  d  limited -> silent");
    }

    @Test
    void aClassAbsentFromGoldAndPredictionsIsNotAveraged() {
        Evaluation e = new Evaluation(List.of(pair("a", Label.PROTECTS, Label.PROTECTS), pair("b", Label.SILENT, Label.SILENT)),
                1, 1, 1);
        assertThat(e.macroF1()).isEqualTo(1.0);
    }

    @Test
    void aCorpusFolderWithoutLabelFilesIsExplained(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "No officer shall hold a person on an ICE detainer.");
        assertThatThrownBy(() -> Evaluation.ofCorpus(dir, Analyzer.bundled(), (n, c, name) -> { }))
                .isInstanceOf(Evaluation.CorpusException.class).hasMessageContaining("no NAME.labels.json");
        Files.writeString(dir.resolve("b.labels.json"), "{\"labels\": {}}");
        assertThatThrownBy(() -> Evaluation.ofCorpus(dir, Analyzer.bundled(), (n, c, name) -> { }))
                .isInstanceOf(Evaluation.CorpusException.class).hasMessageContaining("no b.txt beside it");
        Files.writeString(dir.resolve("b.txt"), "text");
        assertThatThrownBy(() -> Evaluation.ofCorpus(dir, Analyzer.bundled(), (n, c, name) -> { }))
                .isInstanceOf(Evaluation.CorpusException.class).hasMessageContaining("has no label");
        Files.writeString(dir.resolve("b.labels.json"), "{not json");
        assertThatThrownBy(() -> Evaluation.ofCorpus(dir, Analyzer.bundled(), (n, c, name) -> { }))
                .isInstanceOf(Evaluation.CorpusException.class).hasMessageContaining("not valid JSON");
    }
}

package org.sanctuaryscorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code analyze} and {@code evaluate} from the command line. */
class AnalyzeCommandTest {

    private static final String ORDINANCE = """
            Sec. 1. Detainers.
            (a) No officer shall detain a person solely on the basis of an immigration detainer.
            (b) Officers shall not inquire into the immigration status of any person.
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final JsonMapper json = JsonMapper.builder().build();

    private int run(String... args) {
        return ScorecardCli.run(args, a -> { }, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesALabelFileInTheSpecShapeForEachDocument(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("ordinance.txt"), ORDINANCE);
        Path labels = dir.resolve("labels");

        int code = run("analyze", "--out", labels.toString(), document.toString());

        assertThat(code).as(err.toString()).isZero();
        JsonNode written = json.readTree(labels.resolve("ordinance.labels.json").toFile());
        assertThat(written.get("document").asString()).isEqualTo("ordinance.txt");
        assertThat(written.get("binding").asBoolean()).isTrue();
        Set<String> ids = new TreeSet<>();
        written.get("labels").properties().forEach(e -> ids.add(e.getKey()));
        assertThat(ids).hasSize(13).contains("detainer-hold", "conviction-carveouts", "287g", "local-resources");
        JsonNode detainer = written.get("labels").get("detainer-hold");
        assertThat(detainer.get("label").asString()).isEqualTo("protects");
        assertThat(ORDINANCE).contains(detainer.get("evidence").asString());
        assertThat(written.get("labels").get("status-inquiry").get("label").asString()).isEqualTo("protects");
        assertThat(written.get("labels").get("287g").has("evidence")).isFalse();
        assertThat(err.toString()).contains("1/1");
    }

    @Test
    void aFileThatCannotBeReadIsSkippedAndTheOthersAreStillAnalyzed(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.txt"), ORDINANCE);
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Path missing = dir.resolve("missing.txt");
        Path labels = dir.resolve("out");

        int code = run("analyze", "--no-progress", "--out", labels.toString(), empty.toString(), missing.toString(), good.toString());

        assertThat(code).isEqualTo(1);
        assertThat(labels.resolve("good.labels.json")).exists();
        assertThat(labels.resolve("empty.labels.json")).doesNotExist();
        assertThat(err.toString()).contains("Skipped " + empty, "is empty", "Skipped " + missing, "no such file",
                "1 of 3 documents analyzed; 2 skipped");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void printsJsonOrASummaryWithoutOut(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("ordinance.txt"), ORDINANCE);

        assertThat(run("analyze", "--no-progress", "--json", document.toString())).isZero();
        assertThat(json.readTree(out.toString()).get("labels").get("detainer-hold").get("label").asString()).isEqualTo("protects");

        out.getBuffer().setLength(0);
        assertThat(run("analyze", "--no-progress", document.toString())).isZero();
        assertThat(out.toString()).contains("ordinance.txt", "detainer-hold", "protects", "No officer shall detain");
    }

    @Test
    void evaluateEndsWithTheMacroF1Line(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), ORDINANCE);
        StringBuilder labels = new StringBuilder("{\"document\": \"a.txt\", \"binding\": true, \"labels\": {");
        String[] ids = {"detainer-hold", "release-notification", "info-sharing", "status-inquiry", "ncic-arrest", "jail-access",
                "interview-safeguards", "conviction-carveouts", "detention-contracts", "287g", "prosecutor-consequences",
                "oversight-enforcement", "local-resources"};
        for (int i = 0; i < ids.length; i++) {
            // one deliberate miss: the gold file calls status inquiries limited
            String label = ids[i].equals("detainer-hold") || ids[i].equals("conviction-carveouts") ? "protects"
                    : ids[i].equals("status-inquiry") ? "limited" : "silent";
            labels.append(i == 0 ? "" : ", ").append('"').append(ids[i]).append("\": {\"label\": \"").append(label).append("\"}");
        }
        Files.writeString(dir.resolve("a.labels.json"), labels.append("}}").toString());

        int code = run("evaluate", "--no-progress", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        // protects: tp 2, fp 1 (status), fn 0 -> F1 0.8; limited: fn 1 -> F1 0; contrary absent
        assertThat(lines[lines.length - 1]).isEqualTo("macro-F1 0.400 accuracy 0.923 evidence-verbatim 1.000 documents 1");
        assertThat(out.toString()).contains("a  status-inquiry  limited -> protects");
        assertThat(run("evaluate", "--no-progress", "--min-macro-f1", "0.5", dir.toString())).isEqualTo(1);
    }

    @Test
    void evaluateExplainsAFolderThatIsNotACorpus(@TempDir Path dir) {
        int code = run("evaluate", "--no-progress", dir.resolve("nowhere").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("is not a directory", "NAME.labels.json");
    }
}

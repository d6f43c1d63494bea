package org.sanctuaryscorecard.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryscorecard.ScorecardApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A bad framework file stops the application at start-up with one message naming the file, item and problem. */
@ExtendWith(OutputCaptureExtension.class)
class FrameworkStartupTest {

    @Test
    void malformedYamlStopsTheStartWithOneClearMessage(@TempDir Path dir, CapturedOutput output) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "framework:\n  id: \"x\n  version: 1\n");

        assertThatThrownBy(() -> start(file)).hasRootCauseInstanceOf(FrameworkException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("The framework file cannot be used.")
                .contains(file + ": this is not valid YAML at line ")
                .contains("Correct the file named above")
                .doesNotContain("\tat org.");
    }

    @Test
    void anUnknownProvisionStopsTheStartNamingTheItem(@TempDir Path dir, CapturedOutput output) throws Exception {
        String bundled;
        try (var in = getClass().getClassLoader().getResourceAsStream(FrameworkLoader.BUNDLED)) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = dir.resolve("toolkit.yaml");
        Files.writeString(file, bundled.replace("provisions: [\"detention-contracts\", \"287g\"]",
                "provisions: [\"detention-contracts\", \"287(g)\"]"));

        assertThatThrownBy(() -> start(file)).hasRootCauseInstanceOf(FrameworkException.class);

        assertThat(output.getAll())
                .contains(file + ": criterion.contracts: unknown provision id '287(g)'")
                .doesNotContain("\tat org.");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir, CapturedOutput output) {
        Path file = dir.resolve("nowhere.yaml");

        assertThatThrownBy(() -> start(file)).hasRootCauseInstanceOf(FrameworkException.class);

        assertThat(output.getAll()).contains(file + ": the file does not exist; check the setting scorecard.framework.location");
    }

    private static void start(Path framework) {
        new SpringApplicationBuilder(ScorecardApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--scorecard.framework.location=file:" + framework, "--spring.flyway.enabled=false",
                        "--spring.main.lazy-initialization=false")
                .close();
    }
}

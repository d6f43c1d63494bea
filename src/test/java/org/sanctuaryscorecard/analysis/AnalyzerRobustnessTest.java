package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Hostile and degenerate text: the analyzer always finishes, never throws, and every quote it gives is a verbatim
 * stretch of the text. The time bound is a guard against runaway regular expressions, not a performance claim
 * (those live in bench/analyzer-throughput.sh).
 */
class AnalyzerRobustnessTest {

    private static final Analyzer ANALYZER = Analyzer.bundled();
    private static final Duration GUARD = Duration.ofSeconds(60);

    private static Analysis analyze(String text) {
        return assertTimeoutPreemptively(GUARD, () -> ANALYZER.analyze("hostile.txt", text));
    }

    private static void assertQuotesAreVerbatim(Analysis analysis, String text) {
        for (Analysis.Passage passage : analysis.passages()) {
            assertThat(text.substring(passage.start(), passage.end())).isEqualTo(passage.quote());
        }
        for (Analysis.ProvisionResult result : analysis.provisions().values()) {
            assertThat(result.evidence() == null).isEqualTo(result.label() == Label.SILENT);
        }
    }

    @Test
    void emptyAndBlankTextIsSilentOnEverything() {
        for (String text : new String[] {"", " ", "\n\n\n", "\f\t"}) {
            Analysis analysis = analyze(text);
            assertThat(analysis.provisions()).hasSize(13);
            assertThat(analysis.provisions().values()).allMatch(r -> r.label() == Label.SILENT);
        }
    }

    @Test
    void twoMillionCharactersOnOneLineWithoutPunctuation() {
        String text = "no officer shall hold a detainer unless convicted and ".repeat(2_000_000 / 54);
        Analysis analysis = analyze(text);
        assertQuotesAreVerbatim(analysis, text);
        assertThat(analysis.provisions().get("detainer-hold").label()).isNotEqualTo(Label.SILENT);
    }

    @Test
    void deeplyNestedListsAndManyShortLines() {
        StringBuilder text = new StringBuilder("No agency shall:\n");
        for (int i = 0; i < 50_000; i++) {
            text.append("(").append((char) ('a' + i % 26)).append(") (").append(i % 9 + 1).append(") hold a person on a detainer;\n");
        }
        Analysis analysis = analyze(text.toString());
        assertQuotesAreVerbatim(analysis, text.toString());
    }

    @Test
    void randomCharactersAndControlCodes() {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500_000; i++) {
            int kind = random.nextInt(10);
            text.append(kind < 6 ? (char) ('a' + random.nextInt(26)) : kind < 8 ? ' ' : kind == 8 ? "().;:\"§\n".charAt(random.nextInt(8))
                    : (char) random.nextInt(0x3000));
        }
        Analysis analysis = analyze(text.toString());
        assertQuotesAreVerbatim(analysis, text.toString());
    }

    @Test
    void manyForceWordsAndExceptionMarkersInOneSentence() {
        String text = ("no shall may must unless except if when only if provided that notwithstanding without ").repeat(20_000)
                + "detainer.";
        Analysis analysis = analyze(text);
        assertQuotesAreVerbatim(analysis, text);
    }
}

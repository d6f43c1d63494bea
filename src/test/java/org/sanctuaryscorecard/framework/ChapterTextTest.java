package org.sanctuaryscorecard.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The framework must carry the chapter word for word. {@code framework/chapter-statements.txt} was transcribed from
 * the chapter independently of the YAML; each of its lines must be in the framework, and every criterion and
 * question in the framework must be in it (nothing invented), after normalizing whitespace and quote marks.
 */
class ChapterTextTest {

    private static final Set<String> KINDS = Set.of("landscape", "criterion", "question", "where-to-look", "prohibition", "inclusion");
    private static List<String[]> checklist;
    private static Framework framework;

    @BeforeAll
    static void read() throws IOException {
        framework = FrameworkLoader.readBundled();
        checklist = new ArrayList<>();
        try (InputStream in = ChapterTextTest.class.getResourceAsStream("/framework/chapter-statements.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 2);
                    assertThat(KINDS).as("kind of line: %s", line).contains(parts[0]);
                    checklist.add(parts);
                }
            }
        }
    }

    static String normalize(String text) {
        return text.replace('\u201c', '"').replace('\u201d', '"').replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static Set<String> texts(String kind) {
        Stream<String> texts = switch (kind) {
            case "landscape" -> framework.landscape().questions().stream().map(Framework.LandscapeQuestion::text);
            case "criterion" -> framework.criteria().stream().map(Framework.Criterion::statement);
            case "question" -> framework.questions().map(Framework.CriterionQuestion::text);
            case "where-to-look" -> framework.criteria().stream().flatMap(c -> c.whereToLook().stream());
            case "prohibition" -> framework.bestPractices().prohibitions().stream().map(Framework.BestPractice::text);
            case "inclusion" -> framework.bestPractices().inclusions().stream().map(Framework.BestPractice::text);
            default -> throw new IllegalArgumentException(kind);
        };
        return texts.map(ChapterTextTest::normalize).collect(Collectors.toSet());
    }

    @Test
    void everyStatementOfTheChapterIsInTheFrameworkWordForWord() {
        assertThat(checklist).hasSize(57);
        for (String[] item : checklist) {
            assertThat(texts(item[0])).as("%s in the framework", item[0]).contains(normalize(item[1]));
        }
    }

    @Test
    void theFrameworkHasNoCriterionOrQuestionThatTheChapterLacks() {
        for (String kind : KINDS) {
            Set<String> fromChapter = checklist.stream().filter(item -> item[0].equals(kind))
                    .map(item -> normalize(item[1])).collect(Collectors.toSet());
            assertThat(fromChapter).as("%s items of the chapter", kind).containsAll(texts(kind));
        }
    }

    @Test
    void theCountsMatchTheChapter() {
        assertThat(checklist.stream().filter(i -> i[0].equals("landscape"))).hasSize(5);
        assertThat(checklist.stream().filter(i -> i[0].equals("criterion"))).hasSize(8);
        assertThat(checklist.stream().filter(i -> i[0].equals("question"))).hasSize(19);
        assertThat(framework.questions()).hasSize(19);
    }
}

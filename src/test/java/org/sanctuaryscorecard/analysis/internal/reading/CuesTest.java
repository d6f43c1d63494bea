package org.sanctuaryscorecard.analysis.internal.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shortcuts that make the analyzer fast (cues, start literals, the cue index) must never change what an
 * expression finds: for every expression of the vocabulary and every sentence of the corpus, they give exactly what
 * a plain {@code Matcher.find} loop gives.
 */
class CuesTest {

    @Test
    void requiredLiteralsAndStartLiteralsAreWorkedOutFromTheExpression() {
        assertThat(Cues.required("\\bdetainers?\\b")).containsExactly("detainer");
        assertThat(Cues.required("(share|sharing|disclos\\w+),? .{0,80}(information|records|data)\\b"))
                .containsExactlyInAnyOrder("share", "sharing", "disclos");
        assertThat(Cues.required("i-?247")).containsExactly("247");
        assertThat(Cues.required("\\bif\\b")).isNull();
        assertThat(Cues.required("(?<!by )\\b(means|shall mean)\\b")).containsExactlyInAnyOrder("means", "shall mean");
        assertThat(Cues.startLiterals("(report\\w*|send\\w*)\\b.{0,60}status")).containsExactly("report", "send");
        assertThat(Cues.startLiterals("(federal )?(fund\\w*)")).isNull();
        assertThat(Cues.startLiterals("grants? (funds|money)")).containsExactly("grant");
        assertThat(Cues.hasTopLevelAlternatives("\\bdraft\\b|\\[insert\\b")).isTrue();
        assertThat(Cues.hasTopLevelAlternatives("(a|b)c")).isFalse();
    }

    @Test
    void everyVocabularyExpressionFindsWhatAPlainMatcherFinds() throws Exception {
        Vocabulary vocabulary = Vocabulary.bundled();
        List<Cues> all = new ArrayList<>();
        all.addAll(vocabulary.authorities());
        all.addAll(vocabulary.federalActors());
        vocabulary.provisions().values().forEach(p -> all.addAll(p.terms()));
        vocabulary.direct().values().forEach(m -> m.values().forEach(all::addAll));
        vocabulary.force().values().forEach(all::addAll);
        all.addAll(vocabulary.neutralForce());
        all.addAll(vocabulary.limitingVerbs());
        all.addAll(vocabulary.reportingVerbs());
        vocabulary.exceptions().values().forEach(all::addAll);
        all.addAll(vocabulary.nonOperativeContains());

        Path corpus = Path.of(CuesTest.class.getResource("/analysis/corpus").toURI());
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(file);
                for (int[] s : Sentences.split(text, 0, text.length())) {
                    sentences.add(Normalized.of(text, s[0], s[1]).text());
                }
            }
        }
        assertThat(sentences).hasSizeGreaterThan(500);
        int compared = 0;
        for (String sentence : sentences) {
            BitSet present = vocabulary.cueIndex().scan(sentence);
            for (Cues cues : all) {
                List<String> expected = plainFind(cues.pattern(), sentence);
                List<String> actual = new ArrayList<>();
                if (cues.mayMatch(present)) {
                    for (int[] m : cues.spans(sentence)) {
                        actual.add(m[0] + "-" + m[1]);
                    }
                }
                assertThat(actual).as("%s in: %s", cues.pattern(), sentence).isEqualTo(expected);
                assertThat(cues.mayMatch(sentence)).as("cues of %s", cues.pattern()).isEqualTo(cues.mayMatch(present));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100_000);
    }

    private static List<String> plainFind(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.start() + "-" + m.end());
        }
        return found;
    }

    @Test
    void normalizedTextMapsEveryPositionBackToTheOriginal() {
        String original = "The  SHERIFF shall not\n  hold a per-\n   son on an ICE “detainer”.";
        Normalized n = Normalized.of(original, 0, original.length());
        assertThat(n.text()).isEqualTo("the sheriff shall not hold a person on an ice \"detainer\".");
        int at = n.text().indexOf("person");
        assertThat(original.substring(n.original(at), n.originalEnd(at + "person".length()))).isEqualTo("per-\n   son");
        int ice = n.text().indexOf("ice");
        assertThat(original.substring(n.original(ice), n.originalEnd(ice + 3))).isEqualTo("ICE");
    }
}

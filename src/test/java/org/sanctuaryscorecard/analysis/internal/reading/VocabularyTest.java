package org.sanctuaryscorecard.analysis.internal.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.FrameworkLoader;

class VocabularyTest {

    @Test
    void theVocabularyNamesExactlyTheFrameworksProvisionsInItsOrder() {
        Vocabulary vocabulary = Vocabulary.bundled();
        List<String> framework = new ArrayList<>();
        for (Framework.Provision provision : FrameworkLoader.readBundled().provisions()) {
            framework.add(provision.id());
        }
        assertThat(Labeler.provisionIds(vocabulary)).containsExactlyElementsOf(framework);
        for (String counted : vocabulary.federalMandatesCount()) {
            assertThat(framework).contains(counted);
        }
        vocabulary.yieldsTo().forEach((id, stronger) -> {
            assertThat(framework).contains(id);
            assertThat(framework).containsAll(stronger);
        });
        vocabulary.direct().values().forEach(byProvision -> assertThat(framework).containsAll(byProvision.keySet()));
    }

    @Test
    void aMissingSectionIsNamed() {
        assertThatThrownBy(() -> Vocabulary.read(new ByteArrayInputStream("version: 1\nprovisions: {}\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the section 'immigration-authorities' is missing");
    }

    @Test
    void aBrokenPatternIsReportedWithWhereItIs() {
        String yaml = """
                version: 1
                direct: {}
                force: {}
                limiting-verbs: []
                reporting-verbs: []
                exceptions: {}
                non-operative: {}
                binding: {}
                immigration-authorities: ['\\\\bice\\\\b']
                federal-actors: []
                federal-mandates-count: []
                provisions:
                  detainer-hold:
                    name: detainer holds
                    terms: ['(detainer']
                """;
        assertThatThrownBy(() -> Vocabulary.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("provisions.detainer-hold")
                .hasMessageContaining("'(detainer'")
                .hasMessageContaining("not a valid regular expression");
    }
}

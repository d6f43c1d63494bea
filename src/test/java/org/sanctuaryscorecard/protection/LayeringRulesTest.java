package org.sanctuaryscorecard.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.FrameworkLoader;

/** The layering rules are read and checked at start-up: a wrong rule is refused with a message that names it. */
class LayeringRulesTest {

    private static final Framework FRAMEWORK = FrameworkLoader.readBundled();

    private static String bundled() throws IOException {
        try (InputStream in = LayeringRulesTest.class.getClassLoader().getResourceAsStream(LayeringRules.BUNDLED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static LayeringRules read(String yaml) {
        return LayeringRules.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", FRAMEWORK);
    }

    @Test
    void theShippedRulesAreValid() {
        LayeringRules rules = LayeringRules.readBundled(FRAMEWORK);
        assertThat(rules.levels()).containsExactly("state", "county", "place");
        assertThat(rules.jailProvisions()).containsExactlyInAnyOrder("detainer-hold", "release-notification", "jail-access",
                "interview-safeguards", "detention-contracts");
        assertThat(rules.ownJailQuestion()).isEqualTo("landscape.lead-agency");
        assertThat(rules.preempts("state", "place")).isTrue();
        assertThat(rules.preempts("county", "place")).isFalse();
        assertThat(rules.statuses()).containsEntry("not-enacted", "never").containsEntry("repealed", "until-ended");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "levels: [state, county, place]|levels: [federal, state, county, place]|levels must be [state, county, place]",
            "precedence: [protects, limited, contrary, silent]|precedence: [silent, limited, contrary, protects]|precedence must order",
            "  not-enacted: never|  not-enacted: sometimes|status 'not-enacted' counts as 'sometimes'",
            "  enjoined: until-ended|  enjoyed: until-ended|statuses must say how status 'enjoined' counts",
            "warn: [unverified]|warn: [repealed]|warn names 'repealed'",
            "detention-contracts]|detention-contract]|jail provisions name 'detention-contract'",
            "question: landscape.lead-agency|question: landscape.nothing|question 'landscape.nothing' is not a landscape question",
            "choices: [city-police]|choices: [city-jail]|choice 'city-jail' is not an answer",
            "over: [county, place]|over: [state]|preemption by 'state' over [state]",
            "several-counties: weakest|several-counties: strongest|several-counties must be weakest",
            "  default: county|  default: place|jail default must be county"})
    void aWrongRuleIsRefusedWithAMessageNamingIt(String from, String to, String message) throws IOException {
        String yaml = bundled();
        assertThat(yaml).contains(from.replace("\\n", "\n"));
        String wrong = yaml.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThatThrownBy(() -> read(wrong)).isInstanceOf(LayeringRulesException.class).hasMessageContaining("test.yaml")
                .hasMessageContaining(message);
    }

    @Test
    void notYamlOrNotAMapIsRefused() {
        assertThatThrownBy(() -> read("levels: [state\n")).isInstanceOf(LayeringRulesException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> read("- a\n- b\n")).isInstanceOf(LayeringRulesException.class)
                .hasMessageContaining("must be a map");
        assertThatThrownBy(() -> read("levels: [state, county, place]\n")).isInstanceOf(LayeringRulesException.class)
                .hasMessageContaining("'precedence' is missing");
    }
}

package org.sanctuaryscorecard.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.framework.Framework.Criterion;
import org.sanctuaryscorecard.framework.Framework.EvidenceKind;
import org.sanctuaryscorecard.framework.Framework.LandscapeAnswerType;

class FrameworkLoaderTest {

    private static final String FILE = "toolkit.yaml";
    private static String bundledText;

    @BeforeAll
    static void readBundledText() throws IOException {
        try (InputStream in = FrameworkLoaderTest.class.getClassLoader().getResourceAsStream(FrameworkLoader.BUNDLED)) {
            bundledText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Framework load(String yaml) {
        return FrameworkLoader.read(FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The bundled file with exactly one occurrence of {@code from} replaced, failing if it is not there once. */
    private static String edited(String from, String to) {
        int first = bundledText.indexOf(from);
        assertThat(first).as("text to edit: %s", from).isGreaterThanOrEqualTo(0);
        assertThat(bundledText.indexOf(from, first + 1)).as("text to edit occurs once: %s", from).isEqualTo(-1);
        return bundledText.substring(0, first) + to + bundledText.substring(first + from.length());
    }

    @Test
    void theBundledFrameworkHasTheWholeChapter() {
        Framework framework = FrameworkLoader.readBundled();

        assertThat(framework.about().version()).isEqualTo("1.0.0");
        assertThat(framework.landscape().questions()).hasSize(5);
        assertThat(framework.bestPractices().prohibitions()).hasSize(6);
        assertThat(framework.bestPractices().inclusions()).hasSize(4);
        assertThat(framework.bestPractices().strategies()).singleElement()
                .satisfies(s -> assertThat(s.examples()).extracting(Framework.StrategyExample::jurisdiction)
                        .containsExactly("17031", "06085", "3651000"));
        assertThat(framework.bestPractices().complementaryReforms().reforms()).extracting(Framework.Reform::id)
                .containsExactly("reform.bias-based-policing", "reform.pre-arrest-diversion",
                        "reform.decriminalize-low-level-offenses");
        assertThat(framework.criteria()).extracting(Criterion::id).containsExactly(
                "criterion.detainers", "criterion.jail-access", "criterion.interview-safeguards",
                "criterion.release-notification", "criterion.information-sharing", "criterion.status-inquiry",
                "criterion.conviction-carveouts", "criterion.contracts");
        assertThat(framework.criteria()).extracting(c -> c.questions().size()).containsExactly(2, 2, 4, 2, 3, 2, 1, 3);
        assertThat(framework.provisions()).extracting(Framework.Provision::id).containsExactly(
                "detainer-hold", "release-notification", "info-sharing", "status-inquiry", "ncic-arrest", "jail-access",
                "interview-safeguards", "conviction-carveouts", "detention-contracts", "287g", "prosecutor-consequences",
                "oversight-enforcement", "local-resources");
        assertThat(framework.provisionLabels()).extracting(Framework.ProvisionLabel::id)
                .containsExactly("protects", "limited", "contrary", "silent");
        assertThat(framework.resources()).hasSize(6);
        assertThat(framework.caseStudy().jurisdiction()).isEqualTo("06085");
    }

    @Test
    void everyCriterionIsAnsweredYesNoOrOtherAndTheInformationCriterionCarriesThe1373Footnote() {
        Framework framework = FrameworkLoader.readBundled();

        for (Criterion criterion : framework.criteria()) {
            assertThat(framework.answerSet(criterion.answerSet()).orElseThrow().options())
                    .extracting(Framework.AnswerOption::code).containsExactly("Y", "N", "OTHER");
        }
        assertThat(framework.criterion("criterion.information-sharing").orElseThrow().footnotes()).singleElement()
                .satisfies(f -> {
                    assertThat(f.refersTo()).isEqualTo("8 U.S.C. § 1373");
                    assertThat(f.text()).startsWith("Federal law makes it illegal for local jurisdictions to prohibit");
                });
        assertThat(framework.question("question.detainers.refuses-requests").orElseThrow().evidenceKind())
                .isEqualTo(EvidenceKind.PRACTICE);
        assertThat(framework.question("question.detainers.formal-policy").orElseThrow().evidenceKind())
                .isEqualTo(EvidenceKind.POLICY);
        assertThat(framework.landscape().questions()).extracting(q -> q.answer().type()).containsExactly(
                LandscapeAnswerType.CHOICE, LandscapeAnswerType.AGENCY_LIST, LandscapeAnswerType.CHOICE_AND_TEXT,
                LandscapeAnswerType.CHOICE, LandscapeAnswerType.TEXT_AND_LINK);
    }

    @Test
    void everyIdIsUniqueAndEveryProvisionReferenceIsDefined() {
        Framework framework = FrameworkLoader.readBundled();
        List<String> ids = new ArrayList<>();
        framework.criteria().forEach(c -> {
            ids.add(c.id());
            c.questions().forEach(q -> ids.add(q.id()));
        });
        framework.landscape().questions().forEach(q -> ids.add(q.id()));
        framework.bestPractices().prohibitions().forEach(p -> ids.add(p.id()));
        framework.bestPractices().inclusions().forEach(p -> ids.add(p.id()));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9.-]+"));

        Set<String> referenced = new HashSet<>();
        framework.criteria().forEach(c -> referenced.addAll(c.provisions()));
        framework.bestPractices().prohibitions().forEach(p -> referenced.addAll(p.provisions()));
        framework.bestPractices().inclusions().forEach(p -> referenced.addAll(p.provisions()));
        framework.bestPractices().strategies().forEach(s -> referenced.addAll(s.provisions()));
        assertThat(referenced).as("every provision is evaluated somewhere")
                .containsExactlyInAnyOrderElementsOf(framework.provisions().stream().map(Framework.Provision::id).toList());
    }

    @Test
    void anUnknownProvisionIdIsNamedWithItsItem() {
        String yaml = edited("provisions: [\"detainer-hold\"]\n    answer-set", "provisions: [\"detainer-holds\"]\n    answer-set");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessageStartingWith("toolkit.yaml: criterion.detainers: unknown provision id 'detainer-holds'; the provisions are detainer-hold, ");
    }

    @Test
    void aMissingFieldIsNamedWithItsItem() {
        String yaml = edited("        text: \"Does your jurisdiction have a formal policy in place codifying procedures relating to immigration authorities in the jails?\"\n", "");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessage("toolkit.yaml: question.jail-access.formal-policy: missing field 'text'");
    }

    @Test
    void aMissingIdIsNamedByItsPosition() {
        String yaml = edited("  - id: \"criterion.status-inquiry\"\n    number: 6", "  - number: 6");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessage("toolkit.yaml: criteria[6]: missing field 'id'");
    }

    @Test
    void aDuplicateIdNamesBothPlaces() {
        String yaml = edited("- id: \"question.detainers.formal-policy\"", "- id: \"question.detainers.refuses-requests\"");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessage("toolkit.yaml: question.detainers.refuses-requests: duplicate id: it is used in"
                        + " criterion.detainers > questions and again in criterion.detainers > questions; every id must be unique");
    }

    @Test
    void anAnswerSetWithOneOptionIsMalformed() {
        String yaml = edited("""
                      - { code: "Y", label: "Yes" }
                      - { code: "N", label: "No" }
                      - { code: "OTHER", label: "Other" }
                """, """
                      - { code: "Y", label: "Yes" }
                """);

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessage("toolkit.yaml: yes-no-other: malformed answer set: it needs at least two options, found 1");
    }

    @Test
    void anAnswerSetWithARepeatedCodeIsMalformed() {
        String yaml = edited("- { code: \"OTHER\", label: \"Other\" }", "- { code: \"N\", label: \"Other\" }");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessage("toolkit.yaml: yes-no-other: malformed answer set: the code 'N' appears twice");
    }

    @Test
    void anAnswerSetOptionWithoutALabelIsMalformed() {
        String yaml = edited("- { code: \"OTHER\", label: \"Other\" }", "- { code: \"OTHER\" }");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessage("toolkit.yaml: yes-no-other > options[3]: missing field 'label'");
    }

    @Test
    void aCriterionNamingAnUnknownAnswerSetIsRefused() {
        String yaml = edited("    provisions: [\"release-notification\"]\n    answer-set: \"yes-no-other\"",
                "    provisions: [\"release-notification\"]\n    answer-set: \"yes-no\"");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessage("toolkit.yaml: criterion.release-notification: unknown answer set 'yes-no'; the answer sets are"
                        + " yes-no-other, lead-agency, response-practice");
    }

    @Test
    void anUnknownFieldIsRefusedSoThatTyposAreCaught() {
        String yaml = edited("    where-to-look:\n      - \"You may have to submit", "    where-to-loook:\n      - \"You may have to submit");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessageStartingWith("toolkit.yaml: criterion.contracts: unknown field 'where-to-loook'; the fields here are id, number,");
    }

    @Test
    void aFollowUpQuestionMustPointToAnEarlierQuestionAndOneOfItsAnswers() {
        String unknownQuestion = edited("asked-if: { question: \"question.status-inquiry.prohibiting-laws\", answer: \"N\" }",
                "asked-if: { question: \"question.status-inquiry.prohibiting-law\", answer: \"N\" }");
        String unknownAnswer = edited("asked-if: { question: \"question.status-inquiry.prohibiting-laws\", answer: \"N\" }",
                "asked-if: { question: \"question.status-inquiry.prohibiting-laws\", answer: \"No\" }");

        assertThatThrownBy(() -> load(unknownQuestion)).hasMessage("toolkit.yaml: question.status-inquiry.no-permitting-law:"
                + " asked-if refers to 'question.status-inquiry.prohibiting-law', which is not a question that comes before this one");
        assertThatThrownBy(() -> load(unknownAnswer)).hasMessage("toolkit.yaml: question.status-inquiry.no-permitting-law:"
                + " asked-if expects the answer 'No', which is not one of Y, N, OTHER");
    }

    @Test
    void anUnknownEvidenceKindOrLandscapeAnswerTypeIsExplained() {
        String kind = edited("""
                        text: "Do your local law enforcement agencies refuse to comply with ICE detainer requests?"
                        evidence-kind: "practice"
                """, """
                        text: "Do your local law enforcement agencies refuse to comply with ICE detainer requests?"
                        evidence-kind: "practise"
                """);
        String type = edited("answer: { type: \"agency-list\" }", "answer: { type: \"list\" }");

        assertThatThrownBy(() -> load(kind)).hasMessage("toolkit.yaml: question.detainers.refuses-requests: evidence-kind is"
                + " 'practise'; use 'practice' (what agencies do) or 'policy' (what a law or policy says)");
        assertThatThrownBy(() -> load(type)).hasMessage("toolkit.yaml: landscape.detainer-recipients > answer: unknown answer"
                + " type 'list'; use one of choice, agency-list, choice-and-text, text-and-link");
    }

    @Test
    void criteriaMustBeNumberedInOrder() {
        String yaml = edited("    number: 4\n", "    number: 5\n");

        assertThatThrownBy(() -> load(yaml)).hasMessage("toolkit.yaml: criterion.release-notification: criterion number is 5"
                + " but the criteria must be numbered 1, 2, 3 ... in order; expected 4");
    }

    @Test
    void malformedYamlNamesTheLine() {
        String yaml = edited("  version: \"1.0.0\"\n", "  version: \"1.0.0\n");

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(FrameworkException.class)
                .hasMessageStartingWith("toolkit.yaml: this is not valid YAML at line ")
                .hasMessageEndingWith("Check the indentation and quotes around that line.");
    }

    @Test
    void aRepeatedKeyIsMalformed() {
        String yaml = edited("  version: \"1.0.0\"\n", "  version: \"1.0.0\"\n  version: \"1.0.1\"\n");

        assertThatThrownBy(() -> load(yaml))
                .hasMessageStartingWith("toolkit.yaml: this is not valid YAML at line ")
                .hasMessageContaining("version");
    }

    @Test
    void anEmptyFileSaysWhatItMustContain() {
        assertThatThrownBy(() -> load("")).hasMessage(
                "toolkit.yaml: the file is empty or is not a YAML mapping; it must start with 'framework:'");
        assertThatThrownBy(() -> load("- just\n- a list\n")).hasMessage(
                "toolkit.yaml: the file is empty or is not a YAML mapping; it must start with 'framework:'");
    }

    @Test
    void scoringRulesAreCheckedAgainstTheQuestionsAndAnswers() {
        String unknownQuestion = edited("met: \"applies-regardless is Y\"", "met: \"applies-regardles is Y\"");
        String unknownAnswer = edited("met: \"applies-regardless is Y\"", "met: \"applies-regardless is Yes\"");
        String malformed = edited("met: \"applies-regardless is Y\"", "met: \"applies-regardless = Y\"");
        String noCondition = edited("""
                      met: "applies-regardless is Y"
                      not-met: "applies-regardless is N"
                """, "");

        assertThatThrownBy(() -> load(unknownQuestion)).hasMessage("toolkit.yaml: criterion.conviction-carveouts > scoring: the"
                + " condition refers to 'question.conviction-carveouts.applies-regardles', which is not a question of the framework");
        assertThatThrownBy(() -> load(unknownAnswer)).hasMessage("toolkit.yaml: criterion.conviction-carveouts > scoring: the"
                + " condition expects the answer 'Yes' to question.conviction-carveouts.applies-regardless, which is not one of Y, N, OTHER");
        assertThatThrownBy(() -> load(malformed)).hasMessage("toolkit.yaml: criterion.conviction-carveouts > scoring > met: a"
                + " condition reads '<question> is <answer>', for example 'formal-policy is Y'; found 'applies-regardless = Y'");
        assertThatThrownBy(() -> load(noCondition)).hasMessage("toolkit.yaml: criterion.conviction-carveouts > scoring: a scoring"
                + " rule needs at least one of met, partly-met, not-met");
    }
}

package org.sanctuaryscorecard.framework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.framework.Framework;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ScorecardWebTest
class FrameworkPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Framework framework;

    private List<String> everyStatementAndQuestion() {
        List<String> texts = new ArrayList<>();
        framework.landscape().questions().forEach(q -> texts.add(q.text()));
        framework.criteria().forEach(c -> {
            texts.add(c.statement());
            c.questions().forEach(q -> texts.add(q.text()));
            texts.addAll(c.whereToLook());
        });
        framework.bestPractices().prohibitions().forEach(p -> texts.add(p.text()));
        framework.bestPractices().inclusions().forEach(p -> texts.add(p.text()));
        return texts;
    }

    @Test
    void theFrameworkPageShowsEveryCriterionQuestionAndWhereToLook() throws Exception {
        String html = HtmlUtils.htmlUnescape(mvc.perform(get("/framework"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(everyStatementAndQuestion()).hasSizeGreaterThan(50).allSatisfy(text -> assertThat(html).contains(text));
        assertThat(html).contains("Meets criteria? Y/N/Other", "Where to look", "Questions to evaluate your jurisdiction",
                "Y / N / Other", "Lessons from the Field", "Resources", "Refers to 8 U.S.C. § 1373.",
                "href=\"/jurisdictions/17031\"", "https://www.ilrc.org/local-enforcement-map",
                "(asked if the answer to 2.1 is No)", "(asked if the answer to 2.2 is Yes)", "(asked if the answer to 6.1 is No)",
                "<span class=\"tag\">Detainer holds</span>", "<span class=\"tag\">287(g) agreements</span>");
        framework.caseStudy().paragraphs().forEach(p -> assertThat(html).contains(p));
    }

    @Test
    void criteriaTwoAndThreeShareOneRowAsInTheChapter() throws Exception {
        String html = mvc.perform(get("/framework")).andReturn().getResponse().getContentAsString();
        String table = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));

        assertThat(table.split("<tr>", -1)).hasSize(1 + 7);
        assertThat(table.split("Internal sheriff or police-department policies", -1))
                .as("row 2's where-to-look is listed once though two criteria share it; rows 3 and 4 list it too")
                .hasSize(1 + 2);
    }

    @Test
    void theApiGivesTheWholeFrameworkAsJson() throws Exception {
        String json = mvc.perform(get("/api/framework"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.about.version").value("1.0.0"))
                .andExpect(jsonPath("$.criteria.length()").value(8))
                .andExpect(jsonPath("$.criteria[0].id").value("criterion.detainers"))
                .andExpect(jsonPath("$.criteria[0].questions[0].evidenceKind").value("practice"))
                .andExpect(jsonPath("$.landscape.questions[0].answer.type").value("choice"))
                .andExpect(jsonPath("$.provisions.length()").value(13))
                .andReturn().getResponse().getContentAsString();

        JsonNode tree = JsonMapper.builder().build().readTree(json);
        List<String> strings = new ArrayList<>();
        collectStrings(tree, strings);
        assertThat(everyStatementAndQuestion()).allSatisfy(text -> assertThat(strings).contains(text));
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
        node.values().forEach(child -> collectStrings(child, into));
    }

    @Test
    void theScoringPageShowsEveryRuleInPlainWordsFromTheData() throws Exception {
        String html = HtmlUtils.htmlUnescape(mvc.perform(get("/framework/scoring"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        framework.criteria().forEach(c -> assertThat(html).contains(c.scoring().summary()));
        assertThat(html).contains("Unknown is not no.", "All of these:", "Any of these:",
                "1.1 “Do your local law enforcement agencies refuse to comply with ICE detainer requests?” is answered Yes",
                "2.1 “Does your local jail prohibit immigration authorities from conducting interviews in the jail?” is answered Yes",
                "Never: this rule has no such condition.");
    }
}

package org.sanctuaryscorecard.nationalmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.protection.EffectiveLabel;
import org.sanctuaryscorecard.protection.EffectiveProtections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The map's default layers: the effective protection of the policies the application ships (state law layered over
 * county policy), by state and by county, summary and per provision. What the map says is checked against the
 * protection module's own labels, and against what the shipped laws say: Florida's chapter 908 is contrary (it
 * requires cooperation), California's statutes protect, and a state no shipped policy reaches is "no policy on
 * record", drawn like "not assessed" and never like "not protected".
 */
@ScorecardWebTest
class ProtectionMapTest {

    static final int PROTECTS_MOST = 0;
    static final int PROTECTS_SOME = 1;
    static final int CONTRARY = 2;
    static final int NOT_ON_RECORD = 4;

    @Autowired
    MockMvc mvc;

    @Autowired
    EffectiveProtections protections;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode map(String layer, String level, String asOf) throws Exception {
        String body = mvc.perform(get("/api/map").param("layer", layer).param("level", level).param("asOf", asOf)
                .param("explain", "true")).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void theEffectiveProtectionSummaryIsTheDefaultLayerAndNotOnRecordIsHatchedGrey() throws Exception {
        JsonNode map = json.readTree(mvc.perform(get("/api/map").param("level", "state")).andReturn().getResponse()
                .getContentAsString());
        assertThat(map.get("layer").asText()).isEqualTo("protection");
        assertThat(map.get("missing").asInt()).isEqualTo(NOT_ON_RECORD);
        assertThat(map.get("legend").get(NOT_ON_RECORD).get("id").asText()).isEqualTo("not-on-record");
        assertThat(map.get("legend").get(NOT_ON_RECORD).get("pattern").asText()).isEqualTo("hatch");
        assertThat(map.get("legend").get(CONTRARY).get("id").asText()).isEqualTo("contrary");
    }

    @Test
    void statesAreColouredByTheirLawsOnRecord() throws Exception {
        String asOf = "2026-11-01";
        JsonNode map = map("protection", "state", asOf);
        Map<String, List<EffectiveLabel>> labels = protections.forAll("state", LocalDate.parse(asOf));

        // Florida: chapter 908 requires cooperation
        assertThat(labels.get("12")).anyMatch(l -> l.label().equals("contrary"));
        assertThat(map.get("values").get("12").asInt()).isEqualTo(CONTRARY);
        // California: its statutes protect, nothing contrary
        assertThat(labels.get("06")).noneMatch(l -> l.label().equals("contrary")).anyMatch(l -> l.label().equals("protects"));
        assertThat(map.get("values").get("06").asInt()).isIn(PROTECTS_MOST, PROTECTS_SOME);
        assertThat(map.get("explanations").get("06").get("link").asText()).isEqualTo("/jurisdictions/06");
        // a state no shipped policy reaches: no policy on record, not "not protected"
        String nothing = labels.entrySet().stream().filter(e -> e.getValue().stream().allMatch(l -> l.source() == null))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(map.get("values").get(nothing).asInt()).isEqualTo(NOT_ON_RECORD);
        assertThat(map.get("explanations").get(nothing)).isNull();
    }

    @Test
    void aCountyWithoutItsOwnPolicyHasItsStatesLabelAndEachProvisionExplainsItself() throws Exception {
        String asOf = "2026-11-01";
        // Kern County, California: no policy of its own on record; California's law reaches it
        JsonNode summary = map("protection", "county", asOf);
        assertThat(summary.get("values").get("06029").asInt()).isEqualTo(map("protection", "state", asOf).get("values").get("06").asInt());

        EffectiveLabel detainers = protections.forAll("county", LocalDate.parse(asOf)).get("06029").stream()
                .filter(l -> l.provision().equals("detainer-hold")).findFirst().orElseThrow();
        JsonNode provision = map("provision.detainer-hold", "county", asOf);
        int expected = List.of("protects", "limited", "contrary", "silent").indexOf(detainers.label());
        assertThat(provision.get("values").get("06029").asInt()).isEqualTo(expected);
        assertThat(provision.get("explanations").get("06029").get("text").asText()).isEqualTo(detainers.explanation());
        assertThat(detainers.explanation()).isNotBlank();
    }
}

package org.sanctuaryscorecard.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ScorecardWebTest
class ExportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    @Autowired
    OpenData data;

    @Autowired
    MessageSource messages;

    final JsonMapper json = JsonMapper.builder().build();

    Organization organization;

    @BeforeEach
    void members() {
        organization = Members.standard(accounts);
    }

    private MockHttpServletResponse download(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
    }

    /** An output stream that remembers how many bytes it had received when it was first written to, and in all. */
    static final class Watched extends java.io.OutputStream {
        long total;
        long writes;
        long atFirstWrite = -1;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (atFirstWrite < 0) {
                atFirstWrite = len;
            }
            writes++;
            total += len;
        }
    }

    private List<Map<String, String>> csvRows(String path) throws Exception {
        List<List<String>> lines = Csv.parse(download(path).getContentAsString(StandardCharsets.UTF_8));
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            assertThat(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void oneRowPerPublishedAssessmentAndCriterionProvisionAndLandscapeQuestionAndNoDraft() throws Exception {
        long fulton = ReportFixtures.published(assessments, organization.id(), "13121", "Fulton County exported", "2026-09-01",
                "No detainer holds in Fulton.");
        long draft = ReportFixtures.draft(assessments, organization.id(), "13089", "DeKalb draft", "2026-09-01", "DRAFT QUOTE");

        List<Map<String, String>> criteria = csvRows("/downloads/criteria.csv");
        List<Map<String, String>> mine = criteria.stream().filter(r -> r.get("assessment_id").equals(String.valueOf(fulton))).toList();
        assertThat(mine).hasSize(8);
        Map<String, String> detainers = mine.get(0);
        assertThat(detainers.get("jurisdiction_geoid")).isEqualTo("13121");
        assertThat(detainers.get("jurisdiction_name")).isEqualTo("Fulton County");
        assertThat(detainers.get("criterion_id")).isEqualTo("criterion.detainers");
        assertThat(detainers.get("status")).isIn("met", "partly-met", "not-met", "needs-review", "not-yet-assessed");
        assertThat(detainers.get("answers")).startsWith("1.1=N; 1.2=Y");
        assertThat(detainers.get("quotes")).isEqualTo("No detainer holds in Fulton.");
        assertThat(detainers.get("citations")).isEqualTo("Sheriff policy 428, Sec. 428.2");
        assertThat(detainers.get("scorecard_url")).isEqualTo("http://localhost/assessments/" + fulton);
        assertThat(detainers.get("latest_for_jurisdiction")).isEqualTo("true");
        assertThat(criteria).noneMatch(r -> r.get("assessment_id").equals(String.valueOf(draft)));
        assertThat(criteria.toString()).doesNotContain("DRAFT QUOTE");
        // the shipped examples are published: Chicago's rows are there, marked as examples
        assertThat(criteria).anyMatch(r -> r.get("jurisdiction_geoid").equals("1714000") && r.get("example").equals("true"));

        List<Map<String, String>> provisions = csvRows("/downloads/provisions.csv");
        List<Map<String, String>> mineP = provisions.stream().filter(r -> r.get("assessment_id").equals(String.valueOf(fulton))).toList();
        assertThat(mineP).hasSize(13);
        assertThat(mineP).filteredOn(r -> r.get("provision_id").equals("detainer-hold")).singleElement()
                .satisfies(r -> assertThat(r.get("label")).isEqualTo("protects"));
        assertThat(csvRows("/downloads/landscape.csv")).filteredOn(r -> r.get("assessment_id").equals(String.valueOf(fulton))).isNotEmpty();

        JsonNode file = json.readTree(download("/downloads/criteria.json").getContentAsString(StandardCharsets.UTF_8));
        assertThat(file.get("licence").asString()).isEqualTo("CC-BY-4.0");
        List<JsonNode> jsonMine = new ArrayList<>();
        file.get("rows").forEach(r -> {
            if (r.get("assessment_id").asLong() == fulton) {
                jsonMine.add(r);
            }
        });
        assertThat(jsonMine).hasSize(8);
        assertThat(jsonMine.get(0).get("criterion_number").isNumber()).isTrue();
        assertThat(jsonMine.get(0).get("example").isBoolean()).isTrue();
        assertThat(jsonMine.get(0).get("waiting_for").isNull() || jsonMine.get(0).get("waiting_for").isString()).isTrue();
        assertThat(file.get("rows").size()).isEqualTo(criteria.size());
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreDefusedInCsvAndKeptAsTheyAreInJson() throws Exception {
        long id = ReportFixtures.draft(assessments, organization.id(), "13135", "=HYPERLINK(\"http://evil.example\",\"x\")",
                "2026-09-01", "@SUM(A1:A9)");
        assessments.saveProvision(id, "287g", 0, "contrary", "+1 agreement signed", "A");
        assessments.saveAnswer(id, "question.detainers.formal-policy", assessments.get(id).version("answer/question.detainers.formal-policy"),
                "Y", "-1 day of holds", "A");
        ReportFixtures.publish(assessments, id);
        Map<String, String> row = csvRows("/downloads/criteria.csv").stream()
                .filter(r -> r.get("assessment_id").equals(String.valueOf(id))).findFirst().orElseThrow();
        assertThat(row.get("assessment_title")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(row.get("quotes")).isEqualTo("'@SUM(A1:A9)");
        String raw = download("/downloads/provisions.csv").getContentAsString(StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(",=HYPERLINK").doesNotContain(",+1 agreement").doesNotContain(",@SUM");
        assertThat(raw).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",");

        JsonNode file = json.readTree(download("/downloads/criteria.json").getContentAsString(StandardCharsets.UTF_8));
        boolean found = false;
        for (JsonNode r : file.get("rows")) {
            if (r.get("assessment_id").asLong() == id) {
                assertThat(r.get("assessment_title").asString()).startsWith("=HYPERLINK");
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void everyExportedColumnHasACodebookEntryAndEveryEntryIsExported() throws Exception {
        Document codebook = Jsoup.parse(mvc.perform(get("/downloads/codebook")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode book = json.readTree(mvc.perform(get("/api/v1/exports/codebook")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(data.datasets()).extracting(OpenData.Dataset::id).containsExactly("criteria", "provisions", "landscape", "protection");
        int i = 0;
        for (OpenData.Dataset<?> d : data.datasets()) {
            List<String> csvHeader = Csv.parse(download("/downloads/" + d.id() + ".csv").getContentAsString(StandardCharsets.UTF_8)).get(0);
            JsonNode file = json.readTree(download("/downloads/" + d.id() + ".json").getContentAsString(StandardCharsets.UTF_8));
            List<String> jsonColumns = new ArrayList<>();
            file.get("columns").forEach(c -> jsonColumns.add(c.asString()));
            List<String> onThePage = codebook.select("#codebook-" + d.id() + " tbody th code").eachText();
            List<String> inTheJsonBook = new ArrayList<>();
            book.get("datasets").get(i++).get("columns").forEach(c -> inTheJsonBook.add(c.get("name").asString()));

            assertThat(csvHeader).as("CSV header of %s = codebook page", d.id()).isEqualTo(onThePage);
            assertThat(jsonColumns).as("JSON columns of %s = codebook page", d.id()).isEqualTo(onThePage);
            assertThat(inTheJsonBook).as("JSON codebook of %s = codebook page", d.id()).isEqualTo(onThePage);
            file.get("rows").forEach(r -> assertThat(r.propertyNames()).containsExactlyElementsOf(onThePage));
            for (OpenData.Column<?> c : d.columns()) {
                assertThat(messages.getMessage(c.meaningKey(), null, null, java.util.Locale.ENGLISH)).as(c.meaningKey()).isNotBlank();
                assertThat(messages.getMessage(c.sourceKey(), null, null, java.util.Locale.ENGLISH)).as(c.sourceKey()).isNotBlank();
            }
        }
        assertThat(codebook.select("td").eachText()).contains("met, partly-met, not-met, needs-review, not-yet-assessed");
    }

    @Autowired
    org.sanctuaryscorecard.protection.EffectiveProtections protections;

    @Test
    void theEffectiveProtectionFileHasEveryStateAndCountyALawOnRecordReachesWithItsLabelsAndSources() throws Exception {
        List<List<String>> rows = Csv.parse(download("/downloads/protection.csv").getContentAsString(StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        java.util.function.BiFunction<List<String>, String, String> cell = (row, column) -> row.get(header.indexOf(column));
        java.time.LocalDate today = java.time.LocalDate.now();
        var states = protections.forAll("state", today);
        var counties = protections.forAll("county", today);
        long reached = java.util.stream.Stream.concat(states.values().stream(), counties.values().stream())
                .filter(labels -> labels.stream().anyMatch(l -> l.source() != null)).count();
        assertThat(rows.size() - 1L).as("13 rows for each state or county a policy on record reaches").isEqualTo(reached * 13);

        // Florida: chapter 908 makes detainer holds contrary, with its citation, quote and the policy's page
        org.sanctuaryscorecard.protection.EffectiveLabel expected = states.get("12").stream()
                .filter(l -> l.provision().equals("detainer-hold")).findFirst().orElseThrow();
        List<String> florida = rows.stream().filter(r -> r.get(0).equals("12") && cell.apply(r, "provision_id").equals("detainer-hold"))
                .findFirst().orElseThrow();
        assertThat(cell.apply(florida, "effective_label")).isEqualTo("contrary").isEqualTo(expected.label());
        assertThat(cell.apply(florida, "source_citation")).isEqualTo(expected.source().name());
        assertThat(cell.apply(florida, "source_quote")).isEqualTo(expected.source().quote());
        assertThat(cell.apply(florida, "policy_url")).isEqualTo("http://localhost/policies/" + expected.source().policyId());
        assertThat(cell.apply(florida, "effective_explanation")).isEqualTo(expected.explanation());
        assertThat(cell.apply(florida, "effective_as_of")).isEqualTo(today.toString());
        // a county of Florida without its own policy carries the state's label; a state nothing reaches is absent
        assertThat(rows).anyMatch(r -> r.get(0).equals("12086") && cell.apply(r, "provision_id").equals("detainer-hold")
                && cell.apply(r, "effective_label").equals("contrary") && cell.apply(r, "source_level").equals("state"));
        String nothing = states.entrySet().stream().filter(e -> e.getValue().stream().allMatch(l -> l.source() == null))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(rows).noneMatch(r -> r.get(0).equals(nothing));

        String etag = download("/downloads/protection.json").getHeader("ETag");
        assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
        mvc.perform(get("/downloads/protection.json").header("If-None-Match", etag)).andExpect(status().isNotModified());
    }

    @Test
    void manyRowsAreStreamedAndTheFilesHaveWeakETags() throws Exception {
        int before = csvRows("/downloads/provisions.csv").size();
        for (int n = 0; n < 30; n++) {
            ReportFixtures.published(assessments, organization.id(), "13067", "Cobb County " + n, "2026-09-01", "quote " + n);
        }
        // written while the assessments are read: the stream gets the file in pieces, the first long before the end
        for (String format : List.of("csv", "json")) {
            Watched out = new Watched();
            OpenData.Dataset<?> provisions = data.dataset("provisions").orElseThrow();
            if (format.equals("csv")) {
                data.csv(provisions, "http://localhost", out);
            } else {
                data.json(provisions, "http://localhost", out);
            }
            assertThat(out.writes).as(format).isGreaterThan(3);
            assertThat(out.atFirstWrite).as(format).isLessThan(out.total / 3);
        }
        MockHttpServletResponse file = download("/downloads/provisions.csv");
        long lines = file.getContentAsString(StandardCharsets.UTF_8).lines().count();
        assertThat(lines - 1).isEqualTo(before + 30 * 13L);
        assertThat(file.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(file.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"sanctuary-scorecard-provisions.csv\"");
        String etag = file.getHeader("ETag");
        assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
        assertThat(file.getHeader("Cache-Control")).isEqualTo("public, max-age=60");

        mvc.perform(get("/downloads/provisions.csv").header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get("/api/v1/exports/provisions.csv").header("If-None-Match", etag)).andExpect(status().isNotModified());
        // under /api the content-hashing ETag filter steps aside: the file keeps its own validator, and is not buffered
        assertThat(download("/api/v1/exports/provisions.csv").getHeader("ETag")).isEqualTo(etag);
        String jsonEtag = download("/downloads/provisions.json").getHeader("ETag");
        assertThat(jsonEtag).isNotEqualTo(etag);

        ReportFixtures.published(assessments, organization.id(), "13067", "Cobb County again", "2026-09-01", "again");
        String after = download("/downloads/provisions.csv").getHeader("ETag");
        assertThat(after).isNotEqualTo(etag);
        mvc.perform(get("/downloads/nothing.csv")).andExpect(status().isNotFound());
    }

    @Test
    void theDownloadsPageStatesTheLicenceAndLinksEveryFileAndTheCodebook() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/downloads")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Open data: downloads");
        assertThat(page.select("a").eachAttr("href")).contains("/downloads/criteria.csv", "/downloads/criteria.json",
                "/downloads/provisions.csv", "/downloads/provisions.json", "/downloads/landscape.csv", "/downloads/codebook",
                "https://creativecommons.org/licenses/by/4.0/");
        assertThat(page.getElementById("licence").text()).contains("CC BY 4.0").contains("Apache License 2.0")
                .contains("not subject to copyright");
    }

    /** A small RFC 4180 reader for the tests. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> lines = new ArrayList<>();
            List<String> line = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    line.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    line.add(cell.toString());
                    cell.setLength(0);
                    lines.add(line);
                    line = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            return lines;
        }
    }
}

package org.sanctuaryscorecard.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.sanctuaryscorecard.Members.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail pages and their exports: what they show, in which order, paged, and to whom. */
@ScorecardWebTest
class AuditPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;
    Organization clinic;
    Account admin;
    Account reviewer;
    Account luis;

    @BeforeEach
    void clinicWithHistory() throws Exception {
        clinic = Members.newOrganization(accounts, "Legal Clinic");
        admin = Members.newMember(accounts, clinic, Role.ADMIN, "Alma Admin");
        reviewer = Members.newMember(accounts, clinic, Role.REVIEWER, "Rita Reviewer");
        luis = Members.newAccount(accounts, "Luis Lugo");
        members("editor");
        members("reviewer");
    }

    private void members(String role) throws Exception {
        mvc.perform(post("/organizations/" + clinic.slug() + "/members").with(csrf()).with(signedIn(admin))
                .param("username", luis.username()).param("role", role)).andExpect(status().isFound());
    }

    private String base() {
        return "/organizations/" + clinic.slug() + "/audit";
    }

    @Test
    void anAdminReadsWhoChangedWhatWhenFromWhereNewestFirst() throws Exception {
        String html = mvc.perform(get(base()).with(signedIn(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1>Audit trail: Legal Clinic</h1>", "<caption>Recorded changes, newest first</caption>",
                "<th scope=\"col\">When</th>", "<td>Alma Admin</td>", "<td>127.0.0.1</td>",
                "<span>Membership " + clinic.slug() + "/" + luis.username() + "</span>: <strong>role changed</strong>",
                "<span>Membership " + clinic.slug() + "/" + luis.username() + "</span>: <strong>added</strong>",
                "<span>Organization " + clinic.slug() + "</span>: <strong>created</strong>");
        assertThat(html).containsPattern("<dt>Role</dt>\\s*<dd>\\s*<span class=\"old\"><span class=\"visually-hidden\">Before: </span>"
                + "<span>Editor</span></span>\\s*<span aria-hidden=\"true\">→</span>\\s*<span class=\"new\"><span class=\"visually-hidden\">"
                + "After: </span><span>Reviewer</span></span>");
        assertThat(html.indexOf("role changed")).as("newest first").isLessThan(html.indexOf("<strong>added</strong>"));
        assertThat(html).contains("href=\"" + base() + ".jsonl\"", "href=\"" + base() + ".csv\"")
                .doesNotContain("Older changes");
    }

    @Test
    void onlyTheOrganizationsAdminsAndSiteAdministratorsReadIt() throws Exception {
        Account outsider = Members.newAccount(accounts, "Olga");
        for (String path : List.of(base(), base() + ".jsonl", base() + ".csv")) {
            mvc.perform(get(path).with(signedIn(reviewer))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(signedIn(outsider))).andExpect(status().isNotFound());
            mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
            mvc.perform(get(path).with(signedIn(Members.newSiteAdmin(accounts, "Site administrator")))).andExpect(status().isOk());
        }
    }

    @Test
    void longTrailsArePagedWithACursorThatNewEventsDoNotShift() throws Exception {
        for (int i = 0; i < 30; i++) {
            members(i % 2 == 0 ? "viewer" : "editor");
        }
        // 5 events from the set-up (the organization, three members added, one role changed) and 30 more: 35 in all.
        String first = mvc.perform(get(base()).with(signedIn(admin))).andReturn().getResponse().getContentAsString();
        assertThat(rows(first)).isEqualTo(35).isLessThanOrEqualTo(AuditController.PAGE);

        for (int i = 0; i < 20; i++) {
            members(i % 2 == 0 ? "viewer" : "editor");
        }
        String newest = mvc.perform(get(base()).with(signedIn(admin))).andReturn().getResponse().getContentAsString();
        assertThat(rows(newest)).isEqualTo(AuditController.PAGE);
        Matcher older = Pattern.compile("href=\"" + Pattern.quote(base()) + "\\?before=(\\d+)\">Older changes</a>").matcher(newest);
        assertThat(older.find()).isTrue();
        long cursor = Long.parseLong(older.group(1));

        members("reviewer");
        String second = mvc.perform(get(base()).param("before", String.valueOf(cursor)).with(signedIn(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(rows(second)).isEqualTo(55 - AuditController.PAGE);
        assertThat(second).contains("Newest changes").doesNotContain("Older changes").contains("<strong>created</strong>");
        assertThat(ids(second)).allMatch(id -> id < cursor);
    }

    @Test
    void theJsonLinesExportHasEveryEventOldestFirstWithTheMembershipChangeBeforeAndAfter() throws Exception {
        var response = mvc.perform(get(base() + ".jsonl").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/jsonl")))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"audit-" + clinic.slug())))
                .andExpect(header().string("Content-Disposition", containsString(".jsonl\"")))
                .andReturn().getResponse();

        String[] lines = response.getContentAsString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(5);
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(json.readTree(line));
        }
        assertThat(events.get(0).get("targetType").asString()).isEqualTo("organization");
        assertThat(events.get(0).get("after").get("name").asString()).isEqualTo("Legal Clinic");
        JsonNode last = events.get(4);
        assertThat(last.get("action").asString()).isEqualTo("change-role");
        assertThat(last.get("targetType").asString()).isEqualTo("membership");
        assertThat(last.get("targetId").asString()).isEqualTo(clinic.slug() + "/" + luis.username());
        assertThat(last.get("actorId").asLong()).isEqualTo(admin.id());
        assertThat(last.get("actorName").asString()).isEqualTo("Alma Admin");
        assertThat(last.get("origin").asString()).isEqualTo("127.0.0.1");
        assertThat(last.get("organization").asString()).isEqualTo(clinic.slug());
        assertThat(last.get("before").get("role").asString()).isEqualTo("editor");
        assertThat(last.get("after").get("role").asString()).isEqualTo("reviewer");
        assertThat(last.get("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(events.get(3).get("action").asString()).isEqualTo("add");
        assertThat(events.get(3).get("before").isNull()).isTrue();
        assertThat(events.get(3).get("after").get("role").asString()).isEqualTo("editor");
        assertThat(events).extracting(e -> e.get("id").asLong()).isSorted();
    }

    @Test
    void theTrailIsFilteredByDayPersonAndActionAndTheExportsFollowTheFilters() throws Exception {
        Account other = Members.newMember(accounts, clinic, Role.ADMIN, "Otto Other");
        mvc.perform(post("/organizations/" + clinic.slug() + "/members").with(csrf()).with(signedIn(other))
                .param("username", luis.username()).param("role", "viewer")).andExpect(status().isFound());
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        String byAlma = mvc.perform(get(base()).param("person", admin.username()).with(signedIn(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rows(byAlma)).isEqualTo(2);
        assertThat(byAlma).doesNotContain("<td>Otto Other</td>").contains("value=\"" + admin.username() + "\"",
                "Download these changes, oldest first:", "href=\"" + base() + ".csv?person=" + admin.username() + "\"");

        String roleChanges = mvc.perform(get(base()).param("action", "change-role").with(signedIn(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(rows(roleChanges)).isEqualTo(2);
        assertThat(roleChanges).contains("<option value=\"change-role\" selected=\"selected\">role changed</option>");

        assertThat(rows(mvc.perform(get(base()).param("from", today).param("to", today).with(signedIn(admin)))
                .andReturn().getResponse().getContentAsString())).isEqualTo(7);
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String none = mvc.perform(get(base()).param("to", yesterday).with(signedIn(admin))).andReturn().getResponse().getContentAsString();
        assertThat(rows(none)).isZero();
        assertThat(none).contains("No recorded change matches these filters.");

        String csv = mvc.perform(get(base() + ".csv").param("person", other.username()).param("action", "change-role")
                .with(signedIn(admin))).andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains(",Otto Other,", "\"{\"\"role\"\":\"\"reviewer\"\"}\",\"{\"\"role\"\":\"\"viewer\"\"}\"");
        String jsonLines = mvc.perform(get(base() + ".jsonl").param("action", "change-role").with(signedIn(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(jsonLines.split("\n")).hasSize(2);

        String unknown = mvc.perform(get(base()).param("person", "nobody-like-this").with(signedIn(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rows(unknown)).isZero();
        assertThat(unknown).contains("No account has the username “nobody-like-this”, so no change is shown.");
        mvc.perform(get(base()).param("from", "yesterday").with(signedIn(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“yesterday” is not a day: write it as year-month-day")));
    }

    @Test
    void pagingKeepsTheFilters() throws Exception {
        for (int i = 0; i < AuditController.PAGE + 5; i++) {
            members(i % 2 == 0 ? "viewer" : "editor");
        }
        String first = mvc.perform(get(base()).param("action", "change-role").with(signedIn(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(rows(first)).isEqualTo(AuditController.PAGE);
        Matcher older = Pattern.compile("href=\"" + Pattern.quote(base()) + "\\?action=change-role&amp;before=(\\d+)\">Older changes</a>")
                .matcher(first);
        assertThat(older.find()).as(first).isTrue();
        String second = mvc.perform(get(base()).param("action", "change-role").param("before", older.group(1)).with(signedIn(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(rows(second)).isEqualTo(AuditController.PAGE + 5 + 1 - AuditController.PAGE);
        assertThat(second).doesNotContain("<strong>added</strong>")
                .contains("href=\"" + base() + "?action=change-role\">Newest changes</a>");
    }

    @Test
    void theCsvExportHasAHeaderAndOneQuotedLinePerEvent() throws Exception {
        String csv = mvc.perform(get(base() + ".csv").with(signedIn(admin)))
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString();

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,actorId,actorName,origin,organization,targetType,targetId,action,before,after");
        assertThat(lines).hasSize(6);
        assertThat(lines[5]).contains(",Alma Admin,127.0.0.1," + clinic.slug() + ",membership," + clinic.slug() + "/"
                + luis.username() + ",change-role,\"{\"\"role\"\":\"\"editor\"\"}\",\"{\"\"role\"\":\"\"reviewer\"\"}\"");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaAreDefused() {
        assertThat(AuditExport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditExport.cell("+1")).isEqualTo("'+1");
        assertThat(AuditExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditExport.cell("plain")).isEqualTo("plain");
        assertThat(AuditExport.cell(null)).isEmpty();
    }

    @Test
    void siteAdministratorsReadTheWholeInstallationsTrail() throws Exception {
        Account site = Members.newSiteAdmin(accounts, "Site administrator");
        Organization other = Members.newOrganization(accounts, "Newsroom");
        Members.newMember(accounts, other, Role.EDITOR, "Nadia Newsroom");

        mvc.perform(get("/admin/audit").with(signedIn(site)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Audit trail</h1>")))
                .andExpect(content().string(containsString("<th scope=\"col\">Organization</th>")))
                .andExpect(content().string(containsString("<td>" + other.slug() + "</td>")))
                .andExpect(content().string(containsString("<strong>created</strong>")));
        String json = mvc.perform(get("/admin/audit.jsonl").with(signedIn(site))).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"targetId\":\"" + other.slug() + "\"", "\"targetId\":\"" + site.username() + "\"");
        String csv = mvc.perform(get("/admin/audit.csv").with(signedIn(site))).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("id,at,").contains("," + clinic.slug() + ",membership,");

        for (String path : List.of("/admin/audit", "/admin/audit.jsonl", "/admin/audit.csv")) {
            mvc.perform(get(path).with(signedIn(admin))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void anOrganizationsTrailShowsNothingOfOtherOrganizations() throws Exception {
        Organization other = Members.newOrganization(accounts, "Other Group");
        Members.newMember(accounts, other, Role.ADMIN, "Secret Person");

        mvc.perform(get(base()).with(signedIn(admin))).andExpect(content().string(not(containsString("Secret Person"))))
                .andExpect(content().string(not(containsString(other.slug()))));
        assertThat(mvc.perform(get(base() + ".jsonl").with(signedIn(admin))).andReturn().getResponse().getContentAsString())
                .doesNotContain(other.slug());
    }

    private static int rows(String html) {
        return ids(html).size();
    }

    private static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher row = Pattern.compile("<tr id=\"event-(\\d+)\">").matcher(html);
        while (row.find()) {
            ids.add(Long.parseLong(row.group(1)));
        }
        return ids;
    }
}

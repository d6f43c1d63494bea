package org.sanctuaryscorecard.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.reference.internal.ListLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Importing a newer list: it becomes the current one, the older is kept and shown as history; an older list is refused
 * unless forced; the same file again and a bad file change nothing; every import is audited. Each test puts the shipped
 * lists back as they were.
 */
@ScorecardWebTest
class ReferenceImportTest {

    static final String NEWER = "state,law_enforcement_agency,type,county,support_type,signed,moa,moa_url\n"
            + "ALABAMA,Colbert County Sheriff's Office,County,Colbert County,Jail Enforcement Model,2025-09-30,link,https://www.ice.gov/doclib/287gMOA/colbert.pdf\n"
            + "ALABAMA,Autauga County Sheriff's Office,County,Autauga County,Warrant Service Officer,2025-09-01,,\n";

    @Autowired
    ReferenceData reference;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void putTheShippedListsBack() {
        jdbc.sql("DELETE FROM reference_fact WHERE list_id IN (SELECT id FROM reference_list WHERE origin = 'imported')").update();
        jdbc.sql("DELETE FROM reference_list WHERE origin = 'imported'").update();
        jdbc.sql("UPDATE reference_list SET superseded_by = NULL, superseded_at = NULL").update();
    }

    private ListLoader.Loaded load(String name, String csv, LocalDate date, boolean force) {
        return new Actor(null, "Ana (test)", null).call(() -> reference.importList(ReferenceKind.ICE_287G, name,
                csv.getBytes(StandardCharsets.UTF_8), date, "ICE sheet of " + date, force));
    }

    @Test
    void aNewerListReplacesTheCurrentOneAndKeepsItAsHistory() throws Exception {
        ReferenceList shipped = reference.current(ReferenceKind.ICE_287G).orElseThrow();
        ListLoader.Loaded loaded = load("participatingAgencies09302025.csv", NEWER, null, false);

        assertThat(loaded.list().listDate()).as("the date from ICE's own file name").isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(loaded.list().rows()).isEqualTo(2);
        assertThat(loaded.list().matched()).isEqualTo(2);
        assertThat(loaded.list().loadedBy()).isEqualTo("import 287g, by Ana (test)");
        assertThat(loaded.superseded().id()).isEqualTo(shipped.id());
        assertThat(reference.current(ReferenceKind.ICE_287G).orElseThrow().id()).isEqualTo(loaded.list().id());
        assertThat(reference.list(shipped.id()).orElseThrow().supersededBy()).isEqualTo(loaded.list().id());

        mvc.perform(get("/jurisdictions/01033"))
                .andExpect(content().string(containsString("ICE listed a Jail Enforcement Model 287(g) agreement signed 2025-09-30"
                        + " with the Colbert County Sheriff&#39;s Office (ICE list of 2025-09-30)")))
                .andExpect(content().string(containsString("From older lists (superseded)")))
                .andExpect(content().string(containsString("signed 2025-07-02 with the Colbert County Sheriff&#39;s Office"
                        + " (ICE list of 2025-07-18)")));
        mvc.perform(get("/api/jurisdictions/01033/facts"))
                .andExpect(jsonPath("$.facts[0].listDate").value("2025-09-30"))
                .andExpect(jsonPath("$.facts[0].moaUrl").value("https://www.ice.gov/doclib/287gMOA/colbert.pdf"))
                .andExpect(jsonPath("$.history[0].listDate").value("2025-07-18"))
                .andExpect(jsonPath("$.history[0].current").value(false));
        mvc.perform(get("/reference/" + shipped.id()))
                .andExpect(content().string(containsString("A newer list of 2025-09-30 replaced this one")));

        assertThat(audit.forTarget("reference-list", String.valueOf(loaded.list().id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo("import");
                    assertThat(e.actorName()).isEqualTo("Ana (test)");
                    assertThat(e.before()).contains("\"id\":" + shipped.id());
                    assertThat(e.after()).contains("\"listDate\":\"2025-09-30\"");
                });
    }

    @Test
    void anOlderListIsRefusedUnlessForcedAndTheSameFileIsNotImportedTwice() {
        assertThatThrownBy(() -> load("old.csv", NEWER, LocalDate.of(2025, 1, 1), false))
                .isInstanceOf(ReferenceImportException.class)
                .satisfies(e -> assertThat(((ReferenceImportException) e).problems().get(0).key()).isEqualTo("reference.import.older"));
        assertThat(reference.current(ReferenceKind.ICE_287G).orElseThrow().listDate()).isEqualTo(LocalDate.of(2025, 7, 18));

        ListLoader.Loaded forced = load("old.csv", NEWER, LocalDate.of(2025, 1, 1), true);
        assertThat(reference.current(ReferenceKind.ICE_287G).orElseThrow().id()).isEqualTo(forced.list().id());

        assertThatThrownBy(() -> load("old-again.csv", NEWER, LocalDate.of(2025, 1, 1), false))
                .satisfies(e -> assertThat(((ReferenceImportException) e).problems().get(0).key()).isEqualTo("reference.import.same"));
    }

    @Test
    void aBadFileChangesNothing() {
        long lists = jdbc.sql("SELECT COUNT(*) FROM reference_list").query(Long.class).single();
        assertThatThrownBy(() -> load("bad-2025-10-01.csv", "state,agency\nALABAMA,X\n", null, false))
                .satisfies(e -> assertThat(((ReferenceImportException) e).problems().get(0).key()).isEqualTo("reference.import.missingColumns"));
        assertThatThrownBy(() -> load("no-date.csv", NEWER, null, false))
                .satisfies(e -> assertThat(((ReferenceImportException) e).problems().get(0).key()).isEqualTo("reference.import.noDate"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reference_list").query(Long.class).single()).isEqualTo(lists);
        assertThat(reference.current(ReferenceKind.ICE_287G).orElseThrow().shipped()).isTrue();
    }

    @Test
    void theDateComesFromTheFileName() {
        assertThat(ReferenceData.dateFromName("ice_287g_participating_agencies_2025-07-18_with_fips.csv")).contains(LocalDate.of(2025, 7, 18));
        assertThat(ReferenceData.dateFromName("participatingAgencies07182025pm.xlsx.csv")).contains(LocalDate.of(2025, 7, 18));
        assertThat(ReferenceData.dateFromName("agencies.csv")).isEmpty();
        assertThat(ReferenceData.dateFromName("participatingAgencies13452025.csv")).isEmpty();
    }
}

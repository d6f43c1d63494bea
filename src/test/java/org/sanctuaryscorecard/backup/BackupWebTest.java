package org.sanctuaryscorecard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.correction.Corrections;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may download which backup: the whole installation only site administrators; an organization's its admins (and
 * site administrators). A member who is not an admin is told so; anyone else gets 404, as if it did not exist. Every
 * download is in the audit trail.
 */
@ScorecardWebTest
class BackupWebTest {

    private static final String ALPHA_BACKUP = "/organizations/" + BackupData.ALPHA + "/backup";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Assessments assessments;

    @Autowired
    SecondCoding secondCoding;

    @Autowired
    Corrections corrections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void data() {
        BackupData.ensure(accounts, assessments, secondCoding, corrections, jdbc);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/admin/backup")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get(ALPHA_BACKUP)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    @WithUserDetails(value = BackupData.ALPHA_EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aMemberWhoIsNotAnAdminIsToldWhoMay() throws Exception {
        mvc.perform(get("/admin/backup")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only site administrators can download a backup of the whole installation.")));
        mvc.perform(get(ALPHA_BACKUP)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the admins of Alpha Coalition")));
    }

    @Test
    @WithUserDetails(value = BackupData.BETA_ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void anAdminOfAnotherOrganizationLearnsNothingOfIt() throws Exception {
        mvc.perform(get(ALPHA_BACKUP)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no organization \u201c" + BackupData.ALPHA + "\u201d.")));
        mvc.perform(get("/organizations/no-such-group/backup")).andExpect(status().isNotFound());
        mvc.perform(get("/organizations/" + BackupData.BETA + "/backup")).andExpect(status().isOk());
    }

    @Test
    @WithUserDetails(value = BackupData.ALPHA_ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void anOrganizationsAdminDownloadsItsBackupAndTheDownloadIsRecorded() throws Exception {
        long alpha = accounts.organization(BackupData.ALPHA).orElseThrow().id();
        long before = audit.count(alpha);

        mvc.perform(head(ALPHA_BACKUP)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("sanctuary-scorecard-backup-" + BackupData.ALPHA)));
        assertThat(audit.count(alpha)).as("a HEAD request makes no backup").isEqualTo(before);

        mvc.perform(get(ALPHA_BACKUP)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"));
        List<AuditEvent> events = audit.forTarget("backup", BackupData.ALPHA);
        assertThat(events).last().satisfies(event -> {
            assertThat(event.action()).isEqualTo("export");
            assertThat(event.organizationId()).isEqualTo(alpha);
            assertThat(event.actorId()).isEqualTo(accounts.find(BackupData.ALPHA_ADMIN).orElseThrow().id());
        });
        mvc.perform(get("/admin/backup")).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails(value = BackupData.SITE_ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aSiteAdministratorDownloadsAnyBackup() throws Exception {
        mvc.perform(get("/admin/backup")).andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/zip"));
        mvc.perform(get(ALPHA_BACKUP)).andExpect(status().isOk());
        assertThat(audit.forTarget("backup", "installation")).last().extracting(AuditEvent::organizationId).isNull();
    }
}

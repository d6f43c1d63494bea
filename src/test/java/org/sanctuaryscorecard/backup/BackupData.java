package org.sanctuaryscorecard.backup;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.correction.CorrectionInput;
import org.sanctuaryscorecard.correction.Corrections;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation worth backing up, made once in the test database: three organizations with members (one person in
 * two of them), a site administrator, a locked and a disabled account, assessments with many revisions, evidence files
 * (one replaced), a workflow there and back, awkward text, a setting, and the audit trail all of that leaves. Beta's
 * and gamma's data carry marker strings that an export of alpha must not contain.
 */
final class BackupData {

    static final String SITE_ADMIN = "backup-site-admin";
    static final String ALPHA = "backup-alpha";
    static final String BETA = "backup-beta";
    static final String GAMMA = "backup-gamma";
    static final String ALPHA_ADMIN = "backup-alpha-admin";
    static final String ALPHA_EDITOR = "backup-alpha-editor";
    static final String ALPHA_REVIEWER = "backup-alpha-reviewer";
    static final String ALPHA_VIEWER = "backup-alpha-viewer";
    /** Editor in alpha and viewer in beta: alpha's export has the account, never the beta membership. */
    static final String SHARED = "backup-shared";
    static final String BETA_ADMIN = "backup-beta-admin";
    static final String GAMMA_EDITOR = "backup-gamma-editor";
    static final String BETA_SECRET = "BETA-ONLY-7f3a9c";
    static final String GAMMA_SECRET = "GAMMA-ONLY-41d2e8";
    static final String AWKWARD = "O'Brien said: \"no holds\"; DROP TABLE assessment; -- <b>&amp;</b>\nsecond line\ttab \u2603 \ud83d\ude80 \u05e9\u05dc\u05d5\u05dd \\u0000 end";
    static final byte[] ALPHA_FILE = allBytes(3);
    static final byte[] ALPHA_FILE_2 = allBytes(5);
    static final byte[] BETA_FILE = ("%PDF-1.4 " + BETA_SECRET + " the deputy's statement").getBytes(StandardCharsets.UTF_8);

    private static final String Q1 = "question.detainers.formal-policy";
    private static final String Q2 = "question.detainers.refuses-requests";

    private BackupData() {
    }

    /** Makes it unless it is there already (the test database is shared by the tests of one Spring context). */
    static void ensure(Accounts accounts, Assessments assessments, SecondCoding secondCoding, Corrections corrections,
                       JdbcClient jdbc) {
        if (accounts.organization(GAMMA).isPresent()) {
            return;
        }
        Actor.SYSTEM.run(() -> {
            if (accounts.find(SITE_ADMIN).isEmpty()) {
                accounts.create(SITE_ADMIN, "Site Admin \u03a9", Members.PASSWORD, true);
            }
        });
        Organization alpha = Members.organization(accounts, ALPHA, "Alpha Coalition \u2014 \u201cquoted\u201d");
        Organization beta = Members.organization(accounts, BETA, "Beta Clinic " + BETA_SECRET);
        Account alphaEditor = Members.member(accounts, alpha, ALPHA_EDITOR, Role.EDITOR);
        Account alphaReviewer = Members.member(accounts, alpha, ALPHA_REVIEWER, Role.REVIEWER);
        Members.member(accounts, alpha, ALPHA_ADMIN, Role.ADMIN);
        Members.member(accounts, alpha, ALPHA_VIEWER, Role.VIEWER);
        Account shared = Members.member(accounts, alpha, SHARED, Role.EDITOR);
        Members.member(accounts, beta, SHARED, Role.VIEWER);
        Account betaAdmin = Members.member(accounts, beta, BETA_ADMIN, Role.ADMIN);

        long a1 = Members.as(alphaEditor, () -> assessments.create("06001", alpha.id(), "Alameda 2026 \u2014 \u201cquotes\u201d & <tags>",
                "Ana \u00d1\u00fa\u00f1ez", "2026-11-01", "Ana")).id();
        Members.as(alphaEditor, () -> {
            assessments.saveAnswer(a1, Q1, 0, "Y", AWKWARD, "Ana");
            assessments.saveAnswer(a1, Q1, 2, "N", "Changed after the council vote.\nSee evidence 1.", "Ana");
            assessments.saveAnswer(a1, Q2, 0, "OTHER", "Only for some requests.", "Ana");
            assessments.addEvidence(a1, evidence(Q1, "Section 4", new EvidenceInput.FileUpload("ordinance.png", "image/png", ALPHA_FILE)), "Ana");
            assessments.addEvidence(a1, evidence(Q2, "A quote to be removed", null), "Ana");
            return null;
        });
        Members.as(shared, () -> {
            Assessment current = assessments.get(a1);
            assessments.updateEvidence(a1, 1, current.version("evidence/1"), evidence(Q1, "Section 4, amended",
                    new EvidenceInput.FileUpload("ordinance-amended.png", "image/png", ALPHA_FILE_2)), "Sam");
            assessments.removeEvidence(a1, 2, assessments.get(a1).version("evidence/2"), "Sam");
            assessments.setStatus(a1, assessments.get(a1).version("status"), "in-review", null, "Sam");
            return null;
        });
        Members.as(alphaReviewer, () -> {
            assessments.setStatus(a1, assessments.get(a1).version("status"), "published", null, "Rae");
            return assessments.setStatus(a1, assessments.get(a1).version("status"), "draft", "The council amended the ordinance.", "Rae");
        });
        long a2 = Members.as(alphaEditor, () -> assessments.create("06075", alpha.id(), "San Francisco 2026", "Ana", "2026-10-15", "Ana")).id();
        Members.as(alphaEditor, () -> assessments.saveAnswer(a2, Q1, 0, "Y", "Sanctuary ordinance, chapter 12H.", "Ana"));

        // a blind second coding of a2, handed in and reconciled: the reviewer takes the second coder's answer
        Members.as(alphaReviewer, () -> secondCoding.request(a2, SHARED));
        Members.as(shared, () -> {
            secondCoding.saveAnswer(a2, Q1, "N", "Coded blind: " + AWKWARD);
            return secondCoding.submit(a2);
        });
        Members.as(alphaReviewer, () -> secondCoding.reconcile(a2, Q1, "second", null, null,
                assessments.get(a2).version("answer/" + Q1)));

        long b1 = Members.as(betaAdmin, () -> assessments.create("06085", beta.id(), "Santa Clara " + BETA_SECRET, "Bea", "2026-09-01", "Bea")).id();
        Members.as(betaAdmin, () -> {
            assessments.saveAnswer(b1, Q1, 0, "Y", "Statement " + BETA_SECRET, "Bea");
            return assessments.addEvidence(b1, evidence(Q1, "Deputy " + BETA_SECRET,
                    new EvidenceInput.FileUpload("statement.pdf", "application/pdf", BETA_FILE)), "Bea");
        });

        // a correction request about beta's published scorecard, with a file, from someone without an account
        Account betaReviewer = Members.member(accounts, beta, "backup-beta-reviewer", Role.REVIEWER);
        Members.as(betaAdmin, () -> assessments.setStatus(b1, assessments.get(b1).version("status"), "in-review", null, "Bea"));
        Members.as(betaReviewer, () -> assessments.setStatus(b1, assessments.get(b1).version("status"), "published", null, "Rob"));
        new Actor(null, "anonymous", "203.0.113.9").call(() -> corrections.receive(b1, new CorrectionInput(
                "Sheriff's counsel " + BETA_SECRET, "County Counsel", "counsel@example.org", Q1, "Wrong: " + AWKWARD, "Should say N",
                "Policy 402", null, new CorrectionInput.Upload("policy.pdf", "application/pdf", BETA_FILE), null)));

        Organization gamma = Members.organization(accounts, GAMMA, "Gamma Newsroom");
        Account gammaEditor = Members.member(accounts, gamma, GAMMA_EDITOR, Role.EDITOR);
        Members.as(gammaEditor, () -> assessments.create("06037", gamma.id(), "Los Angeles " + GAMMA_SECRET, "Gil", "2026-08-01", "Gil"));

        Actor.SYSTEM.run(() -> {
            for (int i = 0; i < 5; i++) {
                accounts.failedLogin(ALPHA_VIEWER);
            }
            accounts.setEnabled(gammaEditor.id(), false);
        });
        jdbc.sql("INSERT INTO app_setting (name, setting_value, updated_at) VALUES (?, ?, ?)")
                .params("backup-test.greeting", "h\u00e9llo " + AWKWARD, Timestamp.from(Instant.parse("2026-11-27T10:15:30.123456Z"))).update();
    }

    private static EvidenceInput evidence(String item, String title, EvidenceInput.FileUpload file) {
        return new EvidenceInput(item, title, "ordinance", "Sec. A-34", file == null ? "https://example.org/ordinance" : null, "2026-11-20",
                "\u201cshall not\u201d \u2014 " + title, "policy", file);
    }

    private static byte[] allBytes(int times) {
        byte[] bytes = new byte[256 * times];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }
}

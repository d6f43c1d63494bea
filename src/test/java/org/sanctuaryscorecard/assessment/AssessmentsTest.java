package org.sanctuaryscorecard.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.assessment.AssessmentContent.Evidence;
import org.sanctuaryscorecard.framework.Framework;
import org.springframework.beans.factory.annotation.Autowired;

@ScorecardWebTest
class AssessmentsTest {

    static final String DETAINER_POLICY = "question.detainers.formal-policy";
    static final String DETAINER_PRACTICE = "question.detainers.refuses-requests";

    @Autowired
    Assessments assessments;

    @Autowired
    Framework framework;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    Organization organization;

    @BeforeEach
    void members() {
        organization = Members.standard(accounts);
    }

    private Assessment newAssessment() {
        return assessments.create("06001", organization.id(), "Alameda County 2026", "Ana Organizer", "2026-11-01", "Ana");
    }

    private static EvidenceInput evidence(String item, String quote) {
        return new EvidenceInput(item, "Santa Clara County Ordinance NS-300.899", "ordinance", "Sec. A-34", null,
                "2026-11-20", quote, "policy", null);
    }

    @Test
    void anAssessmentStartsAsADraftAndEachSaveIsARevision() {
        Assessment created = newAssessment();

        assertThat(created.revision()).isEqualTo(1);
        assertThat(created.content().status()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(created.content().title()).isEqualTo("Alameda County 2026");

        Assessment answered = assessments.saveAnswer(created.id(), DETAINER_POLICY, 0, "Y", "The ordinance prohibits it.", "Ana");

        assertThat(answered.revision()).isEqualTo(2);
        assertThat(answered.version("answer/" + DETAINER_POLICY)).isEqualTo(2);
        assertThat(answered.content().answers().get(DETAINER_POLICY))
                .isEqualTo(new AssessmentContent.QuestionAnswer("Y", "The ordinance prohibits it."));
        assertThat(answered.content().answerCodes()).containsExactly(Map.entry(DETAINER_POLICY, "Y"));
        assertThat(assessments.history(created.id())).extracting(Revision::summary)
                .containsExactly("Started the assessment", "Answered " + DETAINER_POLICY);
    }

    @Test
    void aSaveBasedOnAnOldVersionIsRefusedWithTheOtherPersonsVersion() {
        long id = newAssessment().id();
        assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", "Ana's reading", "Ana");

        EditConflictException conflict = catchThrowableOfType(EditConflictException.class,
                () -> assessments.saveAnswer(id, DETAINER_POLICY, 0, "N", "Ben's reading", "Ben"));

        assertThat(conflict.editor()).isEqualTo("Ana");
        assertThat(conflict.sentVersion()).isZero();
        assertThat(conflict.currentVersion()).isEqualTo(2);
        assertThat(conflict.currentFields()).containsEntry("answer/" + DETAINER_POLICY + "/value", "Y")
                .containsEntry("answer/" + DETAINER_POLICY + "/explanation", "Ana's reading");
        assertThat(assessments.get(id).content().answers().get(DETAINER_POLICY).explanation()).isEqualTo("Ana's reading");
        assertThat(assessments.get(id).revision()).isEqualTo(2);
    }

    @Test
    void savingWhatIsAlreadyStoredIsNotAConflictAndMakesNoRevision() {
        long id = newAssessment().id();
        assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", "same", "Ana");

        Assessment again = assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", "same", "Ben");

        assertThat(again.revision()).isEqualTo(2);
    }

    @Test
    void answersOtherItemsDoNotConflict() {
        long id = newAssessment().id();
        assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", null, "Ana");

        Assessment other = assessments.saveAnswer(id, DETAINER_PRACTICE, 0, "N", null, "Ben");

        assertThat(other.content().answerCodes()).containsEntry(DETAINER_POLICY, "Y").containsEntry(DETAINER_PRACTICE, "N");
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        long id = newAssessment().id();
        assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", "kept", "Ana");

        assertThatThrownBy(() -> assessments.saveAnswer(id, DETAINER_POLICY, 2, "Maybe", "x", "Ana"))
                .isInstanceOfSatisfying(AssessmentInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.error.answer");
                    assertThat(e.arguments()).containsExactly("Maybe", "Y, N, OTHER");
                });
        assertThatThrownBy(() -> assessments.saveAnswer(id, DETAINER_POLICY, 2, "N", "x".repeat(1 << 20), "Ana"))
                .isInstanceOfSatisfying(AssessmentInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.error.tooLong");
                    assertThat(e.field()).isEqualTo("explanation");
                });
        assertThatThrownBy(() -> assessments.saveAnswer(id, "question.nope", 0, "Y", null, "Ana"))
                .isInstanceOfSatisfying(AssessmentInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assessment.error.unknownQuestion"));
        assertThatThrownBy(() -> assessments.addEvidence(id, new EvidenceInput(DETAINER_POLICY, "Title", "ordinance",
                null, null, null, "q", "policy", null), "Ana"))
                .isInstanceOfSatisfying(AssessmentInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assessment.error.evidenceSource"));
        assertThatThrownBy(() -> assessments.addEvidence(id, new EvidenceInput(DETAINER_POLICY, "Title", "ordinance",
                null, "javascript:alert(1)", null, "q", "policy", null), "Ana"))
                .isInstanceOfSatisfying(AssessmentInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assessment.error.url"));

        Assessment after = assessments.get(id);
        assertThat(after.revision()).isEqualTo(2);
        assertThat(after.content().answers().get(DETAINER_POLICY).explanation()).isEqualTo("kept");
        assertThat(after.content().evidence()).isEmpty();
    }

    @Test
    void anUnknownAssessmentOrRevisionIsNotFound() {
        assertThatThrownBy(() -> assessments.get(987_654_321L)).isInstanceOf(AssessmentNotFoundException.class);
        long id = newAssessment().id();
        assertThatThrownBy(() -> assessments.contentAt(id, 5)).isInstanceOfSatisfying(AssessmentNotFoundException.class,
                e -> assertThat(e.revision()).isEqualTo(5));
        assertThatThrownBy(() -> assessments.create("99999", organization.id(), "t", "a", "2026-01-01", "x"))
                .isInstanceOfSatisfying(AssessmentInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assessment.error.jurisdiction"));
    }

    @Test
    void everyPastStateIsTheReplayOfItsChanges() {
        Assessment assessment = newAssessment();
        long id = assessment.id();
        Random random = new Random(20261127);
        List<Framework.CriterionQuestion> questions = framework.questions().toList();
        String[] answers = {"Y", "N", "OTHER", null};
        List<AssessmentContent> states = new ArrayList<>();
        states.add(assessment.content());
        for (int step = 0; step < 60; step++) {
            Assessment current = assessments.get(id);
            int choice = random.nextInt(5);
            if (choice <= 1) {
                Framework.CriterionQuestion q = questions.get(random.nextInt(questions.size()));
                current = assessments.saveAnswer(id, q.id(), current.version("answer/" + q.id()),
                        answers[random.nextInt(answers.length)], "step " + step, "editor" + step % 3);
            } else if (choice == 2) {
                Framework.Provision p = framework.provisions().get(random.nextInt(framework.provisions().size()));
                current = assessments.saveProvision(id, p.id(), current.version("provision/" + p.id()),
                        List.of("protects", "limited", "contrary", "silent").get(random.nextInt(4)), "why " + step, "x");
            } else if (choice == 3 || current.content().evidence().isEmpty()) {
                current = assessments.addEvidence(id, evidence(questions.get(random.nextInt(questions.size())).id(),
                        "quote " + step), "x");
            } else {
                Evidence e = current.content().evidence().get(random.nextInt(current.content().evidence().size()));
                current = random.nextBoolean()
                        ? assessments.removeEvidence(id, e.number(), current.version("evidence/" + e.number()), "x")
                        : assessments.updateEvidence(id, e.number(), current.version("evidence/" + e.number()),
                        evidence(e.item(), "changed " + step), "x");
            }
            if (current.revision() == states.size() + 1) {
                states.add(current.content());
            }
        }
        assertThat(states).hasSizeGreaterThan(40);
        for (int revision = 1; revision <= states.size(); revision++) {
            assertThat(assessments.contentAt(id, revision)).as("revision %d", revision).isEqualTo(states.get(revision - 1));
        }
        assertThat(assessments.contentAt(id, states.size())).isEqualTo(assessments.get(id).content());
    }

    @Test
    void twoRevisionsCanBeCompared() {
        long id = newAssessment().id();
        assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", "first", "Ana");
        assessments.saveAnswer(id, DETAINER_POLICY, 2, "N", "second", "Ben");
        assessments.saveAnswer(id, DETAINER_PRACTICE, 0, "Y", null, "Ben");

        assertThat(assessments.compare(id, 2, 4)).containsExactly(
                new Revision.FieldChange("answer/" + DETAINER_POLICY + "/explanation", "first", "second"),
                new Revision.FieldChange("answer/" + DETAINER_POLICY + "/value", "Y", "N"),
                new Revision.FieldChange("answer/" + DETAINER_PRACTICE + "/value", null, "Y"));
        assertThat(assessments.history(id).get(2).editor()).isEqualTo("Ben");
        assertThat(assessments.history(id).get(2).changes()).contains(
                new Revision.FieldChange("answer/" + DETAINER_POLICY + "/value", "Y", "N"));
    }

    @Test
    void evidenceKeepsItsFileAndQuote() {
        long id = newAssessment().id();
        byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.UTF_8);
        Assessment withFile = assessments.addEvidence(id, new EvidenceInput(DETAINER_POLICY, "Sheriff's policy 428",
                "department-policy", null, null, "2026-11-20", "shall not honor <script>alert(1)</script>", "policy",
                new EvidenceInput.FileUpload("policy.pdf", "application/pdf", pdf)), "Ana");

        Evidence e = withFile.content().evidence().get(0);
        assertThat(e.number()).isEqualTo(1);
        assertThat(e.quote()).isEqualTo("shall not honor <script>alert(1)</script>");
        assertThat(assessments.file(id, e.fileId())).hasValueSatisfying(f -> {
            assertThat(f.content()).isEqualTo(pdf);
            assertThat(f.name()).isEqualTo("policy.pdf");
        });
        assertThatThrownBy(() -> assessments.addEvidence(id, new EvidenceInput(DETAINER_POLICY, "x", "other", "p. 1", null,
                null, null, "policy", new EvidenceInput.FileUpload("x.exe", "application/x-msdownload", pdf)), "Ana"))
                .isInstanceOfSatisfying(AssessmentInputException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("assessment.error.fileType"));
    }

    @Test
    void exportThenImportThenExportGivesTheSameDocument() {
        long id = newAssessment().id();
        assessments.saveLandscape(id, "landscape.lead-agency", 0, "county-sheriff", "The sheriff runs the jail.", null, null, "Ana");
        assessments.saveLandscape(id, "landscape.detainer-recipients", 0, null, null,
                List.of("Santa Clara County Sheriff's Office", "Department of Correction"), null, "Ana");
        assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", "The ordinance prohibits it.", "Ana");
        assessments.saveAnswer(id, DETAINER_PRACTICE, 0, "OTHER", null, "Ana");
        assessments.saveProvision(id, "detainer-hold", 0, "protects", "Sec. A-34", "Ana");
        assessments.addEvidence(id, new EvidenceInput(DETAINER_POLICY, "Ordinance", "ordinance", "Sec. A-34",
                "https://example.org/ordinance", "2026-11-20", "shall not", "policy",
                new EvidenceInput.FileUpload("ordinance.txt", "text/plain", "text".getBytes(StandardCharsets.UTF_8))), "Ana");
        assessments.addEvidence(id, evidence("provision.detainer-hold", "second"), "Ana");
        assessments.removeEvidence(id, 2, assessments.get(id).version("evidence/2"), "Ana");
        assessments.addEvidence(id, evidence(DETAINER_PRACTICE, "third"), "Ana");

        AssessmentDocument exported = assessments.export(id);
        Assessment imported = assessments.importDocument(exported, organization.id(), "Importer", null);
        AssessmentDocument again = assessments.export(imported.id());

        assertThat(imported.id()).isNotEqualTo(id);
        assertThat(again).isEqualTo(exported);
        assertThat(exported.evidence()).extracting(AssessmentDocument.EvidenceEntry::number).containsExactly(1, 3);
        assertThat(exported.files()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("ordinance.txt"));
        assertThat(assessments.history(imported.id())).singleElement()
                .satisfies(r -> assertThat(r.summary()).isEqualTo("Imported from a file"));
        Assessment next = assessments.addEvidence(imported.id(), evidence(DETAINER_POLICY, "fourth"), "x");
        assertThat(next.content().evidence()).extracting(Evidence::number).containsExactly(1, 3, 4);
    }

    @Test
    void aDamagedImportIsRefusedWhole() {
        long id = newAssessment().id();
        assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", null, "Ana");
        AssessmentDocument good = assessments.export(id);
        AssessmentDocument badAnswer = new AssessmentDocument(good.format(), good.formatVersion(), good.framework(),
                good.jurisdiction(), good.title(), good.author(), good.asOf(), good.status(), null, good.landscape(),
                Map.of(DETAINER_POLICY, new AssessmentDocument.AnswerEntry("yes", null)), good.provisions(), good.evidence(),
                good.files());
        int before = assessments.listFor("06001").size();

        assertThatThrownBy(() -> assessments.importDocument(badAnswer, organization.id(), "x", null))
                .isInstanceOfSatisfying(AssessmentInputException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.error.answer"));
        assertThat(assessments.listFor("06001")).hasSize(before);
    }

    @Test
    void theLatestPublishedAssessmentIsListedFirst() {
        String geoid = "0600562";
        Assessment older = assessments.create(geoid, organization.id(), "Before the ordinance", "A", "2019-01-01", "A");
        Assessment newerDraft = assessments.create(geoid, organization.id(), "Draft after", "A", "2026-01-01", "A");
        Assessment published = assessments.create(geoid, organization.id(), "After the ordinance", "A", "2024-01-01", "A");
        assessments.setStatus(published.id(), 1, "in-review", null, "A");
        assessments.setStatus(published.id(), 2, "published", null, "A");
        assessments.setStatus(older.id(), 1, "in-review", null, "A");
        assessments.setStatus(older.id(), 2, "published", null, "A");

        assertThat(assessments.listFor(geoid)).extracting(AssessmentListing::id)
                .containsSubsequence(published.id(), older.id(), newerDraft.id());
        assertThat(assessments.listFor(geoid).get(0).status()).isEqualTo(AssessmentStatus.PUBLISHED);
    }

    @Test
    void twoSimultaneousSavesOfOneAnswerEndInOneSuccessAndOneConflict() throws Exception {
        for (int round = 0; round < 10; round++) {
            long id = newAssessment().id();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> outcomes = new ArrayList<>();
            for (String who : List.of("Ana", "Ben")) {
                Callable<String> save = () -> {
                    start.await();
                    try {
                        assessments.saveAnswer(id, DETAINER_POLICY, 0, who.equals("Ana") ? "Y" : "N", who + "'s reading", who);
                        return "saved:" + who;
                    } catch (EditConflictException e) {
                        return "conflict:" + e.editor();
                    }
                };
                outcomes.add(pool.submit(save));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            pool.shutdown();

            assertThat(results).filteredOn(r -> r.startsWith("saved:")).hasSize(1);
            assertThat(results).filteredOn(r -> r.startsWith("conflict:")).hasSize(1);
            String winner = results.stream().filter(r -> r.startsWith("saved:")).findFirst().orElseThrow().substring(6);
            assertThat(results).contains("conflict:" + winner);
            Assessment stored = assessments.get(id);
            assertThat(stored.content().answers().get(DETAINER_POLICY).explanation()).isEqualTo(winner + "'s reading");
            assertThat(stored.revision()).isEqualTo(2);
        }
    }

    @Test
    void onlyADraftChangesAndTheWorkflowGoesDraftReviewPublishedAndBackWithAReason() {
        Account editor = accounts.find(Members.EDITOR).orElseThrow();
        Account reviewer = accounts.find(Members.REVIEWER).orElseThrow();
        long id = Members.as(editor, () -> newAssessment()).id();
        Members.as(editor, () -> assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", "The ordinance forbids holds.", "Ed"));

        assertThatThrownBy(() -> assessments.setStatus(id, 1, "published", null, "Ed"))
                .isInstanceOfSatisfying(AssessmentStateException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.error.transition"));
        Members.as(editor, () -> assessments.setStatus(id, 1, "in-review", null, "Ed"));
        assertThatThrownBy(() -> Members.as(editor, () -> assessments.saveAnswer(id, DETAINER_PRACTICE, 0, "N", "x", "Ed")))
                .isInstanceOfSatisfying(AssessmentStateException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.error.notDraft.in-review"));
        // the last editor cannot publish their own work; another reviewer can
        assertThatThrownBy(() -> Members.as(editor, () -> assessments.setStatus(id, 3, "published", null, "Ed")))
                .isInstanceOfSatisfying(AssessmentStateException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.error.ownWork"));
        Members.as(reviewer, () -> assessments.setStatus(id, 3, "published", null, "Rae"));
        assertThat(assessments.get(id).status()).isEqualTo(AssessmentStatus.PUBLISHED);

        assertThatThrownBy(() -> Members.as(reviewer, () -> assessments.setStatus(id, 4, "draft", " ", "Rae")))
                .isInstanceOfSatisfying(AssessmentInputException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.error.reasonRequired"));
        Members.as(reviewer, () -> assessments.setStatus(id, 4, "draft", "The council amended the ordinance.", "Rae"));
        assertThat(assessments.get(id).status()).isEqualTo(AssessmentStatus.DRAFT);
        Revision last = assessments.history(id).get(assessments.history(id).size() - 1);
        assertThat(last.summary()).contains("The council amended the ordinance.");
        assertThat(last.actorId()).isEqualTo(reviewer.id());
        assertThat(last.editor()).isEqualTo("Rae");
    }

    @Test
    void everyRevisionIsInTheAuditTrailWithWhoFromWhereAndTheValuesBeforeAndAfter() {
        Account editor = accounts.find(Members.EDITOR).orElseThrow();
        long id = Members.as(editor, () -> newAssessment()).id();
        Members.as(editor, () -> assessments.saveAnswer(id, DETAINER_POLICY, 0, "Y", "Forbidden by Sec. 2.", "Ed"));
        Members.as(editor, () -> assessments.saveAnswer(id, DETAINER_POLICY, 2, "N", "Repealed.", "Ed"));

        var events = audit.forTarget("assessment", id + "/3");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo(editor.id());
            assertThat(e.actorName()).isEqualTo(editor.displayName());
            assertThat(e.origin()).isEqualTo("127.0.0.1");
            assertThat(e.organizationId()).isEqualTo(organization.id());
            assertThat(e.before()).contains("\"Y\"").contains("Forbidden by Sec. 2.");
            assertThat(e.after()).contains("\"N\"").contains("Repealed.");
        });
    }
}

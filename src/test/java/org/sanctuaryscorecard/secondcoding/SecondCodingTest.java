package org.sanctuaryscorecard.secondcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentInputException;
import org.sanctuaryscorecard.assessment.AssessmentStateException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EditConflictException;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.secondcoding.SecondCodingException.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

@ScorecardWebTest
class SecondCodingTest {

    static final String REFUSES = "question.detainers.refuses-requests";
    static final String FORMAL = "question.detainers.formal-policy";
    static final String INTERVIEWS = "question.jail-access.prohibits-interviews";
    static final String JAIL_FORMAL = "question.jail-access.formal-policy";
    static final String RELEASE = "question.release-notification.refuses-requests";

    @Autowired
    SecondCoding secondCoding;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    MessageSource messages;

    Organization organization;
    Account editor;
    Account coder;
    Account reviewer;
    Account admin;
    Account viewer;
    Account outsider;

    @BeforeEach
    void members() {
        organization = Members.standard(accounts);
        editor = accounts.find(Members.EDITOR).orElseThrow();
        coder = accounts.find(Members.SECOND_EDITOR).orElseThrow();
        reviewer = accounts.find(Members.REVIEWER).orElseThrow();
        admin = accounts.find(Members.ADMIN).orElseThrow();
        viewer = accounts.find(Members.VIEWER).orElseThrow();
        outsider = accounts.find(Members.OUTSIDER).orElseThrow();
    }

    /** A draft of the standard organization, first-coded by the editor: 1.1 Y, 1.2 Y, 2.1 N, 4.1 Y. */
    private long firstCoded(Organization owner) {
        long id = as(editor, () -> assessments.create("06001", owner.id(), "Alameda County 2026", "Ana", "2026-11-01", "Ana")).id();
        as(editor, () -> assessments.saveAnswer(id, REFUSES, 0, "Y", "The sheriff refuses holds (first).", "Ana"));
        as(editor, () -> assessments.saveAnswer(id, FORMAL, 0, "Y", "Ordinance 12 forbids them (first).", "Ana"));
        as(editor, () -> assessments.saveAnswer(id, INTERVIEWS, 0, "N", "ICE interviews freely (first).", "Ana"));
        as(editor, () -> assessments.saveAnswer(id, RELEASE, 0, "Y", "No release dates shared (first).", "Ana"));
        return id;
    }

    /** The same, second-coded blind: 1.1 Y (same), 1.2 N (different), 2.1 OTHER (different), 2.2 Y (only the second). */
    private long handedIn() {
        long id = firstCoded(organization);
        as(reviewer, () -> secondCoding.request(id, Members.SECOND_EDITOR));
        as(coder, () -> secondCoding.saveAnswer(id, REFUSES, "Y", "Jail log shows refusals (second)."));
        as(coder, () -> secondCoding.saveAnswer(id, FORMAL, "N", "The ordinance was repealed (second)."));
        as(coder, () -> secondCoding.saveAnswer(id, INTERVIEWS, "OTHER", "Only with consent (second)."));
        as(coder, () -> secondCoding.saveAnswer(id, JAIL_FORMAL, "Y", "Directive 4 (second)."));
        as(coder, () -> secondCoding.submit(id));
        return id;
    }

    private static <T> T as(Account account, Supplier<T> work) {
        return Members.as(account, work);
    }

    private Throwable refusal(Account account, Supplier<?> work) {
        Throwable thrown = catchThrowable(() -> as(account, work));
        Object[] arguments = thrown instanceof SecondCodingException s ? s.arguments()
                : thrown instanceof AssessmentInputException i ? i.arguments()
                : thrown instanceof AssessmentStateException st ? st.arguments() : null;
        assertThat(arguments).as("a refusal with a message, not %s", thrown).isNotNull();
        String key = key(thrown);
        assertThat(messages.getMessage(key, arguments, null, Locale.ENGLISH)).as("the message %s exists", key).isNotBlank();
        return thrown;
    }

    private static String key(Throwable thrown) {
        return thrown instanceof SecondCodingException s ? s.messageKey() : thrown instanceof AssessmentInputException i
                ? i.messageKey() : ((AssessmentStateException) thrown).messageKey();
    }

    private List<String> actions(long requestId) {
        List<String> actions = new ArrayList<>();
        audit.each(organization.id(), (AuditEvent e) -> {
            if (e.targetType().equals("second-coding")
                    && (e.targetId().equals(String.valueOf(requestId)) || e.targetId().startsWith(requestId + "/"))) {
                actions.add(e.action() + ":" + e.actorName());
            }
        });
        return actions;
    }

    // ---------------------------------------------------------------- asking

    @Test
    void aReviewerAsksAnEditorWhoHasNotAnsweredAndItIsAudited() {
        long id = firstCoded(organization);

        CodingRequest request = as(reviewer, () -> secondCoding.request(id, " " + Members.SECOND_EDITOR + " "));

        assertThat(request.state()).isEqualTo(CodingState.OPEN);
        assertThat(request.coderId()).isEqualTo(coder.id());
        assertThat(request.coderName()).isEqualTo(coder.displayName());
        assertThat(request.requestedByName()).isEqualTo(reviewer.displayName());
        assertThat(as(reviewer, () -> secondCoding.requests(id))).extracting(CodingRequest::id).containsExactly(request.id());
        assertThat(actions(request.id())).containsExactly("request:" + reviewer.displayName());
        assertThat(as(reviewer, () -> secondCoding.candidates(id))).extracting(SecondCoding.Candidate::username)
                .contains(Members.SECOND_EDITOR, Members.ADMIN)
                .doesNotContain(Members.EDITOR, Members.REVIEWER, Members.VIEWER, Members.OUTSIDER);
    }

    @Test
    void onlyAReviewerAsksAndOnlyAnEditorWhoDidNotCodeItAndNotTwice() {
        long id = firstCoded(organization);

        assertThat(key(refusal(editor, () -> secondCoding.request(id, Members.SECOND_EDITOR)))).isEqualTo("secondcoding.error.reviewerOnly");
        assertThat(key(refusal(outsider, () -> secondCoding.request(id, Members.SECOND_EDITOR)))).isEqualTo("secondcoding.error.reviewerOnly");
        assertThat(key(refusal(reviewer, () -> secondCoding.request(id, Members.EDITOR)))).isEqualTo("secondcoding.error.firstCoder");
        assertThat(key(refusal(reviewer, () -> secondCoding.request(id, Members.REVIEWER)))).isEqualTo("secondcoding.error.notYourself");
        assertThat(key(refusal(reviewer, () -> secondCoding.request(id, Members.VIEWER)))).isEqualTo("secondcoding.error.notEditor");
        assertThat(key(refusal(reviewer, () -> secondCoding.request(id, Members.OUTSIDER)))).isEqualTo("secondcoding.error.notEditor");
        assertThat(key(refusal(reviewer, () -> secondCoding.request(id, "nobody-here")))).isEqualTo("secondcoding.error.noSuchCoder");
        assertThat(key(refusal(reviewer, () -> secondCoding.request(id, null)))).isEqualTo("secondcoding.error.noSuchCoder");

        as(reviewer, () -> secondCoding.request(id, Members.SECOND_EDITOR));
        Throwable twice = refusal(admin, () -> secondCoding.request(id, Members.SECOND_EDITOR));
        assertThat(((SecondCodingException) twice).reason()).isEqualTo(Reason.CONFLICT);
        assertThat(key(twice)).isEqualTo("secondcoding.error.alreadyActive");
        assertThat(as(reviewer, () -> secondCoding.requests(id))).hasSize(1);
    }

    @Test
    void aPublishedAssessmentIsNotSecondCoded() {
        long id = firstCoded(organization);
        as(editor, () -> assessments.setStatus(id, 1, "in-review", null, "Ana"));
        as(reviewer, () -> assessments.setStatus(id, 6, "published", null, "Rae"));

        Throwable refused = refusal(reviewer, () -> secondCoding.request(id, Members.SECOND_EDITOR));

        assertThat(((SecondCodingException) refused).reason()).isEqualTo(Reason.STATE);
        assertThat(key(refused)).isEqualTo("secondcoding.error.published");
    }

    @Test
    void aReviewerWithdrawsARequestAndMayAskAgain() {
        long id = firstCoded(organization);
        CodingRequest first = as(reviewer, () -> secondCoding.request(id, Members.SECOND_EDITOR));

        assertThat(key(refusal(coder, () -> secondCoding.cancel(id)))).isEqualTo("secondcoding.error.reviewerOnly");
        assertThat(as(reviewer, () -> secondCoding.cancel(id)).state()).isEqualTo(CodingState.CANCELLED);
        assertThat(key(refusal(reviewer, () -> secondCoding.cancel(id)))).isEqualTo("secondcoding.error.noActive");
        assertThat(key(refusal(coder, () -> secondCoding.saveAnswer(id, REFUSES, "Y", null)))).isEqualTo("secondcoding.error.coderOnly");

        CodingRequest again = as(reviewer, () -> secondCoding.request(id, Members.ADMIN));
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(actions(first.id())).containsExactly("request:" + reviewer.displayName(), "cancel:" + reviewer.displayName());
    }

    // ---------------------------------------------------------------- coding blind

    @Test
    void onlyTheNamedCoderAnswersAsTheyGoAndHandsInOnce() {
        long id = firstCoded(organization);
        CodingRequest request = as(reviewer, () -> secondCoding.request(id, Members.SECOND_EDITOR));

        SecondAnswer saved = as(coder, () -> secondCoding.saveAnswer(id, FORMAL, "N", "  Repealed in 2025.  "));
        assertThat(saved.answer()).isEqualTo("N");
        assertThat(saved.explanation()).isEqualTo("Repealed in 2025.");
        as(coder, () -> secondCoding.saveAnswer(id, FORMAL, "OTHER", "Changed my mind."));
        as(coder, () -> secondCoding.saveAnswer(id, REFUSES, "", "Not sure yet."));
        assertThat(as(coder, () -> secondCoding.sheet(id)).answers())
                .containsOnlyKeys(FORMAL, REFUSES)
                .hasEntrySatisfying(FORMAL, a -> assertThat(a.answer()).isEqualTo("OTHER"));
        assertThat(as(coder, () -> secondCoding.codesBlind(id))).isTrue();
        assertThat(as(reviewer, () -> secondCoding.codesBlind(id))).isFalse();

        for (Account other : List.of(editor, reviewer, admin, viewer, outsider)) {
            assertThat(key(refusal(other, () -> secondCoding.saveAnswer(id, FORMAL, "Y", null)))).isEqualTo("secondcoding.error.coderOnly");
            assertThat(key(refusal(other, () -> secondCoding.submit(id)))).isEqualTo("secondcoding.error.coderOnly");
            assertThat(key(refusal(other, () -> secondCoding.sheet(id)))).isEqualTo("secondcoding.error.coderOnly");
        }
        assertThat(key(refusal(coder, () -> secondCoding.saveAnswer(id, FORMAL, "Maybe", null)))).isEqualTo("assessment.error.answer");
        assertThat(key(refusal(coder, () -> secondCoding.saveAnswer(id, "question.nope", "Y", null)))).isEqualTo("assessment.error.unknownQuestion");
        assertThat(key(refusal(coder, () -> secondCoding.saveAnswer(id, FORMAL, "N", "x".repeat(Assessments.TEXT_MAX + 1)))))
                .isEqualTo("assessment.error.tooLong");

        CodingRequest handedIn = as(coder, () -> secondCoding.submit(id));
        assertThat(handedIn.state()).isEqualTo(CodingState.SUBMITTED);
        assertThat(handedIn.comparedRevision()).isEqualTo(assessments.get(id).revision());
        assertThat(key(refusal(coder, () -> secondCoding.saveAnswer(id, FORMAL, "Y", null)))).isEqualTo("secondcoding.error.notOpen");
        assertThat(key(refusal(coder, () -> secondCoding.submit(id)))).isEqualTo("secondcoding.error.notOpen");
        assertThat(as(coder, () -> secondCoding.codesBlind(id))).isFalse();
        assertThat(as(coder, () -> secondCoding.sheet(id)).request().state()).isEqualTo(CodingState.SUBMITTED);
        assertThat(actions(request.id())).filteredOn(a -> a.startsWith("answer:")).hasSize(3);
        assertThat(actions(request.id())).contains("submit:" + coder.displayName());
    }

    @Test
    void handingInNothingIsRefused() {
        long id = firstCoded(organization);
        as(reviewer, () -> secondCoding.request(id, Members.SECOND_EDITOR));
        as(coder, () -> secondCoding.saveAnswer(id, FORMAL, null, "Only a note, no answer."));

        assertThat(key(refusal(coder, () -> secondCoding.submit(id)))).isEqualTo("secondcoding.error.nothingAnswered");
    }

    @Test
    void viewingTheAssessmentWhileBlindIsNotedOnceAndAudited() {
        long id = firstCoded(organization);
        CodingRequest request = as(reviewer, () -> secondCoding.request(id, Members.SECOND_EDITOR));

        as(editor, () -> {
            secondCoding.noteViewWhileBlind(id, "/assessments/" + id);
            return null;
        });
        assertThat(as(reviewer, () -> secondCoding.requests(id)).get(0).viewedAt()).isNull();

        as(coder, () -> {
            secondCoding.noteViewWhileBlind(id, "/assessments/" + id + "/history");
            secondCoding.noteViewWhileBlind(id, "/assessments/" + id);
            return null;
        });
        CodingRequest seen = as(reviewer, () -> secondCoding.requests(id)).get(0);
        assertThat(seen.viewedAt()).isNotNull();
        assertThat(seen.viewedWhere()).isEqualTo("/assessments/" + id + "/history");
        assertThat(actions(request.id())).containsOnlyOnce("viewed-while-blind:" + coder.displayName());
    }

    // ---------------------------------------------------------------- comparing

    @Test
    void theComparisonCountsDifferencesAmongTheQuestionsBothAnswered() {
        long id = handedIn();

        Comparison comparison = as(reviewer, () -> secondCoding.comparison(id, null)).orElseThrow();

        assertThat(comparison.divergence()).isEqualTo(new Divergence(2, 3, 2, 2.0 / 3));
        assertThat(comparison.undecided()).isEqualTo(2);
        assertThat(comparison.questions()).hasSize(19);
        assertThat(comparison.questions()).filteredOn(q -> q.questionId().equals(REFUSES)).singleElement()
                .satisfies(q -> assertThat(q.agreement()).isEqualTo(Agreement.SAME));
        assertThat(comparison.questions()).filteredOn(q -> q.questionId().equals(FORMAL)).singleElement().satisfies(q -> {
            assertThat(q.agreement()).isEqualTo(Agreement.DIFFERENT);
            assertThat(q.number()).isEqualTo("1.2");
            assertThat(q.first().answer()).isEqualTo("Y");
            assertThat(q.first().explanation()).isEqualTo("Ordinance 12 forbids them (first).");
            assertThat(q.first().codedBy()).isEqualTo("Ana");
            assertThat(q.second().answer()).isEqualTo("N");
            assertThat(q.awaitingDecision()).isTrue();
        });
        assertThat(comparison.questions()).filteredOn(q -> q.questionId().equals(JAIL_FORMAL)).singleElement()
                .satisfies(q -> assertThat(q.agreement()).isEqualTo(Agreement.SECOND_ONLY));
        assertThat(comparison.questions()).filteredOn(q -> q.questionId().equals(RELEASE)).singleElement()
                .satisfies(q -> assertThat(q.agreement()).isEqualTo(Agreement.FIRST_ONLY));
        assertThat(comparison.questions()).filteredOn(q -> q.agreement() == Agreement.UNANSWERED).hasSize(14);

        for (Account other : List.of(editor, coder, viewer, outsider)) {
            assertThat(key(refusal(other, () -> secondCoding.comparison(id, null)))).isEqualTo("secondcoding.error.reviewerOnly");
        }
        assertThat(key(refusal(reviewer, () -> secondCoding.comparison(id, 999_999L)))).isEqualTo("secondcoding.error.noSuchRound");
    }

    @Test
    void noDifferenceMeansReconciledAtOnce() {
        long id = firstCoded(organization);
        as(reviewer, () -> secondCoding.request(id, Members.SECOND_EDITOR));
        as(coder, () -> secondCoding.saveAnswer(id, REFUSES, "Y", "Same."));

        CodingRequest handedIn = as(coder, () -> secondCoding.submit(id));

        assertThat(handedIn.state()).isEqualTo(CodingState.RECONCILED);
        assertThat(as(reviewer, () -> secondCoding.comparison(id, null)).orElseThrow().divergence()).isEqualTo(new Divergence(0, 1, 3, 0.0));
        assertThat(as(reviewer, () -> secondCoding.request(id, Members.ADMIN)).state()).as("a new round may start").isEqualTo(CodingState.OPEN);
    }

    // ---------------------------------------------------------------- deciding

    @Test
    void aDecisionWritesTheAnswerIntoTheAssessmentAndRecordsWhoDecided() {
        long id = handedIn();
        CodingRequest request = as(reviewer, () -> secondCoding.requests(id)).get(0);
        int version = assessments.get(id).version("answer/" + FORMAL);

        Reconciliation decision = as(reviewer, () -> secondCoding.reconcile(id, FORMAL, "second", null, " ", version));

        assertThat(decision.followed()).isEqualTo(Followed.SECOND);
        assertThat(decision.answer()).isEqualTo("N");
        assertThat(decision.decidedById()).isEqualTo(reviewer.id());
        assertThat(decision.decidedByName()).isEqualTo(reviewer.displayName());
        Assessment after = assessments.get(id);
        assertThat(after.content().answer(FORMAL).answer()).isEqualTo("N");
        assertThat(after.content().answer(FORMAL).explanation()).isEqualTo("The ordinance was repealed (second).");
        assertThat(decision.revision()).isEqualTo(after.revision());
        assertThat(assessments.history(id).get(after.revision() - 1).actorId()).isEqualTo(reviewer.id());
        assertThat(as(reviewer, () -> secondCoding.requests(id)).get(0).state()).as("2.1 still differs").isEqualTo(CodingState.SUBMITTED);
        List<AuditEvent> decided = new ArrayList<>();
        audit.each(organization.id(), (AuditEvent e) -> {
            if (e.targetId().equals(request.id() + "/reconcile/" + FORMAL)) {
                decided.add(e);
            }
        });
        assertThat(decided).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("reconcile");
            assertThat(e.actorId()).isEqualTo(reviewer.id());
            assertThat(e.origin()).isEqualTo("127.0.0.1");
            assertThat(e.before()).contains("\"first\":\"Y\"", "\"second\":\"N\"");
            assertThat(e.after()).contains("\"answer\":\"N\"", "\"followed\":\"second\"");
        });

        assertThat(key(refusal(reviewer, () -> secondCoding.reconcile(id, INTERVIEWS, "neither", "Y", "", 0))))
                .isEqualTo("secondcoding.error.explanationRequired");
        assertThat(key(refusal(reviewer, () -> secondCoding.reconcile(id, INTERVIEWS, "both", null, null, 0))))
                .isEqualTo("secondcoding.error.follow");
        assertThat(key(refusal(reviewer, () -> secondCoding.reconcile(id, REFUSES, "first", null, null, 0))))
                .isEqualTo("secondcoding.error.notDifferent");
        int interviews = assessments.get(id).version("answer/" + INTERVIEWS);
        as(reviewer, () -> secondCoding.reconcile(id, INTERVIEWS, "neither", "Y", "The 2026 directive forbids interviews.", interviews));

        assertThat(assessments.get(id).content().answer(INTERVIEWS).answer()).isEqualTo("Y");
        CodingRequest closed = as(reviewer, () -> secondCoding.requests(id)).get(0);
        assertThat(closed.state()).isEqualTo(CodingState.RECONCILED);
        assertThat(actions(request.id())).contains("reconcile:" + reviewer.displayName(), "reconciled:" + reviewer.displayName());
        Comparison comparison = as(reviewer, () -> secondCoding.comparison(id, null)).orElseThrow();
        assertThat(comparison.divergence()).as("the figures stay those of the coding").isEqualTo(new Divergence(2, 3, 2, 2.0 / 3));
        assertThat(comparison.undecided()).isZero();

        // a question answered by only one coder may still be decided; then the scorecard knows of each
        int release = assessments.get(id).version("answer/" + RELEASE);
        as(reviewer, () -> secondCoding.reconcile(id, RELEASE, "first", null, null, release));
        assertThat(secondCoding.marks(id, null)).containsKeys(REFUSES, FORMAL, INTERVIEWS, RELEASE);
        assertThat(secondCoding.marks(id, null).get(FORMAL)).satisfies(m -> {
            assertThat(m.reconciled()).isTrue();
            assertThat(m.by()).isEqualTo(reviewer.displayName());
            assertThat(m.followed()).isEqualTo(Followed.SECOND);
        });
        assertThat(secondCoding.marks(id, null).get(REFUSES).reconciled()).as("both said Yes").isFalse();
        assertThat(secondCoding.marks(id, closed.comparedRevision() - 1)).as("before the comparison").isEmpty();
        assertThat(secondCoding.marks(id, closed.comparedRevision())).as("compared, not yet decided")
                .containsOnlyKeys(REFUSES);
    }

    @Test
    void onlyAReviewerWhoDidNotCodeItDecides() {
        long id = firstCoded(organization);
        as(reviewer, () -> secondCoding.request(id, Members.ADMIN));
        as(admin, () -> secondCoding.saveAnswer(id, FORMAL, "N", "Repealed."));
        as(admin, () -> secondCoding.submit(id));

        assertThat(key(refusal(admin, () -> secondCoding.reconcile(id, FORMAL, "second", null, null, 3)))).isEqualTo("secondcoding.error.ownCoding");
        for (Account other : List.of(editor, coder, viewer, outsider)) {
            assertThat(key(refusal(other, () -> secondCoding.reconcile(id, FORMAL, "second", null, null, 3))))
                    .isEqualTo("secondcoding.error.reviewerOnly");
        }
        assertThat(assessments.get(id).content().answer(FORMAL).answer()).isEqualTo("Y");
    }

    @Test
    void aDecisionNeedsADraftAndTheAnswerTheReviewerSaw() {
        long id = handedIn();
        int seen = assessments.get(id).version("answer/" + FORMAL);
        as(editor, () -> assessments.saveAnswer(id, FORMAL, seen, "OTHER", "Ana changed her mind.", "Ana"));

        Throwable stale = catchThrowable(() -> as(reviewer, () -> secondCoding.reconcile(id, FORMAL, "second", null, null, seen)));
        assertThat(stale).isInstanceOf(EditConflictException.class);
        assertThat(assessments.get(id).content().answer(FORMAL).answer()).isEqualTo("OTHER");
        assertThat(as(reviewer, () -> secondCoding.comparison(id, null)).orElseThrow().questions())
                .filteredOn(q -> q.questionId().equals(FORMAL)).singleElement()
                .satisfies(q -> {
                    assertThat(q.reconciliation()).as("nothing recorded").isNull();
                    assertThat(q.currentAnswer()).isEqualTo("OTHER");
                    assertThat(q.first().answer()).as("the compared answer stays").isEqualTo("Y");
                });

        Assessment now = assessments.get(id);
        as(editor, () -> assessments.setStatus(id, now.version("status"), "in-review", null, "Ana"));
        Throwable notDraft = refusal(reviewer, () -> secondCoding.reconcile(id, FORMAL, "second", null, null,
                now.version("answer/" + FORMAL)));
        assertThat(key(notDraft)).isEqualTo("assessment.error.notDraft.in-review");
    }

    @Test
    void twoSimultaneousDecisionsOfOneQuestionEndInOneDecisionAndOneConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = handedIn();
            int version = assessments.get(id).version("answer/" + FORMAL);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> outcomes = new ArrayList<>();
            for (Account who : List.of(reviewer, admin)) {
                Callable<String> decide = () -> {
                    start.await();
                    try {
                        as(who, () -> secondCoding.reconcile(id, FORMAL, who == reviewer ? "first" : "second", null, null, version));
                        return "decided:" + who.username();
                    } catch (SecondCodingException e) {
                        return "conflict:" + e.reason() + ":" + e.messageKey();
                    } catch (EditConflictException e) {
                        return "conflict:edit";
                    }
                };
                outcomes.add(pool.submit(decide));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            pool.shutdown();

            assertThat(results).filteredOn(r -> r.startsWith("decided:")).hasSize(1);
            assertThat(results).filteredOn(r -> r.startsWith("conflict:")).hasSize(1)
                    .allMatch(r -> r.equals("conflict:CONFLICT:secondcoding.error.alreadyDecided") || r.equals("conflict:edit"));
            String winner = results.stream().filter(r -> r.startsWith("decided:")).findFirst().orElseThrow().substring(8);
            Comparison comparison = as(reviewer, () -> secondCoding.comparison(id, null)).orElseThrow();
            QuestionComparison formal = comparison.questions().stream().filter(q -> q.questionId().equals(FORMAL)).findFirst().orElseThrow();
            assertThat(formal.reconciliation().decidedByName()).isEqualTo(accounts.find(winner).orElseThrow().displayName());
            assertThat(assessments.get(id).content().answer(FORMAL).answer()).isEqualTo(winner.equals(Members.REVIEWER) ? "Y" : "N");
        }
    }

    // ---------------------------------------------------------------- the organization's figure

    @Test
    void theOrganizationsFigureIsTheDivergenceOverEveryHandedInCoding() {
        Organization group = Members.organization(accounts, "sc-figures-" + System.nanoTime() % 1_000_000_000L, "Figures Group");
        Members.member(accounts, group, Members.EDITOR, Role.EDITOR);
        Members.member(accounts, group, Members.SECOND_EDITOR, Role.EDITOR);
        Members.member(accounts, group, Members.REVIEWER, Role.REVIEWER);
        Members.member(accounts, group, Members.VIEWER, Role.VIEWER);

        assertThat(as(reviewer, () -> secondCoding.organization(group.id())).rounds()).isEmpty();
        assertThat(as(reviewer, () -> secondCoding.organization(group.id())).total().rate()).isNull();

        long a = firstCoded(group);
        as(reviewer, () -> secondCoding.request(a, Members.SECOND_EDITOR));
        as(coder, () -> secondCoding.saveAnswer(a, REFUSES, "N", null));    // different
        as(coder, () -> secondCoding.saveAnswer(a, FORMAL, "Y", null));     // same
        as(coder, () -> secondCoding.submit(a));
        long b = firstCoded(group);
        as(reviewer, () -> secondCoding.request(b, Members.SECOND_EDITOR));
        as(coder, () -> secondCoding.saveAnswer(b, REFUSES, "Y", null));    // same
        as(coder, () -> secondCoding.saveAnswer(b, FORMAL, "Y", null));     // same
        as(coder, () -> secondCoding.saveAnswer(b, INTERVIEWS, "N", null)); // same
        as(coder, () -> secondCoding.saveAnswer(b, JAIL_FORMAL, "N", null)); // second only
        as(coder, () -> secondCoding.submit(b));
        long c = firstCoded(group);
        as(reviewer, () -> secondCoding.request(c, Members.SECOND_EDITOR)); // open: not counted

        OrganizationDivergence figures = as(reviewer, () -> secondCoding.organization(group.id()));

        assertThat(figures.assessments()).isEqualTo(2);
        assertThat(figures.rounds()).extracting(OrganizationDivergence.Round::assessmentId).containsExactly(a, b);
        assertThat(figures.rounds().get(0).divergence()).isEqualTo(new Divergence(1, 2, 2, 0.5));
        assertThat(figures.rounds().get(1).divergence()).isEqualTo(new Divergence(0, 3, 2, 0.0));
        assertThat(figures.total()).isEqualTo(new Divergence(1, 5, 4, 0.2));
        for (Account other : List.of(editor, coder, viewer, outsider)) {
            assertThat(key(refusal(other, () -> secondCoding.organization(group.id()))))
                    .isEqualTo("secondcoding.error.reviewerOnlyOrganization");
        }
    }
}

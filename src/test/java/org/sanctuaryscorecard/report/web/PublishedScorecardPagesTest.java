package org.sanctuaryscorecard.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.correction.CorrectionFixtures;
import org.sanctuaryscorecard.report.internal.PublishedPages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The scorecard of a published assessment is made once per revision for everyone not signed in, and kept
 * ({@link PublishedPages}): these tests hold that a kept page is never shown once the assessment changed, never for a
 * draft, and never to someone signed in, whose header is theirs.
 */
@ScorecardWebTest
class PublishedScorecardPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    Accounts accounts;

    @Autowired
    PublishedPages published;

    Organization organization;

    @BeforeEach
    void standardMembers() {
        organization = Members.standard(accounts);
    }

    private MockHttpServletResponse read(long id, RequestPostProcessor... as) throws Exception {
        var request = get("/assessments/" + id);
        for (RequestPostProcessor p : as) {
            request = request.with(p);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String page(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The page without the header's account links (the one part that depends on who reads it). */
    private static String withoutAccountLinks(String html) {
        String cut = html.replaceFirst("(?s)<nav class=\"account-nav\".*?</nav>", "");
        assertThat(cut).isNotEqualTo(html);
        return cut;
    }

    @Test
    void readersWhoAreNotSignedInGetThePageMadeOnceForTheRevisionTheSameAsAPageMadeForThem() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        int revision = assessments.get(id).revision();
        assertThat(published.find(id, revision, Locale.ENGLISH)).isEmpty();

        MockHttpServletResponse first = read(id);
        assertThat(first.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(first.getHeader("Content-Language")).isEqualTo("en");
        String html = page(first);
        assertThat(html).contains("Fresno County 2026", "No written policy.", ">Sign in</a>", "Ask for a correction")
                .doesNotContain("Sign out");
        PublishedPages.Page kept = published.find(id, revision, Locale.ENGLISH).orElseThrow();
        assertThat(new String(kept.html(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(html);
        assertThat(page(read(id))).isEqualTo(html);

        // Someone signed in gets a page made for them by the usual view: the same page but for their header.
        Account outsider = accounts.find(Members.OUTSIDER).orElseThrow();
        String theirs = page(read(id, Members.signedIn(outsider)));
        assertThat(theirs).contains("Your account (" + outsider.displayName() + ")", "Sign out").doesNotContain(">Sign in</a>");
        assertThat(withoutAccountLinks(theirs)).isEqualTo(withoutAccountLinks(html));
    }

    @Test
    void aSignedInPersonSeesTheirOwnHeaderAfterOthersReadTheKeptPage() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        Account ana = Members.newMember(accounts, organization, Role.VIEWER, "Ana Keptpage");
        Account bo = Members.newAccount(accounts, "Bo Keptpage");

        page(read(id));
        String anas = page(read(id, Members.signedIn(ana)));
        String bos = page(read(id, Members.signedIn(bo)));
        String anonymous = page(read(id));

        assertThat(anas).contains("Your account (Ana Keptpage)").doesNotContain("Bo Keptpage", ">Sign in</a>");
        assertThat(bos).contains("Your account (Bo Keptpage)").doesNotContain("Ana Keptpage", ">Sign in</a>");
        assertThat(anonymous).contains(">Sign in</a>").doesNotContain("Keptpage", "Sign out");
        // What signed-in people read is never kept: the kept page is still the one made for readers not signed in.
        assertThat(new String(published.find(id, assessments.get(id).revision(), Locale.ENGLISH).orElseThrow().html(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(anonymous);
    }

    @Test
    void anEditAfterSendingItBackToDraftIsShownOnceItIsPublishedAgainAndTheDraftIsNeverShown() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String before = page(read(id));
        assertThat(before).contains("No written policy.");

        Actor.SYSTEM.run(() -> {
            int version = assessments.get(id).version("status");
            assessments.setStatus(id, version, "draft", "A new ordinance was passed.", "Rae");
        });
        MockHttpServletResponse draft = read(id);
        assertThat(draft.getStatus()).isNotEqualTo(200);
        assertThat(draft.getContentAsString()).doesNotContain("No written policy.");

        Actor.SYSTEM.run(() -> assessments.saveAnswer(id, CorrectionFixtures.QUESTION,
                assessments.get(id).version("answer/" + CorrectionFixtures.QUESTION), "Y", "Ordinance 2026-7 forbids holds.", "Ana"));
        // Still a draft: its members see the edit on a page made for them, and nothing of it is kept.
        Account editor = accounts.find(Members.EDITOR).orElseThrow();
        assertThat(page(read(id, Members.signedIn(editor)))).contains("Ordinance 2026-7 forbids holds.");
        assertThat(read(id).getStatus()).isNotEqualTo(200);
        assertThat(published.find(id, assessments.get(id).revision(), Locale.ENGLISH)).isEmpty();

        Actor.SYSTEM.run(() -> {
            assessments.setStatus(id, assessments.get(id).version("status"), "in-review", null, "Ana");
            assessments.setStatus(id, assessments.get(id).version("status"), "published", null, "Rae");
        });
        String after = page(read(id));
        assertThat(after).contains("Ordinance 2026-7 forbids holds.").doesNotContain("No written policy.");
        assertThat(page(read(id))).isEqualTo(after);
    }

    @Test
    void browsersThatAcceptGzipGetTheKeptPageGzippedTheSameBytesOnceUnzipped() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        MockHttpServletResponse plain = read(id);
        String html = page(plain);
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(plain.getHeaders("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));

        MockHttpServletResponse zipped = mvc.perform(get("/assessments/" + id).header("Accept-Encoding", "gzip, deflate, br"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(zipped.getHeaders("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(html);
        }

        MockHttpServletResponse refused = mvc.perform(get("/assessments/" + id).header("Accept-Encoding", "gzip;q=0"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(refused.getHeader("Content-Encoding")).isNull();
        assertThat(refused.getContentAsString()).isEqualTo(html);
    }
}

package org.sanctuaryscorecard.correction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.formFrom;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.from;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.json;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.newAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.correction.CorrectionFixtures;
import org.sanctuaryscorecard.correction.CorrectionRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Who may do what with correction requests, as one table: every route of the module, called as a visitor without an
 * account, a viewer, an editor, a reviewer and an admin of the owning organization, an editor of another organization
 * and a reviewer of another organization. Anyone may send a request about a published scorecard; only the owning
 * organization's reviewers and admins read and handle requests; anyone else signed in gets 404 (the same answer as
 * for a request that does not exist); a visitor without an account is sent to sign in, whatever the address.
 */
@ScorecardWebTest
class CorrectionAccessTest extends CorrectionWebTests {

    static final String ANONYMOUS = "anonymous";
    static final String OTHER_REVIEWER = "test-other-reviewer";
    static final String[] WHO = {ANONYMOUS, Members.VIEWER, Members.EDITOR, Members.REVIEWER, Members.ADMIN, Members.OUTSIDER, OTHER_REVIEWER};
    /** Sign in: a redirect to the sign-in page. */
    static final int LOGIN = 1302;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void aReviewerOfAnotherOrganization() {
        Members.member(accounts, accounts.organization("test-other").orElseThrow(), OTHER_REVIEWER, Role.REVIEWER);
    }

    record Route(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, Map<String, Integer> expected) {
    }

    /** The same outcome for everyone. */
    static Map<String, Integer> everyone(int status) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String who : WHO) {
            expected.put(who, status);
        }
        return expected;
    }

    /** Reviewers and admins of the organization get {@code allowed}; a visitor signs in; everyone else gets 404. */
    static Map<String, Integer> reviewers(int allowed, int anonymous) {
        Map<String, Integer> expected = everyone(404);
        expected.put(ANONYMOUS, anonymous);
        expected.put(Members.REVIEWER, allowed);
        expected.put(Members.ADMIN, allowed);
        return expected;
    }

    @Test
    void onlyTheOrganizationsReviewersReadAndHandleRequestsAndAnyoneMaySendOne() throws Exception {
        long published = CorrectionFixtures.published(assessments, organization.id());
        long draft = CorrectionFixtures.draft(assessments, organization.id());
        String secret = "Unique text of the request " + newAddress();
        String address = newAddress();
        mvc.perform(formFrom(published, address, "whatIsWrong", secret).file(CorrectionFixtures.pdf("evidence.pdf")).with(anonymous()));
        long requestId = storedFrom(address).get(0).id();

        Map<String, Integer> listForReviewers = reviewers(200, LOGIN);
        listForReviewers.put(OTHER_REVIEWER, 200); // their own organization's list, without this request (checked below)
        List<Route> routes = List.of(
                new Route("GET form of a published scorecard", () -> get("/corrections/assessments/" + published), everyone(200)),
                new Route("GET form of a draft", () -> get("/corrections/assessments/" + draft), everyone(404)),
                new Route("POST form of a published scorecard", () -> formFrom(published, newAddress()), everyone(302)),
                new Route("POST form of a draft", () -> formFrom(draft, newAddress()), everyone(404)),
                new Route("POST JSON of a published scorecard", () -> post("/api/corrections/assessments/" + published)
                        .with(from(newAddress())).contentType(MediaType.APPLICATION_JSON).content(json(null, null)), everyone(202)),
                new Route("POST JSON of a draft", () -> post("/api/corrections/assessments/" + draft)
                        .with(from(newAddress())).contentType(MediaType.APPLICATION_JSON).content(json(null, null)), everyone(404)),
                new Route("GET sent page", () -> get("/corrections/assessments/" + published + "/sent"), everyone(200)),
                new Route("GET list", () -> get("/account/corrections"), listForReviewers),
                new Route("GET list of the scorecard", () -> get("/account/corrections").param("assessment", String.valueOf(published)),
                        reviewers(200, LOGIN)),
                new Route("GET list of the draft", () -> get("/account/corrections").param("assessment", String.valueOf(draft)),
                        reviewers(200, LOGIN)),
                new Route("GET request", () -> get("/account/corrections/" + requestId), reviewers(200, LOGIN)),
                new Route("GET a request that does not exist", () -> get("/account/corrections/987654321"), reviewers(404, LOGIN)),
                new Route("GET file", () -> get("/account/corrections/" + requestId + "/file"), reviewers(200, LOGIN)),
                new Route("POST status", () -> post("/account/corrections/" + requestId + "/status").with(csrf()).param("status", "answered")
                        .param("note", "Handled").param("version", String.valueOf(store.find(requestId).orElseThrow().version())),
                        reviewers(302, LOGIN)),
                new Route("GET count of the scorecard", () -> get("/account/corrections/assessments/" + published + "/count"), reviewers(200, LOGIN)),
                new Route("GET count of the draft", () -> get("/account/corrections/assessments/" + draft + "/count"), reviewers(200, LOGIN)));

        List<String> unexpected = new ArrayList<>();
        int calls = 0;
        Map<String, String> notFoundBodies = new LinkedHashMap<>();
        for (Route route : routes) {
            for (String who : WHO) {
                AbstractMockHttpServletRequestBuilder<?> request = route.request().get();
                request.with(ANONYMOUS.equals(who) ? anonymous() : user(users.loadUserByUsername(who)));
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                calls++;
                int expected = route.expected().get(who);
                int actual = response.getStatus() == 302 && response.getRedirectedUrl() != null
                        && response.getRedirectedUrl().endsWith("/login") ? LOGIN : response.getStatus();
                if (actual != expected) {
                    unexpected.add(route.name() + " as " + who + ": " + actual + ", expected " + expected);
                }
                if (!Members.REVIEWER.equals(who) && !Members.ADMIN.equals(who)) {
                    assertThat(response.getContentAsString()).as(route.name() + " as " + who).doesNotContain(secret);
                }
                if (Members.OUTSIDER.equals(who) && (route.name().startsWith("GET request") || route.name().startsWith("GET a request"))) {
                    // the same page but for the sign-out form's CSRF token, which is masked anew in every response
                    notFoundBodies.put(route.name(), response.getContentAsString()
                            .replaceAll("(name=\"_csrf\"[^>]*?value=\")[^\"]+", "$1(token)"));
                }
            }
        }
        assertThat(unexpected).as("outcomes that differ from the table").isEmpty();
        assertThat(calls).isEqualTo(routes.size() * WHO.length);
        assertThat(notFoundBodies.values().stream().distinct()).as("an existing request is answered as one that does not exist")
                .hasSize(1);

        // only the reviewer and the admin changed the request
        List<AuditEvent> changes = audit.forTarget("correction", String.valueOf(requestId)).stream()
                .filter(e -> e.action().equals("status")).toList();
        assertThat(changes).extracting(AuditEvent::actorName)
                .containsExactly("Tester " + Members.REVIEWER, "Tester " + Members.ADMIN);
        CorrectionRequest handled = store.find(requestId).orElseThrow();
        assertThat(handled.handledBy()).isEqualTo("Tester " + Members.ADMIN);
    }
}

package org.sanctuaryscorecard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.sanctuaryscorecard.secondcoding.CodingState;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application exposes, taken from Spring's own handler mappings (a new route without a rule here
 * fails this test), called as each kind of person on a draft and on a published assessment; the account pages on
 * the standard test organization ({@link Members#ORGANIZATION}), with a username that does not exist so that no call
 * changes anyone. The expected outcome of
 * each is in one table ({@link #RULES}); the test fails on any request that gets through where the table says it
 * must not (0 unexpected allows), on any refusal the table does not expect, and on any server error.
 *
 * <p>"Gets through" means the request reached its handler: any answer but a refusal. A refusal is 401, 403, 404 or a
 * redirect to the sign-in page. Requests carry a CSRF token and an empty body: this test is about who may call what,
 * not about what they send (that is other tests' business, so 400, 409, 415 and 422 count as getting through).
 */
@ScorecardWebTest
class AccessMatrixTest {

    /**
     * Who calls. CODER is the organization's second editor, whom a reviewer asked for a blind second coding of both
     * assessments (handed in and reconciled) and of the draft once more (open): the one person the coder's routes
     * let through.
     */
    enum Who { ANONYMOUS, VIEWER, EDITOR, CODER, REVIEWER, ADMIN, OUTSIDER, SITE_ADMIN }

    /** Which assessment a route with an assessment in it is called on. */
    enum On { DRAFT, PUBLISHED }

    private static final Set<Who> MEMBERS = Set.of(Who.VIEWER, Who.EDITOR, Who.CODER, Who.REVIEWER, Who.ADMIN);
    private static final Set<Who> EDITORS = Set.of(Who.EDITOR, Who.CODER, Who.REVIEWER, Who.ADMIN);
    private static final Set<Who> REVIEWERS = Set.of(Who.REVIEWER, Who.ADMIN);

    /** Anyone, signed in or not. */
    static final BiPredicate<Who, On> EVERYONE = (who, on) -> true;
    /** Published assessments: anyone; drafts: the organization's members. */
    static final BiPredicate<Who, On> READERS = (who, on) -> on == On.PUBLISHED || MEMBERS.contains(who);
    /** The organization's editors (the assessment's state may still refuse the change: that is not this test's business). */
    static final BiPredicate<Who, On> EDITORS_ONLY = (who, on) -> EDITORS.contains(who);
    /** Anyone signed in (what they may do there is shown or refused by the page itself). */
    static final BiPredicate<Who, On> SIGNED_IN = (who, on) -> who != Who.ANONYMOUS;
    /** The site administrators. */
    static final BiPredicate<Who, On> SITE_ADMINS = (who, on) -> who == Who.SITE_ADMIN;
    /** The organization's admins and the site administrators. */
    static final BiPredicate<Who, On> ORGANIZATION_ADMINS = (who, on) -> who == Who.ADMIN || who == Who.SITE_ADMIN;
    /** Anyone signed in who is an editor somewhere (the outsider is, in their own organization). */
    static final BiPredicate<Who, On> EDITORS_ANYWHERE = (who, on) -> EDITORS.contains(who) || who == Who.OUTSIDER;
    /** The organization's reviewers (and admins), whatever the assessment's state. */
    static final BiPredicate<Who, On> REVIEWERS_ONLY = (who, on) -> REVIEWERS.contains(who);
    /** The organization's reviewers, and the person asked for a second coding of the assessment (open or handed in). */
    static final BiPredicate<Who, On> REVIEWERS_AND_CODER = (who, on) -> REVIEWERS.contains(who) || who == Who.CODER;
    /** Only the named coder of an open second coding (the draft's); nobody on the published assessment. */
    static final BiPredicate<Who, On> OPEN_CODER = (who, on) -> who == Who.CODER && on == On.DRAFT;
    /** Anyone, signed in or not, but only on a published assessment (drafts answer 404 to everyone, members too). */
    static final BiPredicate<Who, On> PUBLISHED_ONLY = (who, on) -> on == On.PUBLISHED;
    /** The organization's members, and the site's administrators (the outsider gets 404, as if it did not exist). */
    static final BiPredicate<Who, On> ORGANIZATION_MEMBERS = (who, on) -> MEMBERS.contains(who) || who == Who.SITE_ADMIN;

    /** The federal document the routes with {federalId} are called on (a shipped one, so that the call reaches it). */
    static final String FEDERAL_ID = "us-federal-8-usc-1373-1644-information-sharing";

    /** The username in account routes ({username}): no such account, so that no call changes anyone. */
    static final String NOBODY = "test-matrix-nobody";

    /**
     * The table: for each route ("METHOD /pattern"), who gets through. A route this table does not name fails the test.
     */
    static final Map<String, BiPredicate<Who, On>> RULES = new LinkedHashMap<>();

    static {
        // public pages and data
        RULES.put("GET /", EVERYONE);
        RULES.put("GET /framework", EVERYONE);
        RULES.put("GET /framework/scoring", EVERYONE);
        RULES.put("GET /api/framework", EVERYONE);
        RULES.put("GET /jurisdictions", EVERYONE);
        RULES.put("GET /jurisdictions/suggest", EVERYONE);
        RULES.put("GET /jurisdictions/{geoid}", EVERYONE);
        RULES.put("GET /api/jurisdictions", EVERYONE);
        RULES.put("GET /api/jurisdictions/{geoid}", EVERYONE);
        RULES.put("GET /jurisdictions/{geoid}/worksheet", EVERYONE);
        RULES.put("GET /jurisdictions/{geoid}/worksheet.pdf", EVERYONE);
        RULES.put("GET /api/jurisdictions/{geoid}/assessments", EVERYONE);
        // the national picture: comparison, open downloads and their codebook (published work only)
        RULES.put("GET /compare", EVERYONE);
        for (String open : List.of("/downloads", "/downloads/codebook", "/downloads/{dataset}.csv", "/downloads/{dataset}.json",
                "/api/v1/exports/{dataset}.csv", "/api/v1/exports/{dataset}.json", "/api/v1/exports/codebook")) {
            RULES.put("GET " + open, EVERYONE);
        }
        // the versioned API: the same handlers as /api, read only; its OpenAPI description and Swagger UI (springdoc)
        for (String docs : List.of("/api/docs", "/api/docs.json", "/api/docs.json.yaml", "/api/docs.json/swagger-config")) {
            RULES.put("GET " + docs, EVERYONE);
        }
        RULES.put("GET /api/v1/framework", EVERYONE);
        RULES.put("GET /api/v1/jurisdictions", EVERYONE);
        RULES.put("GET /api/v1/jurisdictions/{geoid}", EVERYONE);
        RULES.put("GET /api/v1/jurisdictions/{geoid}/assessments", EVERYONE);
        for (String read : List.of("/api/v1/assessments/{id}", "/api/v1/assessments/{id}/history",
                "/api/v1/assessments/{id}/revisions/{revision}", "/api/v1/assessments/{id}/compare", "/api/v1/assessments/{id}/export")) {
            RULES.put("GET " + read, READERS);
        }
        RULES.put("GET /map", EVERYONE);
        RULES.put("GET /api/map", EVERYONE);
        // public lists (reference data) are public; turning their facts into answers needs an editor of the assessment
        RULES.put("GET /reference", EVERYONE);
        RULES.put("GET /reference/{list}", EVERYONE);
        RULES.put("GET /api/reference/lists", EVERYONE);
        RULES.put("GET /api/jurisdictions/{geoid}/facts", EVERYONE);
        RULES.put("GET /assessments/{id}/facts", EDITORS_ONLY);
        RULES.put("POST /assessments/{id}/facts/apply", EDITORS_ONLY);
        // the analyzer is a public tool; putting its findings into an assessment needs an editor of it
        RULES.put("GET /analyze", EVERYONE);
        RULES.put("POST /analyze", EVERYONE);
        RULES.put("GET /analyze/{id}", EVERYONE);
        RULES.put("POST /api/analyze", EVERYONE);
        RULES.put("GET /analyze/{id}/suggestions", EDITORS_ONLY);
        RULES.put("POST /analyze/{id}/apply", EDITORS_ONLY);
        // starting and importing assessments: editors of some organization
        RULES.put("GET /jurisdictions/{geoid}/assessments/new", SIGNED_IN);
        RULES.put("POST /jurisdictions/{geoid}/assessments", EDITORS_ANYWHERE);
        RULES.put("POST /api/jurisdictions/{geoid}/assessments", EDITORS_ANYWHERE);
        RULES.put("GET /assessments/import", SIGNED_IN);
        RULES.put("POST /assessments/import", EDITORS_ANYWHERE);
        RULES.put("POST /api/assessments/import", EDITORS_ANYWHERE);
        // one assessment: reading
        for (String read : List.of("/assessments/{id}", "/assessments/{id}/edit", "/assessments/{id}/history",
                "/assessments/{id}/compare", "/assessments/{id}/export.json", "/assessments/{id}/files/{fileId}",
                "/assessments/{id}/revisions/{revision}", "/assessments/{id}/worksheet", "/assessments/{id}/scorecard.pdf",
                "/assessments/{id}/worksheet.pdf", "/assessments/{id}/items/{kind}/{key}", "/assessments/{id}/items/{kind}",
                "/api/assessments/{id}", "/api/assessments/{id}/history", "/api/assessments/{id}/revisions/{revision}",
                "/api/assessments/{id}/compare", "/api/assessments/{id}/export")) {
            RULES.put("GET " + read, READERS);
        }
        // one assessment: changing it
        for (String write : List.of("PUT /api/assessments/{id}/header", "POST /api/assessments/{id}/header",
                "PUT /api/assessments/{id}/landscape/{question}", "POST /api/assessments/{id}/landscape/{question}",
                "PUT /api/assessments/{id}/answers/{question}", "POST /api/assessments/{id}/answers/{question}",
                "PUT /api/assessments/{id}/provisions/{provision}", "POST /api/assessments/{id}/provisions/{provision}",
                "POST /api/assessments/{id}/evidence", "PUT /api/assessments/{id}/evidence/{number}",
                "POST /api/assessments/{id}/evidence/{number}", "DELETE /api/assessments/{id}/evidence/{number}",
                "POST /api/assessments/{id}/evidence/{number}/remove")) {
            RULES.put(write, EDITORS_ONLY);
        }
        // submitting needs an editor; publishing and sending back a reviewer (the body decides which: empty = editor's gate)
        RULES.put("PUT /api/assessments/{id}/status", EDITORS_ONLY);
        RULES.put("POST /api/assessments/{id}/status", EDITORS_ONLY);
        // second coding: the sheet or the comparison by seat; asking, withdrawing and deciding for reviewers; answering
        // and handing in for the named coder only; the list of one's own for anyone signed in
        RULES.put("GET /second-coding", SIGNED_IN);
        RULES.put("GET /assessments/{id}/second-coding", REVIEWERS_AND_CODER);
        RULES.put("GET /api/assessments/{id}/second-coding", REVIEWERS_AND_CODER);
        RULES.put("GET /api/assessments/{id}/second-coding/comparison", REVIEWERS_ONLY);
        RULES.put("POST /api/assessments/{id}/second-coding", REVIEWERS_ONLY);
        RULES.put("DELETE /api/assessments/{id}/second-coding", REVIEWERS_ONLY);
        RULES.put("POST /api/assessments/{id}/second-coding/cancel", REVIEWERS_ONLY);
        RULES.put("PUT /api/assessments/{id}/second-coding/answers/{question}", OPEN_CODER);
        RULES.put("POST /api/assessments/{id}/second-coding/answers/{question}", OPEN_CODER);
        RULES.put("POST /api/assessments/{id}/second-coding/submit", OPEN_CODER);
        RULES.put("POST /api/assessments/{id}/second-coding/reconciliations/{question}", REVIEWERS_ONLY);
        RULES.put("GET /organizations/{slug}/second-coding", REVIEWERS_ONLY);
        RULES.put("GET /api/organizations/{slug}/second-coding", REVIEWERS_ONLY);
        // correction requests: anyone may send one about a published scorecard (these calls have empty bodies, so they
        // are refused as incomplete and store nothing: the rate limits, which count stored requests, never come into
        // play, and a 429 would count as getting through anyway); only the organization's reviewers read and handle them
        RULES.put("GET /corrections/assessments/{id}", PUBLISHED_ONLY);
        RULES.put("POST /corrections/assessments/{id}", PUBLISHED_ONLY);
        RULES.put("GET /corrections/assessments/{id}/sent", PUBLISHED_ONLY);
        RULES.put("POST /api/corrections/assessments/{id}", PUBLISHED_ONLY);
        RULES.put("GET /account/corrections", REVIEWERS_ONLY);
        RULES.put("GET /account/corrections/assessments/{id}/count", REVIEWERS_ONLY);
        RULES.put("GET /account/corrections/{requestId}", REVIEWERS_ONLY);
        RULES.put("GET /account/corrections/{requestId}/file", REVIEWERS_ONLY);
        RULES.put("POST /account/corrections/{requestId}/status", REVIEWERS_ONLY);
        // backups (downloads): the whole installation for site administrators, one organization for its admins
        // policies and effective protection: reading is public; adding a policy or confirming a label, editors anywhere
        RULES.put("GET /policies/{policyId}", EVERYONE);
        RULES.put("GET /jurisdictions/{geoid}/policies", EVERYONE);
        RULES.put("GET /api/policies/{policyId}", EVERYONE);
        RULES.put("GET /api/jurisdictions/{geoid}/policies", EVERYONE);
        RULES.put("GET /api/jurisdictions/{geoid}/protection", EVERYONE);
        RULES.put("GET /api/protection", EVERYONE);
        RULES.put("POST /api/policies", EDITORS_ANYWHERE);
        RULES.put("GET /policies/new", SIGNED_IN);
        RULES.put("POST /policies/new", EDITORS_ANYWHERE);
        RULES.put("PUT /api/policies/{policyId}/labels/{provision}", EDITORS_ANYWHERE);
        // federal law as context: read only, public
        for (String federal : List.of("/federal/{federalId}", "/api/federal", "/api/federal/{federalId}", "/api/v1/federal",
                "/api/v1/federal/{federalId}")) {
            RULES.put("GET " + federal, EVERYONE);
        }
        RULES.put("GET /admin/backup", SITE_ADMINS);
        RULES.put("GET /organizations/{slug}/backup", ORGANIZATION_ADMINS);
        // signing in and the first administrator (once an account exists, the setup link answers 410 Gone to everyone)
        RULES.put("GET /login", EVERYONE);
        RULES.put("GET /setup/{token}", EVERYONE);
        RULES.put("POST /setup/{token}", EVERYONE);
        // one's own account
        RULES.put("GET /account", SIGNED_IN);
        RULES.put("POST /account/password", SIGNED_IN);
        // organizations: the list is one's own; making one is for site administrators
        RULES.put("GET /organizations", SIGNED_IN);
        RULES.put("POST /organizations", SITE_ADMINS);
        RULES.put("GET /organizations/{slug}", ORGANIZATION_MEMBERS);
        for (String admin : List.of("POST /organizations/{slug}/members", "POST /organizations/{slug}/members/new",
                "POST /organizations/{slug}/members/{username}/remove", "GET /organizations/{slug}/audit",
                "GET /organizations/{slug}/audit.csv", "GET /organizations/{slug}/audit.jsonl")) {
            RULES.put(admin, ORGANIZATION_ADMINS);
        }
        // the site's administration
        for (String site : List.of("GET /admin", "POST /admin/accounts", "POST /admin/accounts/{username}/enabled",
                "POST /admin/accounts/{username}/password", "POST /admin/accounts/{username}/site-admin",
                "POST /admin/organizations", "GET /admin/audit", "GET /admin/audit.csv", "GET /admin/audit.jsonl")) {
            RULES.put(site, SITE_ADMINS);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Autowired
    Assessments assessments;

    @Autowired
    SecondCoding secondCoding;

    @Autowired
    JdbcClient jdbc;

    private record Route(String method, String pattern, boolean htmxOnly, boolean noHtmx, MediaType consumes) {
        String key() {
            return method + " " + pattern;
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (entry.getValue().getBeanType().getName().startsWith("org.springframework")) {
                continue; // Spring's own error controller
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean htmxOnly = info.getHeadersCondition().getExpressions().stream()
                    .anyMatch(e -> e.getName().equals("HX-Request") && !e.isNegated());
            boolean noHtmx = info.getHeadersCondition().getExpressions().stream()
                    .anyMatch(e -> e.getName().equals("HX-Request") && e.isNegated());
            MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().orElse(null);
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.name(), pattern, htmxOnly, noHtmx, consumes));
                }
            }
        }
        return routes;
    }

    @Test
    void everyRouteAnswersEachPersonAsTheTableSays() throws Exception {
        Organization organization = Members.standard(accounts);
        Map<Who, Account> people = new EnumMap<>(Who.class);
        people.put(Who.VIEWER, accounts.find(Members.VIEWER).orElseThrow());
        people.put(Who.EDITOR, accounts.find(Members.EDITOR).orElseThrow());
        people.put(Who.CODER, accounts.find(Members.SECOND_EDITOR).orElseThrow());
        people.put(Who.REVIEWER, accounts.find(Members.REVIEWER).orElseThrow());
        people.put(Who.ADMIN, accounts.find(Members.ADMIN).orElseThrow());
        people.put(Who.OUTSIDER, accounts.find(Members.OUTSIDER).orElseThrow());
        people.put(Who.SITE_ADMIN, Members.siteAdmin(accounts));

        Map<On, Long> ids = new EnumMap<>(On.class);
        for (On on : On.values()) {
            long id = assessments.create("06085", organization.id(), "Matrix " + on, "A", "2026-11-01", "A").id();
            assessments.saveAnswer(id, "question.detainers.formal-policy", 0, "Y", "x", "A");
            assessments.addEvidence(id, new EvidenceInput("question.detainers.formal-policy", "Ordinance", "ordinance", "Sec. 1",
                    null, "2026-11-01", "shall not", "policy", new EvidenceInput.FileUpload("o.txt", "text/plain",
                    "shall not".getBytes(StandardCharsets.UTF_8))), "A");
            // a blind second coding handed in (the same answer: reconciled at once), so that there is a comparison
            Members.as(people.get(Who.REVIEWER), () -> secondCoding.request(id, Members.SECOND_EDITOR));
            Members.as(people.get(Who.CODER), () -> secondCoding.saveAnswer(id, "question.detainers.formal-policy", "Y", "y"));
            Members.as(people.get(Who.CODER), () -> secondCoding.submit(id));
            if (on == On.PUBLISHED) {
                assessments.setStatus(id, 1, "in-review", null, "A");
                assessments.setStatus(id, assessments.get(id).version("status"), "published", null, "A");
            }
            ids.put(on, id);
        }
        askForSecondCoding(ids.get(On.DRAFT), people);
        String analysis = analysisId();
        long correction = correctionId(ids.get(On.PUBLISHED));
        policy = jdbc.sql("SELECT MIN(id) FROM policy").query(Long.class).single(); // a shipped policy, read once

        List<Route> routes = routes();
        Set<String> unknown = new TreeSet<>();
        List<String> unexpectedAllows = new ArrayList<>();
        List<String> unexpectedRefusals = new ArrayList<>();
        List<String> serverErrors = new ArrayList<>();
        int calls = 0;
        for (Route route : routes) {
            BiPredicate<Who, On> rule = RULES.get(route.key());
            if (rule == null) {
                unknown.add(route.key());
                continue;
            }
            boolean aboutAnAssessment = route.pattern().contains("/assessments/{id}") || route.pattern().startsWith("/analyze/{id}/");
            for (On on : aboutAnAssessment ? List.of(On.values()) : List.of(On.DRAFT)) {
                long id = ids.get(on);
                long fileId = assessments.get(id).content().evidence().get(0).fileId();
                for (Who who : Who.values()) {
                    MockHttpServletResponse response = call(route, who, people.get(who), id, fileId, analysis, correction);
                    calls++;
                    if (route.pattern().contains("second-coding") && on == On.DRAFT) {
                        askForSecondCoding(id, people); // again, if a reviewer's call withdrew it
                    }
                    boolean refused = refused(response);
                    boolean expected = rule.test(who, on);
                    String line = route.key() + " as " + who + " on " + on + " → " + response.getStatus()
                            + (response.getRedirectedUrl() == null ? "" : " " + response.getRedirectedUrl());
                    if (response.getStatus() >= 500) {
                        serverErrors.add(line);
                    } else if (!refused && !expected) {
                        unexpectedAllows.add(line);
                    } else if (refused && expected) {
                        unexpectedRefusals.add(line);
                    }
                }
            }
        }
        System.out.printf("access matrix: %d routes, %d calls, %d people, %d unexpected allows, %d unexpected refusals%n",
                routes.size(), calls, Who.values().length, unexpectedAllows.size(), unexpectedRefusals.size());
        assertThat(unknown).as("routes without a rule in AccessMatrixTest.RULES: add one").isEmpty();
        assertThat(unexpectedAllows).as("requests that got through where they must not").isEmpty();
        assertThat(serverErrors).as("server errors").isEmpty();
        assertThat(unexpectedRefusals).as("requests refused where the table allows them").isEmpty();
        assertThat(calls).isGreaterThan(300);
    }

    /** Makes sure the coder is asked for a blind second coding of the draft, open now. */
    private void askForSecondCoding(long draft, Map<Who, Account> people) {
        Account reviewer = people.get(Who.REVIEWER);
        boolean open = Members.as(reviewer, () -> secondCoding.requests(draft)).stream()
                .anyMatch(r -> r.state() == CodingState.OPEN && r.coderId() == people.get(Who.CODER).id());
        if (!open) {
            Members.as(reviewer, () -> secondCoding.request(draft, Members.SECOND_EDITOR));
        }
    }

    /** A document analyzed once, for the routes that work on an analysis. */
    private String analysisId() throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/analyze").param("text",
                "No officer shall hold a person on an ICE detainer.").with(csrf())).andReturn().getResponse();
        String location = response.getRedirectedUrl();
        assertThat(location).as("the analyzer answers with the results' address").isNotNull();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A correction request about the published assessment (with a file), for the routes that work on one. */
    private long correctionId(long published) throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/corrections/assessments/" + published)
                .file(new MockMultipartFile("file", "o.txt", "text/plain", "shall not".getBytes(StandardCharsets.UTF_8)))
                .param("name", "Dana").param("part", "other").param("whatIsWrong", "It changed.").param("citation", "Sec. 2")
                .with(csrf()).with(r -> {
                    r.setRemoteAddr("192.0.2.77");
                    return r;
                })).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).as("the correction request is received").endsWith("/sent");
        return jdbc.sql("SELECT MAX(id) FROM correction_request WHERE assessment_id = ?").param(published).query(Long.class).single();
    }

    /** The policy the routes with {policyId} are called on. */
    private long policy;

    private MockHttpServletResponse call(Route route, Who who, Account account, long id, long fileId, String analysis,
                                         long correction) throws Exception {
        String path = route.pattern().replace("{id}", route.pattern().startsWith("/analyze") ? analysis : String.valueOf(id))
                .replace("{requestId}", String.valueOf(correction))
                .replace("{geoid}", "06085").replace("{question}", "question.detainers.formal-policy")
                .replace("{provision}", "287g").replace("{number}", "1").replace("{revision}", "1")
                .replace("{fileId}", String.valueOf(fileId))
                .replace("{policyId}", String.valueOf(policy))
                .replace("{federalId}", FEDERAL_ID)
                .replace("{kind}", route.pattern().endsWith("{kind}") ? "header" : "answer")
                .replace("{key}", "question.detainers.formal-policy")
                .replace("{dataset}", "criteria").replace("{list}", "287g").replace("{slug}", Members.ORGANIZATION)
                .replace("{username}", NOBODY).replace("{token}", "A".repeat(43));
        if (path.endsWith("/compare")) {
            path += "?from=1&to=2";
        }
        if (route.pattern().startsWith("/analyze/{id}/")) {
            path += (path.contains("?") ? "&" : "?") + "assessment=" + id;
        }
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (route.consumes() != null && route.consumes().isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            builder = multipart(HttpMethod.valueOf(route.method()), path);
        } else {
            MockHttpServletRequestBuilder plain = request(HttpMethod.valueOf(route.method()), path);
            if (route.consumes() != null) {
                plain.contentType(route.consumes());
                plain.content(route.consumes().isCompatibleWith(MediaType.APPLICATION_JSON) ? "{}" : "");
            }
            builder = plain;
        }
        builder.with(csrf());
        if (route.htmxOnly()) {
            builder.header("HX-Request", "true");
        }
        if (account != null) {
            builder.with(user(new AccountPrincipal(account, "unused")));
        }
        return mvc.perform(builder).andReturn().getResponse();
    }

    private static boolean refused(MockHttpServletResponse response) {
        int status = response.getStatus();
        if (status == 401 || status == 403 || status == 404) {
            return true;
        }
        String location = response.getRedirectedUrl();
        return status / 100 == 3 && location != null && location.contains("/login");
    }
}

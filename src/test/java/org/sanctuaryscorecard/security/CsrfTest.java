package org.sanctuaryscorecard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.AccountPrincipal;
import org.sanctuaryscorecard.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * CSRF on every form and htmx request: every route that changes something, taken from Spring's handler mappings (a new
 * one is covered without a change here), is called by a signed-in site administrator who is also an admin of the
 * organization, the way another site's page could make their browser call it: a form post (or a file upload) without
 * the token, and, under {@code /api/}, the same as an htmx request. Every one must be refused with 403 before it
 * reaches its handler. The only requests that need no token are the JSON API's (a JSON body or DELETE without htmx,
 * which a page of another site cannot send without a CORS preflight that the application never allows), and a file
 * sent to {@code POST /api/analyze}, which changes and keeps nothing.
 */
@ScorecardWebTest
class CsrfTest {

    /** Requests another site's page can send that are allowed without a token, and why: see the class comment. */
    private static final Set<String> WITHOUT_TOKEN = Set.of("POST /api/analyze multipart");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Test
    void everyChangeWithoutTheTokenIsRefused() throws Exception {
        Members.standard(accounts);
        AccountPrincipal admin = new AccountPrincipal(Members.siteAdmin(accounts), "unused");
        List<String> gotThrough = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{[^}]+}", "1");
                    boolean multipartRoute = info.getConsumesCondition().getConsumableMediaTypes().stream()
                            .anyMatch(MediaType.MULTIPART_FORM_DATA::isCompatibleWith);
                    List<Boolean> htmx = pattern.startsWith("/api/") ? List.of(false, true) : List.of(false);
                    for (boolean asHtmx : htmx) {
                        String kind = multipartRoute ? "multipart" : "form";
                        if (WITHOUT_TOKEN.contains(method + " " + pattern + " " + kind) && !asHtmx) {
                            continue;
                        }
                        if (method == RequestMethod.DELETE && pattern.startsWith("/api/") && !asHtmx) {
                            continue; // a JSON API call: see the class comment
                        }
                        AbstractMockHttpServletRequestBuilder<?> builder = multipartRoute
                                ? multipart(HttpMethod.valueOf(method.name()), path).param("text", "x")
                                : request(HttpMethod.valueOf(method.name()), path)
                                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("answer=Y&version=0");
                        builder.with(user(admin));
                        if (asHtmx) {
                            builder.header("HX-Request", "true");
                        }
                        int status = mvc.perform(builder).andReturn().getResponse().getStatus();
                        calls++;
                        if (status != 403) {
                            gotThrough.add(method + " " + pattern + (asHtmx ? " (htmx)" : "") + " " + kind + " → " + status);
                        }
                    }
                }
            }
        }
        System.out.printf("CSRF: %d requests without the token, %d got through%n", calls, gotThrough.size());
        assertThat(gotThrough).as("changes accepted without a CSRF token").isEmpty();
        assertThat(calls).isGreaterThan(50);
    }
}

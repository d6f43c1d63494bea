package org.sanctuaryscorecard.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.policy.Policy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The form to add a policy: the analyzer proposes, the person confirms or corrects every label, hostile text escaped. */
@ScorecardWebTest
class PolicyFormTest {

    static final String HOSTILE = "<script>alert('x')</script>\"'><svg/onload=alert(2)>'; DROP TABLE policy; --";
    static final String TEXT = "Section 1. No officer of the city shall inquire into the immigration status of any person. " + HOSTILE;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    Policies policies;

    @Autowired
    Framework framework;

    @BeforeEach
    void members() {
        Members.standard(accounts);
    }

    private MockHttpServletRequestBuilder form(String step) {
        return post("/policies/new").with(csrf()).with(user(users.loadUserByUsername(Members.EDITOR)))
                .param("step", step).param("jurisdiction", "0644000").param("title", "Test form ordinance " + HOSTILE)
                .param("kind", "ordinance").param("status", "unverified").param("effectiveOn", "2020-01-01").param("text", TEXT);
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndViewersMayNotSave() throws Exception {
        mvc.perform(get("/policies/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/policies/new").with(csrf()).with(user(users.loadUserByUsername(Members.VIEWER))).param("step", "propose"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAnalyzerProposesEveryLabelIsConfirmedAndThePolicyIsSaved() throws Exception {
        mvc.perform(form("propose"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("the analyzer proposed: protects")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));

        MockHttpServletRequestBuilder unticked = form("save").param("label-status-inquiry", "protects")
                .param("quote-status-inquiry", "No officer of the city shall inquire into the immigration status of any person.");
        mvc.perform(unticked).andExpect(status().isOk())
                .andExpect(content().string(containsString("13 labels are not ticked as checked")));

        MockHttpServletRequestBuilder save = form("save").param("label-status-inquiry", "protects")
                .param("quote-status-inquiry", "No officer of the city shall inquire into the immigration status of any person.");
        framework.provisions().forEach(p -> save.param("confirm-" + p.id(), "yes"));
        mvc.perform(save).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/policies/*"));

        Policy stored = policies.binding("0644000").stream().filter(p -> p.title().startsWith("Test form ordinance")).findFirst().orElseThrow();
        assertThat(stored.title()).endsWith(HOSTILE);
        assertThat(stored.label("status-inquiry").label()).isEqualTo("protects");
        assertThat(stored.label("status-inquiry").confirmedBy()).isEqualTo("Tester test-editor");
        assertThat(stored.label("status-inquiry").originNote()).isEqualTo("proposed by the analyzer, confirmed or corrected by a person");
        mvc.perform(get("/policies/{id}", stored.id())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<svg/onload"))));
    }

    @Test
    void aQuoteNotInTheTextOrABadDateIsExplainedAndNothingIsStored() throws Exception {
        int before = policies.binding("0644000").size();
        MockHttpServletRequestBuilder save = form("save").param("label-status-inquiry", "protects")
                .param("quote-status-inquiry", "Officers never ask.");
        framework.provisions().forEach(p -> save.param("confirm-" + p.id(), "yes"));
        mvc.perform(save).andExpect(status().isOk())
                .andExpect(content().string(containsString("does not occur in the text, word for word")));
        MockHttpServletRequestBuilder badDate = form("save").param("enactedOn", "last spring");
        framework.provisions().forEach(p -> badDate.param("confirm-" + p.id(), "yes"));
        mvc.perform(badDate).andExpect(status().isOk())
                .andExpect(content().string(containsString("The enactedOn must be a date (YYYY-MM-DD).")));
        assertThat(policies.binding("0644000")).hasSize(before);
    }
}

package org.sanctuaryscorecard.assessment.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.assessment.AssessmentNotFoundException;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one gate in front of every page and API call about one assessment ({@code /assessments/{id}/...} and
 * {@code /api/assessments/{id}/...} and the same under {@code /api/v1/}, whichever module serves it): reading needs the assessment to be published or
 * the reader to be a member of its organization; anything else needs an editor there. Someone not signed in is sent
 * to sign in; a signed-in person who may not see it gets 404, as if it did not exist. Steps of the workflow that
 * need more (publishing needs a reviewer) are checked where they are made.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentAccess implements HandlerInterceptor, WebMvcConfigurer {

    private final Assessments assessments;
    private final AccessPolicy policy;

    AssessmentAccess(Assessments assessments, AccessPolicy policy) {
        this.assessments = assessments;
        this.policy = policy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/assessments/*", "/assessments/*/**", "/api/assessments/*",
                "/api/assessments/*/**", "/api/v1/assessments/*", "/api/v1/assessments/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String given = variables == null ? null : variables.get("id");
        if (given == null) {
            return true; // /assessments/import and the like: checked by their controllers
        }
        long id;
        try {
            id = Long.parseLong(given);
        } catch (NumberFormatException e) {
            return true; // the controller answers the bad number
        }
        Assessments.Ownership ownership = assessments.ownership(id).orElseThrow(() -> new AssessmentNotFoundException(id));
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!policy.canView(ownership.organizationId(), ownership.published())) {
            if (!policy.signedIn()) {
                throw new AccessDeniedException("sign in to see this assessment");
            }
            throw new AssessmentNotFoundException(id);
        }
        if (!reading && !policy.has(ownership.organizationId(), Role.EDITOR)) {
            if (!policy.signedIn()) {
                throw new AccessDeniedException("sign in to change this assessment");
            }
            throw new ExplainedException(HttpStatus.FORBIDDEN, "assessment.error.forbidden");
        }
        return true;
    }
}

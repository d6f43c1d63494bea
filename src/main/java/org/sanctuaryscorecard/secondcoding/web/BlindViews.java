package org.sanctuaryscorecard.secondcoding.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notices when a blind second coder opens or changes the assessment they are coding: any page, API answer or save
 * about it that succeeded for them (the scorecard, the editor, the history, an export, a PDF, the analyzer's
 * suggestions for it, a saved answer) while their request is open. Blind coding is a rule the coder keeps, since as
 * an editor they may read the assessment; this only makes a break of it visible to the reviewer and in the audit
 * trail. The second-coding pages themselves show nothing of the first coding and are not counted.
 */
@Configuration(proxyBeanMethods = false)
class BlindViews implements HandlerInterceptor, WebMvcConfigurer {

    private final SecondCoding secondCoding;

    BlindViews(SecondCoding secondCoding) {
        this.secondCoding = secondCoding;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .addPathPatterns("/assessments/*", "/assessments/*/**", "/api/assessments/*", "/api/assessments/*/**",
                        "/analyze/*/suggestions", "/analyze/*/apply")
                .excludePathPatterns("/assessments/*/second-coding", "/assessments/*/second-coding/**",
                        "/api/assessments/*/second-coding", "/api/assessments/*/second-coding/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        boolean redirectAfterSave = !"GET".equals(request.getMethod()) && response.getStatus() == 302;
        if (failure != null || response.getStatus() >= 300 && !redirectAfterSave) {
            return;
        }
        Long id = assessmentId(request);
        if (id != null) {
            secondCoding.noteViewWhileBlind(id, request.getMethod() + " " + request.getRequestURI());
        }
    }

    private static Long assessmentId(HttpServletRequest request) {
        String given;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/analyze/")) {
            given = request.getParameter("assessment");
        } else {
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            given = variables == null ? null : variables.get("id");
        }
        try {
            return given == null ? null : Long.valueOf(given.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

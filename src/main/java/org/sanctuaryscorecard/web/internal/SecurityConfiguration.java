package org.sanctuaryscorecard.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security rules and headers. Everything public so far is read-only; accounts come with the trust issue. The
 * Content-Security-Policy allows only the application's own scripts and styles: no inline script, no CDN.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::isJsonApiRequest))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * API requests from tools need no CSRF token: JSON bodies and DELETE cannot be sent cross-site by a browser without
     * a CORS preflight, which this application never allows. Every form and every htmx request (they carry HX-Request)
     * still needs its token.
     *
     * <p>One multipart API is exempt too: {@code POST /api/analyze}, so that tools can send a file to the analyzer
     * ({@code curl -F file=@policy.pdf}) as they send JSON. A page on another site could make a browser send it, but
     * it changes nothing stored and keeps nothing, and that page cannot read the answer (no CORS); the analyzer's
     * load limit guards the server as it does for any other client.
     */
    static boolean isJsonApiRequest(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || request.getHeader("HX-Request") != null) {
            return false;
        }
        if ("DELETE".equals(request.getMethod())) {
            return true;
        }
        String type = request.getContentType();
        try {
            if (type != null && "POST".equals(request.getMethod())
                    && request.getRequestURI().equals(request.getContextPath() + "/api/analyze")
                    && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(MediaType.parseMediaType(type))) {
                return true;
            }
            return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}

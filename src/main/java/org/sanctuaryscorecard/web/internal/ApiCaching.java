package org.sanctuaryscorecard.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Caching of the public data (the JSON API, {@code /api/...} and {@code /api/v1/...}, and the open-data files):
 * <ul>
 *   <li>a weak ETag computed from the content of every JSON answer (weak: it names the content whatever its
 *       encoding, so that the server may gzip the answer; Tomcat does not compress an answer with a strong ETag),
 *       and 304 Not Modified when the client sends it
 *       back in If-None-Match (the streamed files compute theirs from the published assessments' revisions and opt
 *       out of this one);</li>
 *   <li>Cache-Control: {@code public, max-age=60} for a reader who is not signed in; {@code private, no-store} for
 *       anyone signed in, whose answers may hold drafts of their organization; {@code Vary: Authorization, Cookie}
 *       so that a shared cache never hands one person's answer to another.</li>
 * </ul>
 * Only reads (GET and HEAD) are concerned; writes keep Spring Security's no-cache headers.
 */
@Configuration(proxyBeanMethods = false)
class ApiCaching implements WebMvcConfigurer {

    /** How long a client or shared cache may reuse a public answer without asking again. */
    static final int MAX_AGE_SECONDS = 60;
    static final String PUBLIC = "public, max-age=" + MAX_AGE_SECONDS;
    static final String SIGNED_IN = "private, no-store";

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter();
        filter.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setName("apiEtags");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    response.setHeader(HttpHeaders.CACHE_CONTROL, signedIn() ? SIGNED_IN : PUBLIC);
                    response.addHeader(HttpHeaders.VARY, "Authorization, Cookie");
                }
                return true;
            }
        }).addPathPatterns("/api/**", "/downloads/*.csv", "/downloads/*.json");
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }
}

package org.sanctuaryscorecard.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security rules and headers. Reading is public: the framework, jurisdictions, published assessments, the analyzer;
 * everything that changes something needs an account, and whether that account may do it in that organization is
 * decided by {@link org.sanctuaryscorecard.account.AccessPolicy} where the change is made. People sign in with a
 * form (pages) or HTTP Basic (tools calling {@code /api/}); sessions live in the database. The Content-Security-Policy
 * allows only the application's own scripts and styles: no inline script, no CDN.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Pages only for people who are signed in (what they may do there is checked by the pages). */
    private static final String[] SIGNED_IN_PAGES = {"/account", "/account/**", "/organizations", "/organizations/**", "/admin",
            "/admin/**"};
    /** Requests that change something and need no account: signing in, the first administrator, the analyzer. */
    private static final String[] PUBLIC_WRITES = {"/login", "/setup/*", "/analyze", "/api/analyze", "/corrections/**",
            "/api/corrections/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Only in the web application: commands run without a web server ({@code users}) need the encoder, not the rules. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginOutcomes outcomes, ActorFilter actorFilter) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGNED_IN_PAGES).authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(PUBLIC_WRITES).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(outcomes).failureHandler(outcomes))
                .httpBasic(basic -> basic.realmName("Sanctuary Scorecard"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(basicEntryPoint(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
                .addFilterAfter(actorFilter, BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::isJsonApiRequest)
                        .csrfTokenRepository(new CookieCsrfTokenRepository())
                        .csrfTokenRequestHandler(eagerTokens()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * The CSRF token lives in a cookie (HttpOnly; the pages put it in their forms), not in the session: a visitor who
     * only reads gets no session row in the database. It is loaded at the start of every request, because a page
     * may be sent in parts and a cookie cannot be added once the first part has gone. Tokens are masked per response
     * (BREACH).
     */
    private static XorCsrfTokenRequestAttributeHandler eagerTokens() {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        return handler;
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("Sanctuary Scorecard");
        return entryPoint;
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

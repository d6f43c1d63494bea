package org.sanctuaryscorecard.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Keeps the most read public answers in front of the application ({@link PublicAnswers}): before the session and
 * security filters, which an answer kept for everyone does not need. {@code scorecard.public-answers.enabled=false}
 * turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "scorecard.public-answers.enabled", havingValue = "true", matchIfMissing = true)
class PublicAnswersConfiguration {

    /** Before Spring Session's filter (Integer.MIN_VALUE + 50) and Spring Security's (-100). */
    static final int ORDER = Integer.MIN_VALUE + 20;

    @Bean
    PublicAnswers publicAnswers(AuditTrail audit, LocaleResolver localeResolver, Clock clock,
                                @Value("${scorecard.public-answers.max-entries:2000}") int maxEntries,
                                @Value("${scorecard.public-answers.max-bytes:64MB}") DataSize maxBytes,
                                @Value("${scorecard.public-answers.max-answer:4MB}") DataSize maxAnswer,
                                @Value("${scorecard.public-answers.ttl:60s}") Duration ttl,
                                @Value("${scorecard.public-answers.freshness:1s}") Duration freshness,
                                @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
                                @Value("${server.compression.enabled:false}") boolean compression,
                                @Value("${server.compression.mime-types:text/html,text/css,application/javascript,application/json}")
                                String compressedTypes,
                                @Value("${server.compression.min-response-size:2KB}") DataSize compressFrom) {
        Set<String> types = compression ? Arrays.stream(compressedTypes.split(",")).map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet()) : Set.of();
        return new PublicAnswers(audit, localeResolver, clock, new PublicAnswers.Settings(maxEntries, maxBytes.toBytes(),
                (int) Math.min(Integer.MAX_VALUE, maxAnswer.toBytes()), ttl, freshness, sessionCookie, types,
                (int) compressFrom.toBytes()));
    }

    @Bean
    FilterRegistrationBean<PublicAnswers> publicAnswersFilter(PublicAnswers answers) {
        FilterRegistrationBean<PublicAnswers> registration = new FilterRegistrationBean<>(answers);
        registration.setName("publicAnswers");
        registration.setOrder(ORDER);
        return registration;
    }
}

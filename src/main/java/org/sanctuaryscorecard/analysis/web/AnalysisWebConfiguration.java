package org.sanctuaryscorecard.analysis.web;

import java.time.Clock;

import org.sanctuaryscorecard.analysis.Analyzer;
import org.sanctuaryscorecard.analysis.TextExtractor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One analyzer and one extractor for every request (both are thread-safe), the load gate and the result cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisSettings.class)
class AnalysisWebConfiguration {

    @Bean
    Analyzer analyzer() {
        return Analyzer.bundled();
    }

    @Bean
    TextExtractor textExtractor() {
        return new TextExtractor();
    }

    @Bean
    AnalysisGate analysisGate(AnalysisSettings settings) {
        return new AnalysisGate(settings.permits(), settings.retryAfter());
    }

    @Bean
    AnalysisCache analysisCache(AnalysisSettings settings, Clock clock) {
        return new AnalysisCache(settings.keep(), settings.cacheEntries(), settings.cacheCharacters(), clock);
    }
}

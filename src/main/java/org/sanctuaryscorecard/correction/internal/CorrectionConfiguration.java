package org.sanctuaryscorecard.correction.internal;

import org.sanctuaryscorecard.correction.CorrectionLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The limits on correction requests, from {@code scorecard.corrections.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorrectionLimits.class)
class CorrectionConfiguration {
}

package org.sanctuaryscorecard.protection.internal;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.protection.Layering;
import org.sanctuaryscorecard.protection.LayeringRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads and checks the layering rules at start-up: a wrong rule stops the start with a message naming it. */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    @Bean
    Layering layering(Framework framework) {
        return new Layering(LayeringRules.readBundled(framework));
    }
}

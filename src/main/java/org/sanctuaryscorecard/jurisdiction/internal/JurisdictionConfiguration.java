package org.sanctuaryscorecard.jurisdiction.internal;

import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog is built once, in memory, from the shipped Census files. */
@Configuration(proxyBeanMethods = false)
class JurisdictionConfiguration {

    @Bean
    JurisdictionCatalog jurisdictionCatalog() {
        return JurisdictionCatalog.fromCensusFiles();
    }

    @Bean
    JurisdictionRowsMigration jurisdictionRowsMigration(JurisdictionCatalog catalog) {
        return new JurisdictionRowsMigration(catalog);
    }
}

package org.sanctuaryscorecard.reference.internal;

import java.time.Clock;

import javax.sql.DataSource;

import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reference lists' service, and the migration that loads the shipped lists. */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

    @Bean
    ShippedListsMigration shippedListsMigration(JurisdictionCatalog catalog) {
        return new ShippedListsMigration(catalog, Clock.systemUTC());
    }

    @Bean
    ReferenceData referenceData(DataSource dataSource, JurisdictionCatalog catalog, AuditTrail audit, Clock clock) {
        ReferenceStore store = new ReferenceStore(new JdbcTemplate(dataSource));
        return new ReferenceData(store, new ListLoader(store, new Matcher(catalog), clock), audit);
    }
}

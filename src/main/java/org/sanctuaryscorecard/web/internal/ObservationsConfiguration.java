package org.sanctuaryscorecard.web.internal;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No Micrometer observations. The application exports no traces and no metrics (only {@code /actuator/health} is
 * exposed), yet with an observation registry Spring Security wraps every filter of its chain in an observation: a
 * profile under load (docs/performance.md) found a fifth of each request's time there. A registry that is a no-op
 * makes Spring Security leave its chain undecorated. An installation that wants traces replaces this bean.
 */
@Configuration(proxyBeanMethods = false)
class ObservationsConfiguration {

    @Bean
    ObservationRegistry observationRegistry() {
        return ObservationRegistry.NOOP;
    }
}

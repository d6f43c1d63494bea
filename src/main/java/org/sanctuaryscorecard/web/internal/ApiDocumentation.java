package org.sanctuaryscorecard.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The head of the OpenAPI description at {@code /api/docs.json} (springdoc fills in the routes of {@code /api/v1}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI sanctuaryScorecardApi() {
        return new OpenAPI().info(new Info()
                .title("Sanctuary Scorecard API")
                .version("v1")
                .description("Read-only JSON API of everything public: the framework, jurisdictions and their search, "
                        + "published assessments, and the open-data exports (codebook at /downloads/codebook). "
                        + "Answers carry a weak ETag (send it back in If-None-Match for 304 Not Modified), are gzipped for clients that accept it, and "
                        + "Cache-Control: public, max-age=60 when no one is signed in, private, no-store otherwise. "
                        + "The unversioned /api routes of earlier releases keep working and are the same handlers.")
                .license(new License().name("Data: CC BY 4.0; software: Apache-2.0")
                        .url("https://creativecommons.org/licenses/by/4.0/")));
    }
}

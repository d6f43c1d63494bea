package org.sanctuaryscorecard.web.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints the address to open once the application is ready, and where its data lives. */
@Component
class StartupMessage {

    private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        String path = env.getProperty("server.servlet.context-path", "");
        String database = env.getProperty("spring.datasource.url", "");
        log.info("Sanctuary Scorecard is ready. Open http://localhost:{}{}/ in a browser.", web.getWebServer().getPort(), path);
        log.info("Database: {}", database.startsWith("jdbc:h2:file:")
                ? "embedded H2 in " + env.getProperty("scorecard.data-dir") + " (set SCORECARD_DATA_DIR to move it)"
                : database.replaceAll("password=[^&;]*", "password=***"));
    }
}

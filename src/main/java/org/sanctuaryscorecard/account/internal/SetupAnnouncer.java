package org.sanctuaryscorecard.account.internal;

import org.sanctuaryscorecard.account.InstallationSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On a start with no account, prints the one-time link that creates the first administrator (at WARN, so that it shows
 * whatever the log level). Only the web application prints it: commands run without a web server do not.
 */
@Component
class SetupAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(SetupAnnouncer.class);

    private final InstallationSetup setup;

    SetupAnnouncer(InstallationSetup setup) {
        this.setup = setup;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        setup.newLink().ifPresent(token -> log.warn("""

                No account exists yet. To create the first administrator, open this link within {} hours (it works once; \
                each start prints a new one until an administrator exists):

                    {}/setup/{}
                """, InstallationSetup.LINK_VALID.toHours(), baseUrl(event.getApplicationContext().getEnvironment(),
                web.getWebServer().getPort()), token));
    }

    private static String baseUrl(Environment env, int port) {
        String address = env.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "localhost"
                : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port + env.getProperty("server.servlet.context-path", "");
    }
}

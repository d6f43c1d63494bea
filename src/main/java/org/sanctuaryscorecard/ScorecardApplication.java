package org.sanctuaryscorecard;

import org.sanctuaryscorecard.cli.ScorecardCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sanctuary Scorecard: one jar with two faces. With no arguments, or {@code serve}, it starts the web
 * application; with a command ({@code jurisdictions find ...}) it runs that command without a web server (and, for
 * {@code users} and {@code backup}, with the database).
 */
@SpringBootApplication
public class ScorecardApplication {

    public static void main(String[] args) {
        int exitCode = ScorecardCli.run(args, springArgs -> SpringApplication.run(ScorecardApplication.class, springArgs),
                ScorecardApplication::withoutWebServer);
        if (exitCode != ScorecardCli.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }

    /**
     * The application without its web server, for commands that need the database ({@code users}, {@code backup}): its start-up
     * messages below WARN stay quiet, so that the command's own output is what shows.
     */
    public static ConfigurableApplicationContext withoutWebServer(String[] springArgs) {
        return new SpringApplicationBuilder(ScorecardApplication.class).web(WebApplicationType.NONE)
                .properties("spring.main.log-startup-info=false", "logging.level.root=WARN", "logging.level.org.flywaydb=ERROR")
                .run(springArgs);
    }
}

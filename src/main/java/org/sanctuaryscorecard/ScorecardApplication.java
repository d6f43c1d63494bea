package org.sanctuaryscorecard;

import org.sanctuaryscorecard.cli.ScorecardCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sanctuary Scorecard: one jar with two faces. With no arguments, or {@code serve}, it starts the web
 * application; with a command ({@code jurisdictions find ...}) it runs that command without a web server.
 */
@SpringBootApplication
public class ScorecardApplication {

    public static void main(String[] args) {
        int exitCode = ScorecardCli.run(args, springArgs -> SpringApplication.run(ScorecardApplication.class, springArgs));
        if (exitCode != ScorecardCli.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}

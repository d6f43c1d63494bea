package org.sanctuaryscorecard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code serve}: starts the web application; unknown options are handed to Spring Boot. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web application (the default when no command is given).",
                "Spring options pass through, e.g. --server.port=9090 --scorecard.data-dir=DIR."})
final class ServeCommand implements Callable<Integer> {
    static Consumer<String[]> launcher;
    static boolean started;

    @CommandLine.Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            launcher.accept(springArgs.toArray(String[]::new));
        } catch (RuntimeException alreadyReportedBySpringBoot) {
            return 1;
        }
        started = true;
        return 0;
    }
}

package org.sanctuaryscorecard.backup;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;

import org.sanctuaryscorecard.cli.ScorecardCli;
import org.springframework.context.ConfigurableApplicationContext;

/** One run of the command line, as a person would type it: its exit code and what it wrote. No web server is started. */
record CommandRun(int code, String out, String err) {

    static CommandRun of(Function<String[], ConfigurableApplicationContext> startContext, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ScorecardCli.run(args, springArgs -> {
            throw new AssertionError("the web server is not started for this command");
        }, startContext, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(code, out.toString(), err.toString());
    }
}

package org.sanctuaryscorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScorecardCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String[]> serverStarts = new ArrayList<>();

    private int run(String... args) {
        return ScorecardCli.run(args, serverStarts::add, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheCommandsAndDoesNotStartTheServer() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(serverStarts).isEmpty();
        assertThat(out.toString()).contains("serve", "jurisdictions", "Usage: sanctuary-scorecard");
    }

    @Test
    void noArgumentsStartsTheServer() {
        int code = run();

        assertThat(code).isEqualTo(ScorecardCli.KEEP_RUNNING);
        assertThat(serverStarts).singleElement().satisfies(args -> assertThat(args).isEmpty());
    }

    @Test
    void springOptionsAloneMeanServeAndArePassedThrough() {
        int code = run("--server.port=9090", "--scorecard.data-dir=/tmp/x");

        assertThat(code).isEqualTo(ScorecardCli.KEEP_RUNNING);
        assertThat(serverStarts).singleElement()
                .satisfies(args -> assertThat(args).containsExactly("--server.port=9090", "--scorecard.data-dir=/tmp/x"));
    }

    @Test
    void serveWithOptionsPassesThemToSpring() {
        run("serve", "--server.port=9090");

        assertThat(serverStarts).singleElement().satisfies(args -> assertThat(args).containsExactly("--server.port=9090"));
    }

    @Test
    void aServerThatFailsToStartGivesExitCodeOne() {
        int code = ScorecardCli.run(new String[] {"serve"}, args -> {
            throw new IllegalStateException("port in use");
        }, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(1);
    }

    @Test
    void findPrintsATableWithTheBestMatchFirst() {
        int code = run("jurisdictions", "find", "santa", "clara");

        assertThat(code).isZero();
        assertThat(serverStarts).isEmpty();
        String[] lines = out.toString().split("\\R");
        assertThat(lines[0]).startsWith("GEOID").contains("NAME", "KIND", "STATE", "POPULATION");
        assertThat(lines[1]).startsWith("06085").contains("Santa Clara County", "county", "California", "1,903,297");
        assertThat(lines).hasSizeBetween(3, 11);
    }

    @Test
    void findHonoursTheLimit() {
        run("jurisdictions", "find", "--limit", "3", "springfield");

        assertThat(out.toString().split("\\R")).hasSize(4);
    }

    @Test
    void findWithNoMatchSaysSoAndFails() {
        int code = run("jurisdictions", "find", "zzzqqqxx");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("No jurisdiction matches \"zzzqqqxx\"");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void findRefusesAnOverlongQueryWithAClearMessage() {
        int code = run("jurisdictions", "find", "x".repeat(10_000));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("the limit is 100").doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnknownCommandIsExplained() {
        int code = run("frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument", "frobnicate");
        assertThat(serverStarts).isEmpty();
    }
}

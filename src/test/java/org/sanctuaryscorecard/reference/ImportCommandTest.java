package org.sanctuaryscorecard.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryscorecard.ScorecardApplication;
import org.sanctuaryscorecard.cli.ScorecardCli;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code import 287g FILE} as a person types it, on a database of its own. */
class ImportCommandTest {

    @TempDir
    Path dir;

    final String url = "jdbc:h2:mem:import-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    int started;

    final Function<String[], ConfigurableApplicationContext> startContext = springArgs -> {
        started++;
        // its own H2 database, whatever SPRING_DATASOURCE_* the environment gives (CI's PostgreSQL run sets them)
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=test", "--spring.datasource.url=" + url,
                "--spring.datasource.username=sa", "--spring.datasource.password="));
        all.addAll(List.of(springArgs));
        return new SpringApplicationBuilder(ScorecardApplication.class).web(WebApplicationType.NONE).run(all.toArray(String[]::new));
    };

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ScorecardCli.run(args, springArgs -> {
            throw new AssertionError("no web server for this command");
        }, startContext, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importsANewerListRefusesAnOlderOneAndExplainsBadInputWithoutOpeningTheDatabase() throws Exception {
        Path newer = dir.resolve("participatingAgencies09302025.csv");
        Files.writeString(newer, ReferenceImportTest.NEWER, StandardCharsets.UTF_8);
        Run imported = run("import", "287g", newer.toString());
        assertThat(imported.err()).isEmpty();
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains("Imported the 287g list participatingAgencies09302025.csv of 2025-09-30: 2 rows,"
                + " 2 matched to a jurisdiction, 0 not matched").contains("which is kept as history");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        assertThat(jdbc.queryForObject("SELECT loaded_by FROM reference_list WHERE origin = 'imported'", String.class))
                .startsWith("import 287g, by command line (");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_list WHERE kind = '287g' AND superseded_by IS NOT NULL",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target_type = 'reference-list' AND action = 'import'",
                Integer.class)).isEqualTo(1);

        Run older = run("import", "287g", newer.toString(), "--date", "2025-01-01");
        assertThat(older.code()).isEqualTo(1);
        assertThat(older.err()).contains("is a list of 2025-01-01, older than the current 287g list of 2025-09-30")
                .contains("--force");
        assertThat(started).isEqualTo(2);

        Path bad = dir.resolve("bad-2025-10-01.csv");
        Files.writeString(bad, "state,agency\nALABAMA,X\n", StandardCharsets.UTF_8);
        Run badColumns = run("import", "287g", bad.toString());
        assertThat(badColumns.code()).isEqualTo(1);
        assertThat(badColumns.err()).contains("line 1 of \u201cbad-2025-10-01.csv\u201d: the column(s) law_enforcement_agency, type,"
                + " county, support_type, signed are missing");
        Files.writeString(bad, ReferenceImportTest.NEWER + "ALABAMA,\"Unclosed,County\n", StandardCharsets.UTF_8);
        assertThat(run("import", "287g", bad.toString()).err()).contains("line 4: 2 fields where the header has 8");
        assertThat(run("import", "dhs-list", dir.resolve("missing.csv").toString()).err()).contains("There is no file");
        Run badDate = run("import", "doj-list", newer.toString(), "--date", "August 5");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("--date August 5 is not a date");
        assertThat(started).as("bad input is explained before the database is opened").isEqualTo(2);
    }
}

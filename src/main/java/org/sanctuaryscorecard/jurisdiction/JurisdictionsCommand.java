package org.sanctuaryscorecard.jurisdiction;

import java.io.PrintWriter;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jurisdictions find NAME}: look up states, counties and places from the command line. */
@Command(name = "jurisdictions", mixinStandardHelpOptions = true,
        description = "Look up U.S. states, counties and places (Census GEOIDs).",
        subcommands = {JurisdictionsCommand.Find.class})
public final class JurisdictionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = {"Print the jurisdictions whose name matches NAME, best match first.",
                    "Example: jurisdictions find \"santa clara\""})
    static final class Find implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "Part of a name; several words are joined.")
        List<String> words;

        @Option(names = {"-n", "--limit"}, defaultValue = "10",
                description = "Most matches to print, 1 to " + JurisdictionCatalog.MAX_RESULTS + " (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            JurisdictionCatalog catalog = JurisdictionCatalog.fromCensusFiles();
            List<Jurisdiction> matches;
            try {
                matches = catalog.search(String.join(" ", words), limit);
            } catch (JurisdictionCatalog.InvalidSearchException e) {
                err.println("Error: " + e.getMessage());
                return 2;
            }
            if (matches.isEmpty()) {
                err.println(new java.text.MessageFormat(java.util.ResourceBundle.getBundle("messages", Locale.ROOT)
                        .getString("cli.find.none"), Locale.US).format(new Object[] {String.join(" ", words)}));
                return 1;
            }
            out.print(table(catalog, matches));
            out.flush();
            return 0;
        }
    }

    /** The matches as a plain-text table: GEOID, name, kind, state, population. */
    static String table(JurisdictionCatalog catalog, List<Jurisdiction> matches) {
        String[] header = {"GEOID", "NAME", "KIND", "STATE", "POPULATION"};
        String[][] rows = new String[matches.size()][];
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.US);
        for (int i = 0; i < matches.size(); i++) {
            Jurisdiction j = matches.get(i);
            rows[i] = new String[] {j.geoid(), j.name(), j.kind().id(), catalog.stateOf(j).name(),
                    j.population() == null ? "-" : number.format(j.population())};
        }
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder table = new StringBuilder();
        appendRow(table, header, widths);
        for (String[] row : rows) {
            appendRow(table, row, widths);
        }
        return table.toString();
    }

    private static void appendRow(StringBuilder table, String[] cells, int[] widths) {
        for (int c = 0; c < cells.length; c++) {
            boolean numeric = c == cells.length - 1;
            String format = "%" + (numeric ? "" : "-") + widths[c] + "s";
            table.append(String.format(format, cells[c]));
            table.append(c == cells.length - 1 ? System.lineSeparator() : "  ");
        }
    }
}

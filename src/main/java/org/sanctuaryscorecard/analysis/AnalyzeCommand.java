package org.sanctuaryscorecard.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code analyze [--json] [--out DIR] FILE...}: label documents on the thirteen provisions from the command line. A
 * file that cannot be read is reported and skipped; the others are still analyzed, and the exit code is then 1.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Read ordinances, statutes, policies or agreements (PDF, DOCX, HTML or text) and label each on the "
                + "thirteen provisions (protects, limited, contrary, silent), quoting the passages relied on.",
                "Example: analyze --out labels/ ordinance.pdf policy.docx"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to analyze.")
    List<Path> files;

    @Option(names = "--json", description = "Print each analysis as JSON (label-file shape) instead of a summary.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write DIR/NAME.labels.json for each FILE (NAME is the file name without its extension).")
    Path out;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on standard error.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ResourceBundle messages = ResourceBundle.getBundle("messages", Locale.ROOT);
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                stderr.println(format(messages, "cli.analyze.out-unusable", out));
                return 2;
            }
        }
        Analyzer analyzer = Analyzer.bundled();
        TextExtractor extractor = new TextExtractor();
        ProgressBar progress = new ProgressBar(stderr, files.size(), !noProgress);
        int skipped = 0;
        for (Path file : files) {
            progress.next(file.getFileName() == null ? file.toString() : file.getFileName().toString());
            try {
                DocumentText document = extractor.extract(file.getFileName().toString(), read(file));
                Analysis analysis = analyzer.analyze(document);
                if (out != null) {
                    write(out.resolve(baseName(file) + ".labels.json"), LabelsJson.write(analysis));
                } else if (json) {
                    progress.clear();
                    stdout.println(LabelsJson.write(analysis));
                } else {
                    progress.clear();
                    stdout.print(Summary.of(analysis));
                }
                stdout.flush();
            } catch (UnreadableDocumentException e) {
                skipped++;
                progress.interrupt();
                stderr.println(format(messages, "cli.analyze.skipped", file,
                        new MessageFormat(messages.getString(e.messageKey()), Locale.US).format(e.arguments())));
            } catch (NoSuchFileException e) {
                skipped++;
                progress.interrupt();
                stderr.println(format(messages, "cli.analyze.missing", file));
            } catch (IOException e) {
                skipped++;
                progress.interrupt();
                stderr.println(format(messages, "cli.analyze.io", file, e.getMessage()));
            }
        }
        progress.done();
        if (skipped > 0) {
            stderr.println(format(messages, "cli.analyze.summary", files.size() - skipped, files.size(), skipped));
            return 1;
        }
        return 0;
    }

    /** The file's bytes, refused before reading when it is larger than the analyzer accepts. */
    static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > TextExtractor.MAX_BYTES) {
            throw new UnreadableDocumentException("analysis.error.tooLarge", file.getFileName().toString(), size,
                    TextExtractor.MAX_BYTES / (1024 * 1024), TextExtractor.MAX_BYTES);
        }
        return Files.readAllBytes(file);
    }

    /** "ordinance.pdf" → "ordinance"; "a.labels.txt" → "a.labels". */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Writes a whole file or nothing: a crash never leaves half a label file. */
    static void write(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".analyze-", ".tmp");
        try {
            Files.writeString(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String format(ResourceBundle messages, String key, Object... arguments) {
        return new MessageFormat(messages.getString(key), Locale.US).format(arguments);
    }

    /** A one-line progress bar on standard error, redrawn in place. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final int count;
        private final boolean enabled;
        private int done;
        private boolean drawn;

        ProgressBar(PrintWriter err, int count, boolean enabled) {
            this.err = err;
            this.count = count;
            this.enabled = enabled;
        }

        void next(String name) {
            if (!enabled) {
                return;
            }
            int filled = count == 0 ? WIDTH : done * WIDTH / count;
            String shown = name.length() > 40 ? name.substring(0, 37) + "..." : name;
            err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + (done + 1) + "/" + count + " "
                    + String.format("%-40s", shown));
            err.flush();
            drawn = true;
            done++;
        }

        /** Rubs the bar out, so that output on the same terminal starts on a clean line. */
        void clear() {
            if (drawn) {
                err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
                err.flush();
                drawn = false;
            }
        }

        /** Ends the bar's line so that a message can be printed below it. */
        void interrupt() {
            if (drawn) {
                err.println();
                drawn = false;
            }
        }

        void done() {
            if (!enabled) {
                return;
            }
            err.print("\r[" + "#".repeat(WIDTH) + "] " + count + "/" + count + " " + " ".repeat(40));
            err.println();
            err.flush();
        }
    }

    /** A plain-text summary of an analysis. */
    static final class Summary {
        private Summary() {
        }

        static String of(Analysis analysis) {
            StringBuilder s = new StringBuilder();
            s.append(analysis.document()).append(analysis.binding() ? "" : "  (not binding: " + analysis.bindingReason() + ")")
                    .append(System.lineSeparator());
            for (Analysis.ProvisionResult result : analysis.provisions().values()) {
                s.append(String.format("  %-24s %-9s", result.provision(), result.label().id()));
                if (result.evidence() != null) {
                    String quote = result.evidence().quote().replaceAll("\\s+", " ");
                    s.append(" \"").append(quote.length() > 90 ? quote.substring(0, 87) + "..." : quote).append('"');
                    s.append(System.lineSeparator()).append(" ".repeat(37)).append(LabelsJson.explanation(result.evidence())
                            .replaceAll("\\s+", " "));
                    if (!result.evidence().section().isEmpty()) {
                        s.append(" (").append(result.evidence().section()).append(')');
                    }
                }
                s.append(System.lineSeparator());
            }
            for (Analysis.Flag flag : analysis.flags()) {
                String quote = flag.quote().replaceAll("\\s+", " ");
                s.append("  ! ").append(flag.kind()).append(flag.provision().isEmpty() ? "" : " (" + flag.provision() + ")").append(": ")
                        .append(quote.length() > 90 ? quote.substring(0, 87) + "..." : quote).append(System.lineSeparator());
            }
            return s.toString();
        }
    }
}

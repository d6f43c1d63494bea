package org.sanctuaryscorecard.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evaluate CORPUS_DIR}: measure the analyzer against a labeled corpus, as {@code score-labels} does. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Analyze every NAME.txt in CORPUS_DIR that has a NAME.labels.json beside it and compare: precision, "
                + "recall and F1 per label, accuracy per provision, the confusions, and last a line 'macro-F1 X ...'.",
                "Example: evaluate ../shared/corpus"})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CORPUS_DIR", description = "A folder of NAME.txt and NAME.labels.json files.")
    Path corpus;

    @Option(names = "--min-macro-f1", paramLabel = "X", description = "Exit with 1 when macro-F1 is below X (0 to 1).")
    Double minimum;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on standard error.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResourceBundle messages = ResourceBundle.getBundle("messages", Locale.ROOT);
        if (minimum != null && (minimum < 0 || minimum > 1)) {
            err.println(AnalyzeCommand.format(messages, "cli.evaluate.bad-minimum", minimum));
            return 2;
        }
        AnalyzeCommand.ProgressBar[] bar = new AnalyzeCommand.ProgressBar[1];
        Evaluation evaluation;
        try {
            evaluation = Evaluation.ofCorpus(corpus, Analyzer.bundled(), (number, count, name) -> {
                if (bar[0] == null) {
                    bar[0] = new AnalyzeCommand.ProgressBar(err, count, !noProgress);
                }
                bar[0].next(name);
            });
        } catch (Evaluation.CorpusException e) {
            if (bar[0] != null) {
                bar[0].interrupt();
            }
            err.println(AnalyzeCommand.format(messages, "cli.evaluate.corpus", e.getMessage()));
            return 2;
        } catch (IOException e) {
            if (bar[0] != null) {
                bar[0].interrupt();
            }
            err.println(AnalyzeCommand.format(messages, "cli.evaluate.io", corpus, e.getMessage()));
            return 2;
        }
        if (bar[0] != null) {
            bar[0].done();
        }
        out.print(evaluation.report());
        out.flush();
        return minimum != null && evaluation.macroF1() < minimum ? 1 : 0;
    }
}

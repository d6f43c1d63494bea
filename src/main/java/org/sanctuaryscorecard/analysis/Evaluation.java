package org.sanctuaryscorecard.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyzer measured against hand-made labels, computed as {@code shared/tools/score-labels} does: precision,
 * recall and F1 per scored class (protects, limited, contrary; silent is not scored), macro-F1 as the mean F1 over
 * the classes present in gold or predictions, accuracy over all labels, and the share of evidence quotes found
 * verbatim in the document (white space and quote marks normalized).
 *
 * @param pairs      every (document, provision, gold, predicted) compared
 * @param verbatim   evidence quotes found in their document
 * @param quotes     evidence quotes given (labels other than silent)
 * @param documents  documents compared
 */
public record Evaluation(List<Pair> pairs, int verbatim, int quotes, int documents) {

    /** One compared label. */
    public record Pair(String document, String provision, Label gold, Label predicted) {
    }

    /** Counts and scores of one class. */
    public record ClassScore(Label label, int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        boolean present() {
            return truePositives + falsePositives + falseNegatives > 0;
        }
    }

    /** A labeled corpus could not be read. */
    public static final class CorpusException extends Exception {
        public CorpusException(String message) {
            super(message);
        }
    }

    public static final List<Label> SCORED = List.of(Label.PROTECTS, Label.LIMITED, Label.CONTRARY);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Evaluation {
        pairs = List.copyOf(pairs);
    }

    /**
     * Analyzes every {@code NAME.txt} of a directory that has a {@code NAME.labels.json} beside it and compares.
     *
     * @param progress called before each document with its number (from 1), the count and its name
     */
    public static Evaluation ofCorpus(Path directory, Analyzer analyzer, ProgressListener progress)
            throws CorpusException, IOException {
        if (!Files.isDirectory(directory)) {
            throw new CorpusException(directory + " is not a directory");
        }
        List<Path> goldFiles;
        try (Stream<Path> files = Files.list(directory)) {
            goldFiles = files.filter(f -> f.getFileName().toString().endsWith(".labels.json")).sorted().toList();
        }
        if (goldFiles.isEmpty()) {
            throw new CorpusException(directory + " holds no NAME.labels.json files");
        }
        List<Pair> pairs = new ArrayList<>();
        int verbatim = 0;
        int quotes = 0;
        int n = 0;
        for (Path goldFile : goldFiles) {
            String name = goldFile.getFileName().toString();
            String document = name.substring(0, name.length() - ".labels.json".length());
            progress.document(++n, goldFiles.size(), document);
            Path textFile = directory.resolve(document + ".txt");
            if (!Files.isRegularFile(textFile)) {
                throw new CorpusException(name + " has no " + document + ".txt beside it");
            }
            JsonNode gold;
            try {
                gold = JSON.readTree(goldFile.toFile()).get("labels");
            } catch (JacksonException e) {
                throw new CorpusException(name + " is not valid JSON: " + e.getOriginalMessage());
            }
            if (gold == null || !gold.isObject()) {
                throw new CorpusException(name + " has no \"labels\" object");
            }
            String text = Files.readString(textFile);
            Analysis analysis = analyzer.analyze(document + ".txt", text);
            String normalizedText = normalize(text);
            for (Analysis.ProvisionResult result : analysis.provisions().values()) {
                JsonNode entry = gold.get(result.provision());
                Label goldLabel = entry == null ? null : Label.fromId(entry.path("label").asString(""));
                if (goldLabel == null) {
                    throw new CorpusException(name + ": " + result.provision() + " has no label, or an unknown one");
                }
                pairs.add(new Pair(document, result.provision(), goldLabel, result.label()));
                if (result.label() != Label.SILENT) {
                    quotes++;
                    if (result.evidence() != null && normalizedText.contains(normalize(result.evidence().quote()))) {
                        verbatim++;
                    }
                }
            }
        }
        return new Evaluation(pairs, verbatim, quotes, goldFiles.size());
    }

    /** Told before each document is analyzed. */
    @FunctionalInterface
    public interface ProgressListener {
        void document(int number, int count, String name);
    }

    public ClassScore score(Label label) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Pair p : pairs) {
            if (p.gold == label && p.predicted == label) {
                tp++;
            } else if (p.predicted == label) {
                fp++;
            } else if (p.gold == label) {
                fn++;
            }
        }
        return new ClassScore(label, tp, fp, fn);
    }

    /** Mean F1 over protects, limited and contrary (a class absent from gold and predictions is left out). */
    public double macroF1() {
        double sum = 0;
        int present = 0;
        for (Label label : SCORED) {
            ClassScore score = score(label);
            if (score.present()) {
                sum += score.f1();
                present++;
            }
        }
        return present == 0 ? 1.0 : sum / present;
    }

    public double accuracy() {
        return pairs.isEmpty() ? 0 : (double) pairs.stream().filter(p -> p.gold == p.predicted).count() / pairs.size();
    }

    public double evidenceVerbatim() {
        return quotes == 0 ? 1.0 : (double) verbatim / quotes;
    }

    /** Right and total per provision, in order. */
    public Map<String, int[]> perProvision() {
        Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        for (Pair p : pairs) {
            int[] c = counts.computeIfAbsent(p.provision, k -> new int[2]);
            c[0] += p.gold == p.predicted ? 1 : 0;
            c[1]++;
        }
        return counts;
    }

    /** The report {@code score-labels} prints, ending with the line "macro-F1 X accuracy Y evidence-verbatim Z documents N". */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %4s %4s %4s %6s %6s %6s%n", "class", "tp", "fp", "fn", "prec", "rec", "f1"));
        for (Label label : SCORED) {
            ClassScore s = score(label);
            out.append(String.format(Locale.ROOT, "%-10s %4d %4d %4d %6.3f %6.3f %6.3f%n", label.id(), s.truePositives,
                    s.falsePositives, s.falseNegatives, s.precision(), s.recall(), s.f1()));
        }
        out.append(String.format(Locale.ROOT, "%n%-24s %5s %4s%n", "provision", "right", "of"));
        perProvision().forEach((id, c) -> out.append(String.format(Locale.ROOT, "%-24s %5d %4d%n", id, c[0], c[1])));
        Map<String, Integer> confusions = new TreeMap<>();
        List<Pair> wrong = pairs.stream().filter(p -> p.gold != p.predicted).toList();
        if (!wrong.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nconfusions (document, provision, gold -> predicted):%n"));
            for (Pair p : wrong) {
                out.append(String.format(Locale.ROOT, "  %s  %s  %s -> %s%n", p.document, p.provision, p.gold.id(), p.predicted.id()));
                confusions.merge(p.gold.id() + " -> " + p.predicted.id(), 1, Integer::sum);
            }
            out.append(String.format(Locale.ROOT, "%nconfusion counts:%n"));
            confusions.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-22s %4d%n", k, v)));
        }
        out.append(String.format(Locale.ROOT, "macro-F1 %.3f accuracy %.3f evidence-verbatim %.3f documents %d%n", macroF1(), accuracy(),
                evidenceVerbatim(), documents));
        return out.toString();
    }

    /** As score-labels normalizes: plain quotes and dashes, one space, lower case. */
    static String normalize(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00a0', ' ').replaceAll("(?U)\\s+", " ").strip()
                .toLowerCase(Locale.ROOT);
    }
}

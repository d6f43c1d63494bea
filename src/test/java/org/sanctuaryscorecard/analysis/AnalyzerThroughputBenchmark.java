package org.sanctuaryscorecard.analysis;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time for the analyzer to read the labeled corpus (45 real laws, ordinances, policies and agreements,
 * {@code src/test/resources/analysis/corpus}) replicated to at least 50 MB of text: segmentation, reading and
 * labeling, from text to the thirteen labels, document by document. One analyzer is shared by all threads, as in
 * the server. Run with {@code bench/analyzer-throughput.sh}, which also times {@code grep -E} with the vocabulary's
 * patterns over the same 50 MB in the same run and prints MB/s per core and for all cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class AnalyzerThroughputBenchmark {

    /** At least this much text per operation (50 MB). */
    static final long TARGET_BYTES = 50_000_000L;

    private final Analyzer analyzer = Analyzer.bundled();
    private final List<String[]> documents = new ArrayList<>();

    @Setup
    public void setUp() throws IOException, URISyntaxException {
        Path corpus = Path.of(AnalyzerThroughputBenchmark.class.getResource("/analysis/corpus").toURI());
        long characters = 0;
        long bytes = 0;
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(file);
                documents.add(new String[] {file.getFileName().toString(), text});
                characters += text.length();
                bytes += Files.size(file);
            }
        }
        int copies = (int) Math.ceil(TARGET_BYTES / (double) bytes);
        List<String[]> one = List.copyOf(documents);
        for (int i = 1; i < copies; i++) {
            documents.addAll(one);
        }
        System.out.println("corpus: " + one.size() + " documents, " + characters + " characters, " + bytes + " bytes; replicated "
                + copies + " times: " + (bytes * copies) + " bytes per operation");
    }

    @Benchmark
    public void analyzeCorpus(Blackhole sink) {
        for (String[] document : documents) {
            sink.consume(analyzer.analyze(document[0], document[1]));
        }
    }
}

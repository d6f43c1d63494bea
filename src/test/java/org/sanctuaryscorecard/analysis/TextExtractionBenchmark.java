package org.sanctuaryscorecard.analysis;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * Time to read the 30-page {@link RealisticPolicy} (PDF, and the same text as DOCX and HTML) with
 * {@link TextExtractor}, against PDFBox's bare text stripper on the same PDF (no checks, no repairs, no worker
 * thread), measured in the same run. Run with {@code bench/text-extraction.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextExtractionBenchmark {

    private final TextExtractor extractor = new TextExtractor();
    private byte[] pdf;
    private byte[] docx;
    private byte[] html;

    @Setup
    public void setUp() {
        RealisticPolicy policy = new RealisticPolicy();
        pdf = policy.pdf();
        docx = policy.docx();
        html = policy.html();
        System.out.printf("%nPDF %d bytes, %d pages, %d characters of text; DOCX %d bytes; HTML %d bytes%n",
                pdf.length, RealisticPolicy.PAGES, extractor.extract("policy.pdf", pdf).text().length(),
                docx.length, html.length);
        extractor.extract("policy.pdf", pdf).repairs().forEach(r -> System.out.println("  " + r));
    }

    @Benchmark
    public DocumentText pdf() {
        return extractor.extract("policy.pdf", pdf);
    }

    @Benchmark
    public String pdfBoxStripperBaseline() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Benchmark
    public DocumentText docx() {
        return extractor.extract("policy.docx", docx);
    }

    @Benchmark
    public DocumentText html() {
        return extractor.extract("policy.html", html);
    }
}

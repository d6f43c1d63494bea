package org.sanctuaryscorecard.analysis.web;

import java.util.concurrent.TimeUnit;

import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.Analyzer;
import org.sanctuaryscorecard.analysis.DocumentText;
import org.sanctuaryscorecard.analysis.TextExtractor;
import org.sanctuaryscorecard.analysis.UnreadableDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads and analyzes one document within the load limit: extraction and analysis both run inside one place of the
 * {@link AnalysisGate}. The pages and the API both come here.
 */
@Service
class DocumentAnalysis {

    private static final Logger log = LoggerFactory.getLogger(DocumentAnalysis.class);
    private static final int TITLE_MAX = 200;

    private final TextExtractor extractor;
    private final Analyzer analyzer;
    private final AnalysisGate gate;

    DocumentAnalysis(TextExtractor extractor, Analyzer analyzer, AnalysisGate gate) {
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.gate = gate;
    }

    /** What was read and found. */
    record Result(DocumentText text, Analysis analysis) {
    }

    /**
     * An uploaded file.
     *
     * @throws UnreadableDocumentException when it cannot be read
     * @throws AnalyzerBusyException when every place is taken
     */
    Result file(String fileName, byte[] content) {
        return gate.run(() -> analyze(extractor.extract(fileName, content)));
    }

    /**
     * Pasted text, under the name given, or {@code fallbackName} when it is blank. Browsers send a text area's line ends as CR LF; they are made LF first, so that the length limit
     * counts the characters the person pasted.
     */
    Result text(String name, String fallbackName, String text) {
        String pasted = text == null ? "" : text.replace("\r\n", "\n");
        String given = title(name);
        String title = given.isEmpty() ? fallbackName : given;
        return gate.run(() -> {
            DocumentText read;
            try {
                read = extractor.fromText(title, pasted);
            } catch (UnreadableDocumentException e) {
                Object[] arguments = e.arguments();
                arguments[0] = title;
                throw new UnreadableDocumentException(e.messageKey(), arguments);
            }
            // the extractor reads a name as a file's, cutting it at the last slash ("Ordinance 2019/45" → "45")
            return analyze(read.name().equals(title) ? read
                    : new DocumentText(title, read.format(), read.text(), read.pages(), read.repairs()));
        });
    }

    /** A pasted text's name as given, without control characters, at most 200 characters. */
    static String title(String name) {
        StringBuilder clean = new StringBuilder();
        String given = name == null ? "" : name.strip();
        given.codePoints().filter(c -> !Character.isISOControl(c)).limit(TITLE_MAX).forEach(clean::appendCodePoint);
        if (given.codePointCount(0, given.length()) > TITLE_MAX) {
            clean.append('\u2026');
        }
        return clean.toString().strip();
    }

    private Result analyze(DocumentText text) {
        long start = System.nanoTime();
        Analysis analysis = analyzer.analyze(text);
        log.debug("analyzed {} ({} characters) in {} ms", text.name(), text.text().length(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return new Result(text, analysis);
    }
}

package org.sanctuaryscorecard.analysis;

import java.util.List;

import org.sanctuaryscorecard.analysis.internal.reading.Labeler;
import org.sanctuaryscorecard.analysis.internal.reading.Vocabulary;

/**
 * Reads an ordinance, statute, policy or agreement and labels it on the thirteen provisions of
 * {@code spec/provisions.md}, quoting the passages it relied on. Thread-safe: one instance serves every request.
 */
public final class Analyzer {

    private final Vocabulary vocabulary;
    private final Labeler labeler;

    private Analyzer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.labeler = new Labeler(vocabulary);
    }

    /** The analyzer with the vocabulary shipped in {@code analysis/vocabulary.yaml}. */
    public static Analyzer bundled() {
        return new Analyzer(Vocabulary.bundled());
    }

    /** Analyzes extracted text. */
    public Analysis analyze(DocumentText document) {
        return labeler.analyze(document);
    }

    /** Analyzes plain text (pasted, or a .txt file read as is). */
    public Analysis analyze(String name, String text) {
        return analyze(new DocumentText(name, "text", text, List.of(), List.of()));
    }

    /** The provision ids the analyzer labels, in order. */
    public List<String> provisionIds() {
        return Labeler.provisionIds(vocabulary);
    }
}

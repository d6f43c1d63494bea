package org.sanctuaryscorecard.analysis.web;

import java.time.Instant;

import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.DocumentText;

/**
 * A document read and analyzed on the web, kept in memory (never on disk) for the results page and the apply step.
 *
 * @param id       random and unguessable: whoever has it can see the document, as with a private link
 * @param text     the document's text, which the offsets of {@code analysis} index
 * @param analysis what the analyzer found
 * @param analyzed when
 */
record AnalyzedDocument(String id, DocumentText text, Analysis analysis, Instant analyzed) {

    /** The memory it holds, in characters of text (quotes are parts of the text; the rest is small). */
    long characters() {
        return text.text().length();
    }
}

package org.sanctuaryscorecard.analysis.internal;

import java.util.List;

import org.sanctuaryscorecard.analysis.DocumentText;
import org.sanctuaryscorecard.analysis.TextExtractor;

/**
 * Reads a file's text by what its content is ({@link FormatSniffer}), with the format's reader, and checks the result:
 * no text at all, or more than {@link TextExtractor#MAX_CHARS} characters, is refused. Runs on the extractor's worker
 * thread; the time limit is {@link TextExtractor}'s business.
 */
public final class DocumentReader {

    private DocumentReader() {
    }

    /**
     * @param name the name to show in messages
     * @param fileName the file's name as given, for its extension (a hint only)
     * @throws org.sanctuaryscorecard.analysis.UnreadableDocumentException if it cannot be read
     */
    public static DocumentText read(String name, String fileName, byte[] content) {
        DocumentText text;
        try {
            FormatSniffer.Detected detected = FormatSniffer.detect(name, fileName, content);
            switch (detected.format()) {
                case PDF:
                    text = PdfReader.read(name, content);
                    break;
                case DOCX:
                    text = DocxReader.read(name, content);
                    break;
                case HTML:
                    text = HtmlReader.read(name, detected.text());
                    break;
                default:
                    text = PlainTextReader.read(name, detected.text(), detected.charset(), detected.hadBom());
                    break;
            }
        } catch (TextTooLongException e) {
            throw Problems.documentTooLong(name);
        } catch (StackOverflowError e) {
            // nesting deep enough to exhaust the stack: a damaged or hostile file
            throw Problems.failed(name);
        }
        if (text.text().length() > TextExtractor.MAX_CHARS) {
            throw Problems.documentTooLong(name);
        }
        if (text.text().isBlank()) {
            throw Problems.noText(name);
        }
        return text;
    }

    /** Pasted text: line ends normalized and a leading byte order mark dropped, as for a text file. */
    public static DocumentText pasted(String name, String text) {
        if (text.length() > TextExtractor.MAX_CHARS) {
            throw Problems.textTooLong(name, text.length());
        }
        if (text.isBlank()) {
            throw Problems.pastedEmpty(name);
        }
        DocumentText read = PlainTextReader.read(name, text, java.nio.charset.StandardCharsets.UTF_8, false);
        return new DocumentText(name, read.format(), read.text(), List.of(), read.repairs());
    }
}

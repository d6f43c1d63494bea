package org.sanctuaryscorecard.analysis.internal;

import org.sanctuaryscorecard.analysis.TextExtractor;
import org.sanctuaryscorecard.analysis.UnreadableDocumentException;

/**
 * The reasons a document cannot be read, as {@link UnreadableDocumentException}s: one method per message key
 * ({@code analysis.error.*} in {@code messages.properties}). The first argument is always the document's name.
 */
public final class Problems {

    static final String PREFIX = "analysis.error.";

    private Problems() {
    }

    private static UnreadableDocumentException problem(String key, Object... arguments) {
        return new UnreadableDocumentException(PREFIX + key, arguments);
    }

    public static UnreadableDocumentException empty(String name) {
        return problem("empty", name);
    }

    public static UnreadableDocumentException pastedEmpty(String name) {
        return problem("pastedEmpty", name);
    }

    public static UnreadableDocumentException noText(String name) {
        return problem("noText", name);
    }

    public static UnreadableDocumentException tooLarge(String name, long size) {
        return problem("tooLarge", name, size, TextExtractor.MAX_BYTES / (1024 * 1024), TextExtractor.MAX_BYTES);
    }

    /** Pasted text, whose length is known. */
    public static UnreadableDocumentException textTooLong(String name, long length) {
        return problem("textTooLong", name, length, TextExtractor.MAX_CHARS);
    }

    /** Text extracted from a file: reading stops at the limit, so the full length is not known. */
    public static UnreadableDocumentException documentTooLong(String name) {
        return problem("documentTooLong", name, TextExtractor.MAX_CHARS);
    }

    public static UnreadableDocumentException notADocument(String name) {
        return problem("notADocument", name);
    }

    public static UnreadableDocumentException image(String name, String kind) {
        return problem("image", name, kind);
    }

    public static UnreadableDocumentException program(String name) {
        return problem("program", name);
    }

    public static UnreadableDocumentException archive(String name, String kind) {
        return problem("archive", name, kind);
    }

    public static UnreadableDocumentException oldOffice(String name) {
        return problem("oldOffice", name);
    }

    public static UnreadableDocumentException officePassword(String name) {
        return problem("officePassword", name);
    }

    public static UnreadableDocumentException rtf(String name) {
        return problem("rtf", name);
    }

    public static UnreadableDocumentException zipNotDocx(String name, String kind) {
        return problem("zipNotDocx", name, kind);
    }

    public static UnreadableDocumentException zipDamaged(String name) {
        return problem("zipDamaged", name);
    }

    public static UnreadableDocumentException docxDamaged(String name) {
        return problem("docxDamaged", name);
    }

    public static UnreadableDocumentException docxTooBig(String name, long limitBytes) {
        return problem("docxTooBig", name, limitBytes / (1024 * 1024));
    }

    public static UnreadableDocumentException pdfPassword(String name) {
        return problem("pdfPassword", name);
    }

    public static UnreadableDocumentException pdfNoCopying(String name) {
        return problem("pdfNoCopying", name);
    }

    public static UnreadableDocumentException pdfDamaged(String name) {
        return problem("pdfDamaged", name);
    }

    public static UnreadableDocumentException pdfTruncated(String name) {
        return problem("pdfTruncated", name);
    }

    public static UnreadableDocumentException pdfNoText(String name, int pages) {
        return problem("pdfNoText", name, pages);
    }

    public static UnreadableDocumentException pdfTooManyPages(String name, int pages, int limit) {
        return problem("pdfTooManyPages", name, pages, limit);
    }

    public static UnreadableDocumentException pdfPageTooLong(String name, int page, int limit) {
        return problem("pdfPageTooLong", name, page, limit);
    }

    public static UnreadableDocumentException pdfTooBig(String name, long limitBytes) {
        return problem("pdfTooBig", name, limitBytes / (1024 * 1024));
    }

    public static UnreadableDocumentException timeout(String name, long seconds) {
        return problem("timeout", name, seconds);
    }

    public static UnreadableDocumentException failed(String name) {
        return problem("failed", name);
    }
}

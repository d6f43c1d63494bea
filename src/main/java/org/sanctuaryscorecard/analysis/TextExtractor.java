package org.sanctuaryscorecard.analysis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.sanctuaryscorecard.analysis.internal.DocumentReader;
import org.sanctuaryscorecard.analysis.internal.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads text from plain text, PDF, DOCX and HTML, safely.
 *
 * <p>The format is told by the content, not by the name (a ".txt" that is a PDF is read as a PDF); see
 * {@code analysis.internal.FormatSniffer}. What each format gives:
 * <ul>
 *   <li>plain text (UTF-8, UTF-16 with a byte order mark, or Windows-1252): the text exactly as in the file, but for
 *       line ends made {@code \n} and a leading byte order mark dropped;</li>
 *   <li>PDF: the text of each page in reading order, with page offsets, running headers and footers removed, words
 *       hyphenated at line ends joined and lines broken inside sentences unwrapped ({@code analysis.internal.PdfLayout}
 *       gives the exact rules);</li>
 *   <li>DOCX: the body's paragraphs, list labels and tables in order, then footnotes; no headers or footers;</li>
 *   <li>HTML: the main text, without scripts, menus, headers, footers and forms.</li>
 * </ul>
 * Limits: files of at most {@link #MAX_BYTES}, text of at most {@link #MAX_CHARS} characters, {@link #MAX_TIME} per
 * file (the reading runs on a worker thread that is interrupted, and stops, when the time is up), 2,000 PDF pages,
 * and zip-bomb and deflate-bomb checks. Anything that cannot be read is an {@link UnreadableDocumentException}
 * with a message key and arguments; its message never carries a stack trace.
 *
 * <p>Thread-safe: each call has its own worker thread and state.
 */
public final class TextExtractor {

    public static final int MAX_BYTES = 20 * 1024 * 1024;   // files
    public static final int MAX_CHARS = 2_000_000;          // extracted or pasted text
    public static final Duration MAX_TIME = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int MAX_NAME = 200;

    private final Duration timeout;

    public TextExtractor() {
        this(MAX_TIME);
    }

    /** For tests: a shorter time limit. */
    TextExtractor(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive: " + timeout);
        }
    }

    /**
     * @param fileName the file's name as uploaded (a path is cut to its last part); its extension is only a hint
     * @param content the file's bytes
     * @throws UnreadableDocumentException if the file cannot be read, with the reason and what to do
     */
    public DocumentText extract(String fileName, byte[] content) {
        Objects.requireNonNull(content, "content");
        String name = displayName(fileName);
        if (content.length == 0) {
            throw Problems.empty(name);
        }
        if (content.length > MAX_BYTES) {
            throw Problems.tooLarge(name, content.length);
        }
        FutureTask<DocumentText> task = new FutureTask<>(() -> DocumentReader.read(name, fileName, content));
        Thread worker = new Thread(task, "text-extraction-" + THREADS.incrementAndGet());
        worker.setDaemon(true);
        long start = System.nanoTime();
        worker.start();
        try {
            DocumentText text = task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            log.debug("read {} ({}, {} bytes) to {} characters in {} ms", name, text.format(), content.length,
                    text.text().length(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return text;
        } catch (TimeoutException e) {
            task.cancel(true);
            log.info("reading {} ({} bytes) took longer than {} ms; it was stopped", name, content.length,
                    timeout.toMillis());
            throw Problems.timeout(name, Math.max(1, (timeout.toMillis() + 999) / 1000));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw Problems.failed(name);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnreadableDocumentException) {
                throw (UnreadableDocumentException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            log.warn("could not read {} ({} bytes)", name, content.length, cause);
            throw Problems.failed(name);
        }
    }

    /**
     * Pasted text: the same limits as a file's text; line ends become {@code \n} and a leading byte order mark is
     * dropped, nothing else changes.
     *
     * @param name what to call the text in messages, such as "pasted text"
     * @throws UnreadableDocumentException if it is empty or longer than {@link #MAX_CHARS}
     */
    public DocumentText fromText(String name, String text) {
        Objects.requireNonNull(text, "text");
        return DocumentReader.pasted(cleanName(name == null ? null : name.strip()), text);
    }

    /** The last part of a path, without control characters, at most 200 characters; "document" if blank. */
    static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "document";
        }
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0 && slash < name.length() - 1) {
            name = name.substring(slash + 1);
        }
        return cleanName(name);
    }

    /** A name without control characters, at most 200 characters; "document" if blank. A pasted text's name is not a
     * path: "Ordinance 2019/45" stays whole. */
    static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return "document";
        }
        StringBuilder clean = new StringBuilder(Math.min(name.length(), MAX_NAME + 1));
        name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME)
                .forEach(clean::appendCodePoint);
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            clean.append('\u2026');
        }
        return clean.length() == 0 ? "document" : clean.toString();
    }
}

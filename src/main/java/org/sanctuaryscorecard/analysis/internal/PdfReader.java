package org.sanctuaryscorecard.analysis.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.sanctuaryscorecard.analysis.DocumentText;
import org.sanctuaryscorecard.analysis.TextExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of a PDF with PDFBox, page by page in reading order ({@code setSortByPosition(true)}), then repaired by
 * {@link PdfLayout}. Refused, each with its own message: a password to open it; a ban on copying its text; an
 * incomplete file (no {@code %%EOF} in its last 1,024 bytes, the end readers look for); a damaged one; more than
 * {@link #MAX_PAGES} pages; a stream that unpacks to too much ({@link PdfStreams}); a page with more than
 * {@link #MAX_GLYPHS_PER_PAGE} characters; fewer than {@link #MIN_TEXT} non-blank characters in all (a scan with no
 * text layer).
 *
 * <p>Memory: the file is read from the byte array in place ({@link RandomAccessReadBuffer}, no copy); streams PDFBox
 * creates are kept in memory up to {@link #MAIN_MEMORY} and in a temporary file beyond ({@link MemoryUsageSetting});
 * the text is collected page by page, and stops at twice {@link TextExtractor#MAX_CHARS} (running headers are still
 * in it then). The worker thread is stopped between two content stream operators when the time is up.
 */
final class PdfReader {

    static final String FORMAT = "pdf";
    static final int MAX_PAGES = 2_000;
    static final int MAX_GLYPHS_PER_PAGE = 200_000;
    static final int MIN_TEXT = 20;
    static final long MAIN_MEMORY = 32L * 1024 * 1024;
    private static final int EOF_WINDOW = 1024;

    private static final Logger log = LoggerFactory.getLogger(PdfReader.class);

    private PdfReader() {
    }

    static DocumentText read(String name, byte[] pdf) {
        PdfStreams.check(name, pdf);
        boolean complete = hasEndMarker(pdf);
        PDDocument document;
        try {
            document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
                    MemoryUsageSetting.setupMixed(MAIN_MEMORY).streamCache);
        } catch (InvalidPasswordException e) {
            throw Problems.pdfPassword(name);
        } catch (IOException | RuntimeException e) {
            log.debug("{}: PDFBox could not open it", name, e);
            throw !complete && PdfStreams.indexOf(pdf, " obj".getBytes(StandardCharsets.US_ASCII), 0) >= 0
                    ? Problems.pdfTruncated(name) : Problems.pdfDamaged(name);
        }
        List<String> pages;
        try (document) {
            if (!complete) {
                throw Problems.pdfTruncated(name);
            }
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw Problems.pdfNoCopying(name);
            }
            int pageCount = document.getNumberOfPages();
            if (pageCount > MAX_PAGES) {
                throw Problems.pdfTooManyPages(name, pageCount, MAX_PAGES);
            }
            if (pageCount == 0) {
                throw Problems.noText(name);
            }
            pages = new PageStripper(name).pages(document);
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.sanctuaryscorecard.analysis.UnreadableDocumentException
                    || e instanceof TextTooLongException || e instanceof java.util.concurrent.CancellationException) {
                throw (RuntimeException) e;
            }
            log.debug("{}: PDFBox could not read its text", name, e);
            throw Problems.pdfDamaged(name);
        }

        PdfLayout.Result layout = PdfLayout.repair(pages);
        if (nonBlank(layout.text()) < MIN_TEXT) {
            throw Problems.pdfNoText(name, pages.size());
        }
        List<String> repairs = new ArrayList<>(layout.repairs());
        String blankPages = blankPages(pages);
        if (!blankPages.isEmpty()) {
            repairs.add("No text on page" + (blankPages.matches("\\d+") ? " " : "s ") + blankPages
                    + ": they may be scanned images without a text layer, and their text is missing.");
        }
        return new DocumentText(name, FORMAT, layout.text(), layout.pages(), repairs);
    }

    /** {@code %%EOF} in the last 1,024 bytes, as PDF readers require. */
    static boolean hasEndMarker(byte[] pdf) {
        byte[] marker = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        return PdfStreams.indexOf(pdf, marker, Math.max(0, pdf.length - EOF_WINDOW)) >= 0;
    }

    private static int nonBlank(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    /** The pages with no text, as "4, 7-9", when some but not all pages have text. */
    private static String blankPages(List<String> pages) {
        List<int[]> ranges = new ArrayList<>();
        int blank = 0;
        for (int p = 1; p <= pages.size(); p++) {
            if (!pages.get(p - 1).isBlank()) {
                continue;
            }
            blank++;
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == p - 1) {
                ranges.get(ranges.size() - 1)[1] = p;
            } else {
                ranges.add(new int[] {p, p});
            }
        }
        if (blank == 0 || blank == pages.size()) {
            return "";
        }
        List<String> parts = new ArrayList<>(ranges.size());
        for (int[] range : ranges) {
            parts.add(range[0] == range[1] ? Integer.toString(range[0]) : range[0] + "\u2013" + range[1]);
        }
        return String.join(", ", parts);
    }

    /** PDFBox's text stripper, one string per page, bounded in time, characters per page and text in all. */
    private static final class PageStripper extends PDFTextStripper {

        private final String name;
        private final List<String> pages = new ArrayList<>();
        private final PageWriter writer = new PageWriter();
        private int glyphs;
        private int pageNumber;

        PageStripper(String name) {
            this.name = name;
            setSortByPosition(true);
            setLineSeparator("\n");
            setWordSeparator(" ");
            setParagraphStart("");
            setParagraphEnd("\n"); // a blank line where PDFBox sees a paragraph break
            setPageStart("");
            setPageEnd("");
            setArticleStart("");
            setArticleEnd("");
            setEndPage(MAX_PAGES);
        }

        List<String> pages(PDDocument document) throws IOException {
            writeText(document, writer);
            return pages;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            Interruption.check();
            pageNumber++;
            glyphs = 0;
            writer.page.setLength(0);
            super.startPage(page);
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            super.endPage(page);
            pages.add(writer.page.toString());
            writer.page.setLength(0);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            Interruption.check();
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++glyphs > MAX_GLYPHS_PER_PAGE) {
                throw Problems.pdfPageTooLong(name, pageNumber, MAX_GLYPHS_PER_PAGE);
            }
            super.processTextPosition(text);
        }

        /** Collects one page's text, and fails once all pages' text passes twice the limit. */
        private final class PageWriter extends Writer {

            private final StringBuilder page = new StringBuilder();
            private long total;

            @Override
            public void write(char[] chars, int offset, int length) {
                add(length);
                page.append(chars, offset, length);
            }

            @Override
            public void write(String text) {
                add(text.length());
                page.append(text);
            }

            @Override
            public void write(String text, int offset, int length) {
                add(length);
                page.append(text, offset, offset + length);
            }

            private void add(int length) {
                total += length;
                if (total > 2L * TextExtractor.MAX_CHARS) {
                    throw new TextTooLongException();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }
    }
}

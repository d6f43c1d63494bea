package org.sanctuaryscorecard.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made with PDFBox for the tests: nothing binary is committed. */
final class TestPdfs {

    static final float LEADING = 14;

    private TestPdfs() {
    }

    /**
     * Pages of lines set like a Letter-size document: an optional running header at the top and footer at the
     * bottom (null for none), body lines 11 pt with {@link #LEADING} leading; an empty line is a paragraph gap.
     */
    static byte[] document(List<List<String>> pages, String header, IntFunction<String> footer) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (header != null) {
                        show(content, font, 9, 72, 750, header);
                    }
                    float y = 710;
                    for (String line : pages.get(p)) {
                        if (!line.isEmpty()) {
                            show(content, font, 11, 72, y, line);
                        }
                        y -= LEADING;
                    }
                    String foot = footer == null ? null : footer.apply(p + 1);
                    if (foot != null) {
                        show(content, font, 9, 270, 40, foot);
                    }
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same with the bundled DejaVu Sans embedded as a subset, as word processors do. */
    static byte[] documentWithEmbeddedFont(List<List<String>> pages, String header, IntFunction<String> footer) {
        try (PDDocument document = new PDDocument();
             InputStream fontFile = TestPdfs.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDFont font = PDType0Font.load(document, fontFile, true);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    show(content, font, 9, 72, 750, header);
                    float y = 710;
                    for (String line : pages.get(p)) {
                        if (!line.isEmpty()) {
                            show(content, font, 10, 72, y, line);
                        }
                        y -= 13;
                    }
                    show(content, font, 9, 270, 40, footer.apply(p + 1));
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** Deflates {@code size} bytes of {@code fill}, streaming: the input is never held in memory. */
    static byte[] deflated(long size, byte fill) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, fill);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(packed, deflater, 64 * 1024)) {
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return packed.toByteArray();
    }

    /**
     * A one-page PDF whose content stream is the given raw (already encoded) bytes, with the filters as an array:
     * the form PDFBox decodes wholly into memory.
     */
    static byte[] withRawContent(byte[] raw, COSName... filters) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(raw);
            }
            if (filters.length > 0) {
                org.apache.pdfbox.cos.COSArray array = new org.apache.pdfbox.cos.COSArray();
                for (COSName filter : filters) {
                    array.add(filter);
                }
                stream.setItem(COSName.FILTER, array);
            }
            page.setContents(new PDStream(stream));
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

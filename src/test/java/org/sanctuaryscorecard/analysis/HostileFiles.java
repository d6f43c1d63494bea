package org.sanctuaryscorecard.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.apache.pdfbox.cos.COSName;
import org.sanctuaryscorecard.analysis.web.Ordinances;

/**
 * The hostile and damaged files of the extractor's tests ({@link PdfExtractionTest}, {@link DocxExtractionTest},
 * {@link HtmlExtractionTest}), made by the same generators, with the message each must get, for tests that send
 * them through the web (signed in, {@code security.HostileUploadsSignedInTest}).
 */
public final class HostileFiles {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A file as a browser sends it, and the extractor's message key for it. */
    public record HostileFile(String name, String contentType, byte[] content, String messageKey) {
    }

    private HostileFiles() {
    }

    public static List<HostileFile> all() {
        byte[] ordinance = Ordinances.pdf();
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        byte[] garbage = new byte[8192];
        new Random(3).nextBytes(garbage);
        StringBuilder nested = new StringBuilder("<!DOCTYPE html><body>");
        for (int i = 0; i < 50_000; i++) {
            nested.append("<header>x");
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        return List.of(
                new HostileFile("deflate-bomb.pdf", PDF,
                        TestPdfs.withRawContent(TestPdfs.deflated(80L * 1024 * 1024, (byte) ' '), COSName.FLATE_DECODE),
                        "analysis.error.pdfTooBig"),
                new HostileFile("cut-off.pdf", PDF, Arrays.copyOf(ordinance, ordinance.length / 2), "analysis.error.pdfTruncated"),
                new HostileFile("junk.pdf", PDF, PdfExtractionTest.concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), junk,
                        "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)), "analysis.error.pdfDamaged"),
                new HostileFile("photo.pdf", PDF, png, "analysis.error.image"),
                new HostileFile("zip-bomb.docx", DOCX, DocxExtractionTest.docxShapedBomb(110L * 1024 * 1024), "analysis.error.docxTooBig"),
                new HostileFile("lying-zip-bomb.docx", DOCX, DocxExtractionTest.docxBombWithLyingDirectory(), "analysis.error.docxTooBig"),
                new HostileFile("garbage.docx", DOCX, PdfExtractionTest.concat(new byte[] {'P', 'K', 3, 4}, garbage),
                        "analysis.error.docxDamaged"),
                new HostileFile("locked.docx", DOCX, docx(DocxExtractionTest::passwordProtected), "analysis.error.officePassword"),
                new HostileFile("nested.html", "text/html", nested.toString().getBytes(StandardCharsets.UTF_8), "analysis.error.noText"),
                new HostileFile("old.doc", "application/msword", docx(DocxExtractionTest::oldWordDocument), "analysis.error.oldOffice"));
    }

    private static byte[] docx(Callable<byte[]> make) {
        try {
            return make.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** PDFs: text per page in reading order, repairs, and each way a PDF can fail. Plain unit tests. */
class PdfExtractionTest {

    private static final String HEADER = "City of Example \u2014 Ordinance 12";

    private final TextExtractor extractor = new TextExtractor();

    static final List<List<String>> ORDINANCE = List.of(
            List.of(
                    "Section 1. Purpose.",
                    "The City of Example shall not use its resources for the enforce-",
                    "ment of federal civil immigration law, and no officer shall",
                    "inquire into the immigration status of any person.",
                    "",
                    "Section 2. Detainers.",
                    "(a) No agency shall detain a person on the basis of a civil",
                    "immigration detainer.",
                    "(b) No agency shall share non-",
                    "public information with federal immigration authorities."),
            List.of(
                    "Section 3. Definitions.",
                    "For the purposes of this ordinance, the following terms apply:",
                    "1. \"Agency\" means any department of the City.",
                    "2. \"Civil immigration detainer\" means a request to hold a per-",
                    "son beyond the time of release.",
                    "\u00a7 4. Community-based programs shall be funded by the",
                    "general fund of the City.",
                    "",
                    "The Council finds that the pro-"),
            List.of(
                    "tection of all residents is a public good.",
                    "",
                    "Section 5. Severability.",
                    "If any provision of this ordinance is held invalid, the remain-",
                    "ing provisions shall remain in effect.",
                    "\u2022 The City Clerk shall publish this ordinance.",
                    "Sec. 6. Effective date.",
                    "This ordinance takes effect thirty days after its adoption",
                    "by the Council."));

    static byte[] ordinance() {
        return TestPdfs.document(ORDINANCE, HEADER, page -> "Page " + page + " of 3");
    }

    @Test
    void readsThePagesInOrderWithoutHeadersAndFootersAndRepairsTheLines() {
        DocumentText read = extractor.extract("ordinance.pdf", ordinance());

        assertThat(read.format()).isEqualTo("pdf");
        assertThat(read.text()).isEqualTo("""
                Section 1. Purpose.
                The City of Example shall not use its resources for the enforcement of federal civil immigration \
                law, and no officer shall inquire into the immigration status of any person.

                Section 2. Detainers.
                (a) No agency shall detain a person on the basis of a civil immigration detainer.
                (b) No agency shall share non-public information with federal immigration authorities.
                Section 3. Definitions.
                For the purposes of this ordinance, the following terms apply:
                1. "Agency" means any department of the City.
                2. "Civil immigration detainer" means a request to hold a person beyond the time of release.
                \u00a7 4. Community-based programs shall be funded by the general fund of the City.

                The Council finds that the protection of all residents is a public good.

                Section 5. Severability.
                If any provision of this ordinance is held invalid, the remaining provisions shall remain in effect.
                \u2022 The City Clerk shall publish this ordinance.
                Sec. 6. Effective date.
                This ordinance takes effect thirty days after its adoption by the Council.""");
        assertThat(read.text()).doesNotContain("Ordinance 12", "Page 1", "of 3");
        assertThat(read.repairs()).anySatisfy(r -> assertThat(r).startsWith("Removed 6 running header"));
        assertThat(read.repairs()).anySatisfy(r -> assertThat(r).startsWith("Joined 4 words hyphenated")
                .contains("enforce-ment\u201d \u2192 \u201cenforcement"));
        assertThat(read.repairs()).anySatisfy(r -> assertThat(r).contains("keeping the hyphen").contains("non-public"));
        assertThat(read.repairs()).anySatisfy(r -> assertThat(r).matches("Joined \\d+ lines broken inside sentences."));
    }

    @Test
    void pageOffsetsCoverTheTextAndPageAtFindsEachPage() {
        DocumentText read = extractor.extract("ordinance.pdf", ordinance());
        String text = read.text();

        assertThat(read.pages()).extracting(DocumentText.Page::number).containsExactly(1, 2, 3);
        assertThat(read.pages().get(0).start()).isZero();
        assertThat(read.pages().get(0).end()).isEqualTo(read.pages().get(1).start());
        assertThat(read.pages().get(1).end()).isEqualTo(read.pages().get(2).start());
        assertThat(read.pages().get(2).end()).isEqualTo(text.length());

        assertThat(read.pageAt(0)).isEqualTo(1);
        assertThat(read.pageAt(text.indexOf("enforcement"))).isEqualTo(1);
        assertThat(read.pageAt(text.indexOf("authorities."))).isEqualTo(1);
        assertThat(read.pageAt(text.indexOf("Section 3."))).isEqualTo(2);
        assertThat(read.pageAt(text.indexOf("Section 3.") - 1)).as("the line feed before a page").isEqualTo(1);
        assertThat(read.pageAt(text.indexOf("the pro"))).isEqualTo(2);
        // a word hyphenated across the page break: each part on its own page
        assertThat(read.pageAt(text.indexOf("protection") + 3)).isEqualTo(3);
        assertThat(text.substring(read.pages().get(2).start())).startsWith("tection of all residents");
        assertThat(read.pageAt(text.indexOf("Severability"))).isEqualTo(3);
        assertThat(read.pageAt(text.length())).isEqualTo(3);
        assertThatThrownBy(() -> read.pageAt(text.length() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> read.pageAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theFileNameIsOnlyAHint() {
        DocumentText read = extractor.extract("notes.txt", ordinance());
        assertThat(read.format()).isEqualTo("pdf");
        assertThat(read.text()).startsWith("Section 1. Purpose.");
    }

    @Test
    void aFontEmbeddedAsASubsetReadsTheSame() {
        byte[] pdf = TestPdfs.documentWithEmbeddedFont(ORDINANCE, HEADER, page -> "- " + page + " -");
        DocumentText read = extractor.extract("ordinance.pdf", pdf);
        assertThat(read.text()).isEqualTo(extractor.extract("ordinance.pdf", ordinance()).text());
    }

    @Test
    void aPasswordToOpenIsRefused() throws IOException {
        byte[] pdf = protect(ordinance(), "owner-secret", "user-secret", new AccessPermission());
        assertKey(pdf, "analysis.error.pdfPassword");
    }

    @Test
    void anOwnerPasswordThatForbidsCopyingIsRefusedAndOneThatAllowsItIsNot() throws IOException {
        AccessPermission noCopying = new AccessPermission();
        noCopying.setCanExtractContent(false);
        assertKey(protect(ordinance(), "owner-secret", "", noCopying), "analysis.error.pdfNoCopying");

        AccessPermission printOnly = new AccessPermission();
        printOnly.setCanModify(false);
        DocumentText read = extractor.extract("ordinance.pdf", protect(ordinance(), "owner-secret", "", printOnly));
        assertThat(read.text()).startsWith("Section 1. Purpose.");
    }

    @Test
    void aTruncatedPdfIsRefusedAsIncomplete() {
        byte[] pdf = ordinance();
        assertKey(Arrays.copyOf(pdf, pdf.length / 2), "analysis.error.pdfTruncated");
        // cut just before the end: every object is there, the end marker is not
        assertKey(Arrays.copyOf(pdf, pdf.length - 7), "analysis.error.pdfTruncated");
    }

    @Test
    void aPdfHeaderFollowedByJunkIsRefusedAsDamaged() {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        byte[] pdf = concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), junk,
                "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertKey(pdf, "analysis.error.pdfDamaged");
        assertKey(concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), junk), "analysis.error.pdfDamaged");
    }

    @Test
    void aPageWithOnlyADrawingHasNoTextLayer() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(100, 100, 300, 400);
                content.fill();
            }
            UnreadableDocumentException e = assertKey(TestPdfs.bytes(document), "analysis.error.pdfNoText");
            assertThat(e.arguments()).containsExactly("scan.pdf", 1);
        }
    }

    @Test
    void scannedPagesWithAPageNumberOnlyHaveNoTextLayer() throws IOException {
        try (PDDocument document = new PDDocument()) {
            BufferedImage scan = new BufferedImage(200, 260, BufferedImage.TYPE_BYTE_GRAY);
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            for (int p = 1; p <= 4; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, 612, 792);
                    TestPdfs.show(content, new org.apache.pdfbox.pdmodel.font.PDType1Font(
                            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 9, 300, 30, "" + p);
                }
            }
            UnreadableDocumentException e = assertKey(TestPdfs.bytes(document), "analysis.error.pdfNoText");
            assertThat(e.arguments()).containsExactly("scan.pdf", 4);
        }
    }

    @Test
    void pagesWithoutTextAmongPagesWithTextAreReported() {
        List<List<String>> pages = List.of(ORDINANCE.get(0), List.of(), List.of(), ORDINANCE.get(1));
        DocumentText read = extractor.extract("mixed.pdf", TestPdfs.document(pages, null, null));
        assertThat(read.repairs()).contains(
                "No text on pages 2\u20133: they may be scanned images without a text layer, and their text is missing.");
        assertThat(read.pages().get(1).start()).isEqualTo(read.pages().get(1).end());
        assertThat(read.pageAt(read.text().indexOf("Section 3."))).isEqualTo(4);
    }

    @Test
    void aDeflateBombIsRefusedBeforePdfBoxUnpacksIt() {
        long start = System.nanoTime();
        // 80 MB of spaces in a content stream, about 350 KB packed; without the check, 1 GB packed into 4.6 MB
        // made PDFBox run out of a 256 MB heap
        byte[] pdf = TestPdfs.withRawContent(TestPdfs.deflated(80L * 1024 * 1024, (byte) ' '), COSName.FLATE_DECODE);
        assertThat(pdf.length).isLessThan(1024 * 1024);
        assertKey(pdf, "analysis.error.pdfTooBig");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aPageWithMoreCharactersThanAnyRealPageIsRefused() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                TestPdfs.show(content, new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 1, 0, 400,
                        "a".repeat(200_001));
            }
            UnreadableDocumentException e = assertKey(TestPdfs.bytes(document), "analysis.error.pdfPageTooLong");
            assertThat(e.arguments()).containsExactly("scan.pdf", 1, 200_000);
        }
    }

    @Test
    void aQuarterOfAMillionFakeStreamsAreScannedQuickly() {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        byte[] fake = "<<>>stream\n\u0078\u009c\u0001\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        while (pdf.size() < 4_000_000) {
            pdf.writeBytes(fake);
        }
        pdf.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        long start = System.nanoTime();
        assertKey(pdf.toByteArray(), "analysis.error.pdfDamaged");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void moreThan2000PagesAreRefused() throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int p = 0; p < 2001; p++) {
                document.addPage(new PDPage(PDRectangle.LETTER));
            }
            UnreadableDocumentException e = assertKey(TestPdfs.bytes(document), "analysis.error.pdfTooManyPages");
            assertThat(e.arguments()).containsExactly("scan.pdf", 2001, 2000);
        }
    }

    @Test
    void aSlowPdfIsStoppedAtTheTimeLimitAndItsWorkerEnds() throws InterruptedException {
        // two million path operators on one page: seconds of work for the text stripper, 140 KB of PDF
        StringBuilder operators = new StringBuilder(20_000_000);
        for (int i = 0; i < 2_000_000; i++) {
            operators.append("1 2 m\n");
        }
        byte[] pdf = TestPdfs.withRawContent(deflate(operators.toString().getBytes(StandardCharsets.US_ASCII)),
                COSName.FLATE_DECODE);
        TextExtractor impatient = new TextExtractor(Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.extract("slow.pdf", pdf))
                .isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("analysis.error.timeout");
                    assertThat(e.arguments()).containsExactly("slow.pdf", 1L);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        // the interrupted worker stops at its next operator
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (workers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(workers()).isZero();
    }

    private static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("text-extraction-") && t.isAlive()).count();
    }

    private UnreadableDocumentException assertKey(byte[] pdf, String key) {
        try {
            extractor.extract("scan.pdf", pdf);
        } catch (UnreadableDocumentException e) {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.arguments()[0]).isEqualTo("scan.pdf");
            return e;
        }
        throw new AssertionError("expected " + key + ", but the PDF was read");
    }

    private static byte[] protect(byte[] pdf, String owner, String user, AccessPermission permission)
            throws IOException {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, permission);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return TestPdfs.bytes(document);
        }
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflater = new java.util.zip.DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

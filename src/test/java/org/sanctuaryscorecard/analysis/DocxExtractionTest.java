package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Word documents made with POI, damaged ones and zip bombs made with java.util.zip. Plain unit tests. */
class DocxExtractionTest {

    private final TextExtractor extractor = new TextExtractor();

    static byte[] policy() {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("Sheriff's Office \u2014 Policy Manual");
            document.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Page 1");

            paragraph(document, "Policy 428: Immigration Violations");
            XWPFParagraph purpose = paragraph(document, "Members shall not detain anyone solely on the basis of a "
                    + "civil immigration detainer");
            XWPFFootnote note = document.createFootnote();
            note.createParagraph().createRun().setText("See Cal. Gov. Code \u00a7 7284.6.");
            purpose.addFootnoteReference(note);
            purpose.createRun().setText(".");
            paragraph(document, "");
            paragraph(document, "The office will not share:");

            XWPFNumbering numbering = document.createNumbering();
            BigInteger bullets = numbering.addNum(numbering.addAbstractNum(list(0, STNumberFormat.BULLET, "\uF0B7")));
            BigInteger letters = numbering.addNum(numbering.addAbstractNum(list(1, STNumberFormat.LOWER_LETTER,
                    "(%1)")));
            listItem(document, bullets, "release dates;");
            listItem(document, bullets, "home addresses;");
            listItem(document, bullets, "work addresses.");

            XWPFTable table = document.createTable(3, 2);
            String[][] cells = {{"Request", "Response"}, {"Detainer", "Decline"}, {"Notification", "Decline"}};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 2; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            paragraph(document, "Exceptions:");
            listItem(document, letters, "a judicial warrant;");
            listItem(document, letters, "a court order.");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.createRun().setText(text);
        return paragraph;
    }

    private static void listItem(XWPFDocument document, BigInteger numId, String text) {
        XWPFParagraph item = document.createParagraph();
        item.setNumID(numId);
        item.setNumILvl(BigInteger.ZERO);
        item.createRun().setText(text);
    }

    private static XWPFAbstractNum list(int id, STNumberFormat.Enum format, String levelText) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(id));
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(levelText);
        level.addNewStart().setVal(BigInteger.ONE);
        return new XWPFAbstractNum(abstractNum);
    }

    @Test
    void readsParagraphsListsTablesAndNotesInOrderWithoutHeadersAndFooters() {
        DocumentText read = extractor.extract("policy-428.docx", policy());

        assertThat(read.format()).isEqualTo("docx");
        assertThat(read.pages()).isEmpty();
        assertThat(read.pageAt(5)).isZero();
        assertThat(read.text()).isEqualTo("""
                Policy 428: Immigration Violations
                Members shall not detain anyone solely on the basis of a civil immigration detainer[1].

                The office will not share:
                \u2022 release dates;
                \u2022 home addresses;
                \u2022 work addresses.
                Request\tResponse
                Detainer\tDecline
                Notification\tDecline
                Exceptions:
                (a) a judicial warrant;
                (b) a court order.

                [1] See Cal. Gov. Code \u00a7 7284.6.""");
        assertThat(read.text()).doesNotContain("Policy Manual", "Page 1");
    }

    @Test
    void aDocxNamedPdfIsReadAsDocx() {
        assertThat(extractor.extract("policy.pdf", policy()).format()).isEqualTo("docx");
    }

    @Test
    void aZipHeaderFollowedByGarbageIsADamagedDocument() {
        byte[] garbage = new byte[8192];
        new Random(3).nextBytes(garbage);
        byte[] docx = policy();
        // the first local header of a real .docx ("[Content_Types].xml"), then garbage
        byte[] damaged = PdfExtractionTest.concat(Arrays.copyOf(docx, 60), garbage);
        assertKey("policy.bin", damaged, "analysis.error.docxDamaged");
        // a bare ZIP signature and garbage: a damaged .docx if so named, else a damaged ZIP
        byte[] bare = PdfExtractionTest.concat(new byte[] {'P', 'K', 3, 4}, garbage);
        assertKey("policy.docx", bare, "analysis.error.docxDamaged");
        assertKey("upload.bin", bare, "analysis.error.zipDamaged");
    }

    @Test
    void aTruncatedDocxIsDamaged() {
        byte[] docx = policy();
        assertKey("policy.docx", Arrays.copyOf(docx, docx.length / 2), "analysis.error.docxDamaged");
    }

    @Test
    void aDocxWhoseXmlIsBrokenIsDamaged() {
        byte[] docx = zip(new String[] {"[Content_Types].xml", "word/document.xml"},
                new byte[][] {"<Types/>".getBytes(StandardCharsets.UTF_8),
                        "<w:document><w:body><w:p>".getBytes(StandardCharsets.UTF_8)});
        assertKey("policy.docx", docx, "analysis.error.docxDamaged");
    }

    @Test
    void zipsThatAreNotWordDocumentsAreNamed() {
        byte[] plain = zip(new String[] {"readme.txt"}, new byte[][] {"hello".getBytes(StandardCharsets.UTF_8)});
        assertThat(assertKey("files.zip", plain, "analysis.error.zipNotDocx").arguments()).containsExactly(
                "files.zip", ".zip");
        byte[] workbook = zip(new String[] {"[Content_Types].xml", "xl/workbook.xml"},
                new byte[][] {"<Types/>".getBytes(StandardCharsets.UTF_8), "<workbook/>".getBytes(StandardCharsets.UTF_8)});
        assertThat(assertKey("budget.docx", workbook, "analysis.error.zipNotDocx").arguments()).containsExactly(
                "budget.docx", ".xlsx");
        byte[] openDocument = storedFirst("mimetype", "application/vnd.oasis.opendocument.text");
        assertThat(assertKey("policy.odt", openDocument, "analysis.error.zipNotDocx").arguments()).containsExactly(
                "policy.odt", ".odt");
    }

    @Test
    void aZipBombIsRefusedByItsDeclaredSizesWithoutInflatingIt() {
        long start = System.nanoTime();
        byte[] bomb = docxShapedBomb(110L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        long made = System.nanoTime();
        UnreadableDocumentException e = assertKey("policy.docx", bomb, "analysis.error.docxTooBig");
        assertThat(e.arguments()).containsExactly("policy.docx", 100L);
        assertThat(Duration.ofNanos(System.nanoTime() - made)).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aZipBombWhoseDirectoryLiesIsStoppedWhileInflating() {
        byte[] bomb = docxBombWithLyingDirectory();
        long start = System.nanoTime();
        assertKey("policy.docx", bomb, "analysis.error.docxTooBig");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPasswordProtectedDocxIsRefused() throws Exception {
        assertKey("policy.docx", passwordProtected(), "analysis.error.officePassword");
    }

    @Test
    void anOldWordDocumentIsRefused() throws IOException {
        assertKey("policy.doc", oldWordDocument(), "analysis.error.oldOffice");
    }

    /** {@link #policy()} encrypted with a password, as Word does. */
    static byte[] passwordProtected() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage docx = OPCPackage.open(new ByteArrayInputStream(policy()));
                 OutputStream encrypted = encryptor.getDataStream(fs)) {
                docx.save(encrypted);
            }
            fs.writeFilesystem(out);
        }
        return out.toByteArray();
    }

    /** An OLE2 file with a WordDocument stream: a Word 97-2003 document. */
    static byte[] oldWordDocument() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
        }
        return out.toByteArray();
    }

    /** {@link #docxShapedBomb} of 110 MB whose central directory claims word/document.xml is 1,000 bytes. */
    static byte[] docxBombWithLyingDirectory() {
        byte[] bomb = docxShapedBomb(110L * 1024 * 1024);
        byte[] name = "word/document.xml".getBytes(StandardCharsets.UTF_8);
        int entry = lastIndexOf(bomb, name) - 46;
        assertThat(bomb[entry]).isEqualTo((byte) 'P');
        bomb[entry + 24] = (byte) 0xE8;
        bomb[entry + 25] = 0x03;
        bomb[entry + 26] = 0;
        bomb[entry + 27] = 0;
        return bomb;
    }

    /**
     * A .docx-shaped ZIP whose word/document.xml inflates to {@code size} bytes of "a", written streaming so the
     * test never holds them.
     */
    static byte[] docxShapedBomb(long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (long written = 0; written < size; written += chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(String[] names, byte[][] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new ZipEntry(names[i]));
                zip.write(contents[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ZIP whose first entry is stored uncompressed, as OpenDocument files begin with their "mimetype". */
    private static byte[] storedFirst(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private UnreadableDocumentException assertKey(String name, byte[] content, String key) {
        try {
            extractor.extract(name, content);
        } catch (UnreadableDocumentException e) {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.arguments()[0]).isEqualTo(name);
            return e;
        }
        throw new AssertionError("expected " + key + ", but " + name + " was read");
    }
}

package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Plain text, pasted text, the limits, and files that are no document at all. Plain unit tests. */
class TextExtractionTest {

    private final TextExtractor extractor = new TextExtractor();

    @Test
    void plainTextIsKeptExactlyButForLineEnds() {
        String original = "Sec. 2.  Definitions\u2014\n\t(a) \"Civil immigration detainer\" means a request to enforce-\n"
                + "ment   agencies\u00a0to hold a person.\f\n  Trailing spaces stay.   \n\n\nEnd";
        DocumentText read = extractor.extract("ordinance.txt", original.getBytes(StandardCharsets.UTF_8));

        assertThat(read.format()).isEqualTo("text");
        assertThat(read.text()).isEqualTo(original);
        assertThat(read.text()).contains("enforce-\nment");
        assertThat(read.pages()).isEmpty();
        assertThat(read.pageAt(0)).isZero();
        assertThat(read.repairs()).isEmpty();
    }

    @Test
    void windowsAndOldMacLineEndsBecomeLineFeeds() {
        DocumentText read = extractor.extract("a.txt", "one\r\ntwo\rthree\n\r\nfour".getBytes(StandardCharsets.UTF_8));
        assertThat(read.text()).isEqualTo("one\ntwo\nthree\n\nfour");
        assertThat(read.repairs()).containsExactly("Converted 3 Windows or old Mac line ends (CR LF, CR) to LF.");
    }

    @Test
    void windows1252TextIsDecoded() {
        byte[] bytes = "Do\u00f1a Ana County \u2014 \u201cpolicy\u201d \u20ac5".getBytes(Charset.forName("windows-1252"));
        assertThat(bytes).contains((byte) 0xF1);
        DocumentText read = extractor.extract("dona-ana.txt", bytes);
        assertThat(read.text()).isEqualTo("Do\u00f1a Ana County \u2014 \u201cpolicy\u201d \u20ac5");
        assertThat(read.repairs()).containsExactly("Read as Windows-1252 text: the file is not valid UTF-8.");
    }

    @Test
    void theByteOrderMarkIsRemoved() {
        byte[] utf8 = PdfExtractionTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Do\u00f1a Ana\r\n".getBytes(StandardCharsets.UTF_8));
        DocumentText read = extractor.extract("bom.txt", utf8);
        assertThat(read.text()).isEqualTo("Do\u00f1a Ana\n");
        assertThat(read.repairs()).contains("Removed the byte order mark at the start of the file.");

        byte[] utf16 = PdfExtractionTest.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "Do\u00f1a Ana".getBytes(StandardCharsets.UTF_16LE));
        assertThat(extractor.extract("notepad.txt", utf16).text()).isEqualTo("Do\u00f1a Ana");
    }

    @Test
    void binaryJunkIsRefused() {
        byte[] junk = new byte[10_000];
        new Random(11).nextBytes(junk);
        junk[100] = 0;
        assertKey("data.txt", junk, "analysis.error.notADocument");
        // text with a NUL in it is not text
        assertKey("a.txt", "policy\0text".getBytes(StandardCharsets.UTF_8), "analysis.error.notADocument");
    }

    @Test
    void imagesProgramsAndArchivesAreRefusedByWhatTheyAre() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(assertKey("scan.pdf", png, "analysis.error.image").arguments()).containsExactly("scan.pdf", "PNG");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        assertThat(assertKey("photo.jpg", jpeg, "analysis.error.image").arguments()).containsExactly("photo.jpg", "JPEG");
        assertKey("run.txt", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}, "analysis.error.program");
        byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};
        assertThat(assertKey("policy.pdf.gz", gzip, "analysis.error.archive").arguments())
                .containsExactly("policy.pdf.gz", "gzip");
        assertKey("policy.doc", "{\\rtf1\\ansi Policy}".getBytes(StandardCharsets.US_ASCII), "analysis.error.rtf");
    }

    @Test
    void emptyFilesAndFilesWithOnlyWhiteSpaceAreRefused() {
        assertKey("empty.pdf", new byte[0], "analysis.error.empty");
        assertKey("blank.txt", " \n\t\r\n".getBytes(StandardCharsets.US_ASCII), "analysis.error.noText");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] big = new byte[TextExtractor.MAX_BYTES + 1];
        UnreadableDocumentException e = assertKey("huge.pdf", big, "analysis.error.tooLarge");
        assertThat(e.arguments()).containsExactly("huge.pdf", (long) TextExtractor.MAX_BYTES + 1, 20, 20_971_520);
    }

    @Test
    void aTextFileOverTheCharacterLimitIsRefused() {
        byte[] text = new byte[TextExtractor.MAX_CHARS + 1];
        java.util.Arrays.fill(text, (byte) 'a');
        UnreadableDocumentException e = assertKey("long.txt", text, "analysis.error.documentTooLong");
        assertThat(e.arguments()).containsExactly("long.txt", TextExtractor.MAX_CHARS);
    }

    @Test
    void pastedTextHasTheSameLimits() {
        String limit = "a".repeat(TextExtractor.MAX_CHARS);
        assertThat(extractor.fromText("pasted text", limit).text()).hasSize(TextExtractor.MAX_CHARS);

        assertThatThrownBy(() -> extractor.fromText("pasted text", limit + "b"))
                .isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("analysis.error.textTooLong");
                    assertThat(e.arguments()).containsExactly("pasted text", 2_000_001L, 2_000_000);
                    assertThat(e.getMessage()).doesNotContain("\tat ", "Exception");
                });
        assertThatThrownBy(() -> extractor.fromText("pasted text", " \n "))
                .isInstanceOfSatisfying(UnreadableDocumentException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("analysis.error.pastedEmpty"));
    }

    @Test
    void pastedTextIsKeptButForLineEnds() {
        DocumentText read = extractor.fromText("pasted text", "\uFEFFenforce-\r\nment  \u00a7 7284.6");
        assertThat(read.text()).isEqualTo("enforce-\nment  \u00a7 7284.6");
        assertThat(read.format()).isEqualTo("text");
        assertThat(read.name()).isEqualTo("pasted text");
    }

    @Test
    void theNameShownIsTheFileNameWithoutItsPath() {
        assertThat(TextExtractor.displayName("C:\\fakepath\\policy.pdf")).isEqualTo("policy.pdf");
        assertThat(TextExtractor.displayName("/tmp/a/b.txt")).isEqualTo("b.txt");
        assertThat(TextExtractor.displayName(" ")).isEqualTo("document");
        assertThat(TextExtractor.displayName(null)).isEqualTo("document");
        assertThat(TextExtractor.displayName("x".repeat(300))).hasSize(201).endsWith("\u2026");
        assertThat(TextExtractor.displayName("bad\nname.txt")).isEqualTo("badname.txt");
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

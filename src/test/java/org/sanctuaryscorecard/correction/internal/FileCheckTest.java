package org.sanctuaryscorecard.correction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.correction.CorrectionFile;
import org.sanctuaryscorecard.correction.CorrectionFixtures;
import org.sanctuaryscorecard.correction.CorrectionInput;
import org.sanctuaryscorecard.correction.CorrectionInputException;
import org.sanctuaryscorecard.correction.CorrectionLimits;

/** The names files are kept under: never a folder, never an ending that would open them as something else. */
class FileCheckTest {

    private final CorrectionLimits limits = new CorrectionLimits(0, 0, 0, 0, null);
    private final byte[] pdf = CorrectionFixtures.PDF_BYTES.getBytes(StandardCharsets.US_ASCII);

    private CorrectionFile check(String name, String type, byte[] content) {
        return FileCheck.check(new CorrectionInput.Upload(name, type, content), limits);
    }

    @Test
    void aPdfSentUnderAnotherEndingIsKeptWithThePdfEnding() {
        assertThat(check("order.exe", "application/pdf", pdf).name()).isEqualTo("order.exe.pdf");
        assertThat(check("order.pdf.bat", "application/pdf", pdf).name()).isEqualTo("order.pdf.bat.pdf");
        assertThat(check("Order.PDF", "application/pdf", pdf).name()).isEqualTo("Order.PDF");
        assertThat(check("notes", "text/plain", "text".getBytes(StandardCharsets.UTF_8)).name()).isEqualTo("notes.txt");
        assertThat(check("photo.jpeg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1}).name())
                .isEqualTo("photo.jpeg");
    }

    @Test
    void foldersAndControlCharactersLeaveTheNameAndLongNamesStayWithinTheColumn() {
        assertThat(check("../../etc/passwd.pdf", "application/pdf", pdf).name()).isEqualTo(".._.._etc_passwd.pdf");
        assertThat(check("a\r\nb.pdf", "application/pdf", pdf).name()).isEqualTo("a__b.pdf");
        String longName = "x".repeat(300) + ".exe";
        CorrectionFile file = check(longName, "application/pdf", pdf);
        assertThat(file.name()).hasSize(255).endsWith("x.exe.pdf");
    }

    @Test
    void aZipThatIsNotAWordDocumentOrAPdfHeaderTooFarInIsNotWhatItClaims() {
        byte[] workbook = "PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml....word/".getBytes(StandardCharsets.ISO_8859_1);
        byte[] late = ("x".repeat(1020) + CorrectionFixtures.PDF_BYTES).getBytes(StandardCharsets.ISO_8859_1);
        byte[] early = ("x".repeat(1019) + CorrectionFixtures.PDF_BYTES).getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> check("sheet.docx", "", workbook)).isInstanceOf(CorrectionInputException.class)
                .extracting(e -> ((CorrectionInputException) e).messageKey()).isEqualTo("correction.error.fileContent");
        assertThatThrownBy(() -> check("late.pdf", "application/pdf", late)).isInstanceOf(CorrectionInputException.class);
        assertThat(check("early.pdf", "application/pdf", early).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void aScriptOrAnSvgIsOfAKindThatIsNotAccepted() {
        for (String[] sent : new String[][] {{"run.js", "text/javascript"}, {"logo.svg", "image/svg+xml"}, {"page.xhtml", ""}}) {
            assertThatThrownBy(() -> check(sent[0], sent[1], "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(CorrectionInputException.class)
                    .extracting(e -> ((CorrectionInputException) e).messageKey()).isEqualTo("correction.error.fileType");
        }
    }
}

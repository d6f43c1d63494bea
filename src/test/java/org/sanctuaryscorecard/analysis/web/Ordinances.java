package org.sanctuaryscorecard.analysis.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** A short ordinance to analyze, as text, HTML, DOCX and PDF made in the test (nothing binary is committed). */
public final class Ordinances {

    /** Detainers (limited: a criminal-history exception), release dates and jail access (protects), 287(g) (protects). */
    static final List<String> LINES = List.of(
            "ORDINANCE NO. 12-34",
            "AN ORDINANCE OF THE CITY OF SPRINGDALE ON CIVIL IMMIGRATION ENFORCEMENT",
            "",
            "Section 1. Detainers.",
            "(a) No agency or agent of the City shall detain any person on the basis of an immigration detainer, unless the person has been convicted of a violent felony.",
            "(b) No agency shall notify federal immigration authorities of a person's release date.",
            "",
            "Section 2. Jail access.",
            "The City shall not permit ICE agents to access City jails for the purpose of investigative interviews.",
            "",
            "Section 3. Agreements.",
            "The City shall not enter into any agreement under Section 287(g) of the Immigration and Nationality Act.");

    public static final String TEXT = String.join("\n", LINES) + "\n";

    private Ordinances() {
    }

    static String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Ordinance 12-34</title>"
                + "<script>alert('never')</script></head><body><nav>Home | Council</nav><main>");
        for (String line : LINES) {
            if (!line.isEmpty()) {
                html.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
            }
        }
        return html.append("</main><footer>City of Springdale</footer></body></html>").toString();
    }

    public static byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : LINES) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF with a text layer; long lines are wrapped as a word processor would. */
    public static byte[] pdf() {
        return onePage((document, content) -> {
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
            float y = 720;
            for (String line : LINES) {
                for (String part : wrap(line, 95)) {
                    content.beginText();
                    content.newLineAtOffset(60, y);
                    content.showText(part);
                    content.endText();
                    y -= 14;
                }
            }
        });
    }

    /** A PDF whose only page is a picture: a scan without a text layer. */
    static byte[] scannedPdf() {
        return onePage((document, content) -> content.drawImage(
                LosslessFactory.createFromImage(document, new BufferedImage(200, 260, BufferedImage.TYPE_BYTE_GRAY)), 0, 0, 612, 792));
    }

    private interface PageContent {
        void draw(PDDocument document, PDPageContentStream content) throws IOException;
    }

    private static byte[] onePage(PageContent drawing) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                drawing.draw(document, content);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String line, int width) {
        if (line.length() <= width) {
            return List.of(line);
        }
        int cut = line.lastIndexOf(' ', width);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(line.substring(0, cut)),
                wrap(line.substring(cut + 1), width).stream()).toList();
    }

}

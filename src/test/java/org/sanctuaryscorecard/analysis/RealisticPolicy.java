package org.sanctuaryscorecard.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * A made-up but realistic policy manual, for the round-trip test and the benchmark: numbered sections, paragraphs of
 * legal sentences, "(a)" lists, set in DejaVu Sans 10 pt (embedded as a subset, as word processors do) on Letter
 * pages with a running header and a "Policy 428 ... Page N of M" footer, justified-style line breaks with long words
 * hyphenated at line ends. {@link #paragraphs()} is the text as written, for comparison.
 */
final class RealisticPolicy {

    private static final String[] SUBJECTS = {"The Sheriff's Office", "No member of the Department",
        "The City", "Each agency of the County", "Personnel assigned to the jail", "The Chief of Police"};
    private static final String[] VERBS = {"shall not", "may not", "will not", "is not authorized to"};
    private static final String[] ACTIONS = {
        "detain any person on the basis of a civil immigration detainer",
        "inquire into the immigration or citizenship status of any individual",
        "share personal information with federal immigration authorities",
        "permit federal agents to interview persons in custody without counsel present",
        "enter into any agreement under section 287(g) of the Immigration and Nationality Act",
        "use departmental resources to investigate, interrogate, or arrest persons for immigration purposes",
        "provide notification of release dates, home addresses, or work addresses",
        "grant access to correctional facilities for the purpose of immigration enforcement"};
    private static final String[] CLAUSES = {
        "unless presented with a judicial warrant signed by a federal judge",
        "except as expressly required by state or federal law",
        "notwithstanding any administrative request or documentation to the contrary",
        "in order to preserve the confidentiality and accountability of correctional operations",
        "regardless of the interpretation offered by federal representatives",
        "consistent with the constitutional protections guaranteed to every resident"};
    private static final String[] TITLES = {"Purpose", "Definitions", "Detainer requests", "Information sharing",
        "Interviews in custody", "Agreements with federal agencies", "Training", "Records and reporting",
        "Complaints and investigations", "Severability"};

    static final int PAGES = 30;
    private static final float FONT_SIZE = 10;
    private static final float LEADING = 12.5f;
    private static final float LEFT = 72;
    private static final float WIDTH = 612 - 2 * 72;
    private static final float TOP = 700;
    private static final float BOTTOM = 80;

    private final List<String> paragraphs = new ArrayList<>();
    private final byte[] pdf;

    RealisticPolicy() {
        Random random = new Random(428);
        int section = 0;
        while (paragraphs.size() < 400) {
            section++;
            paragraphs.add("Section " + section + ". " + TITLES[(section - 1) % TITLES.length] + ".");
            for (int p = 0; p < 3 + random.nextInt(3); p++) {
                StringBuilder paragraph = new StringBuilder();
                for (int s = 0; s < 3 + random.nextInt(4); s++) {
                    paragraph.append(paragraph.length() == 0 ? "" : " ").append(sentence(random));
                }
                paragraphs.add(paragraph.toString());
            }
            if (section % 2 == 0) {
                paragraphs.add("The following are prohibited:");
                for (int item = 0; item < 3; item++) {
                    String action = ACTIONS[random.nextInt(ACTIONS.length)];
                    paragraphs.add("(" + (char) ('a' + item) + ") to " + action + " "
                            + CLAUSES[random.nextInt(CLAUSES.length)] + (item < 2 ? ";" : "."));
                }
            }
        }
        pdf = layOut();
    }

    private static String sentence(Random random) {
        return SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + VERBS[random.nextInt(VERBS.length)] + " "
                + ACTIONS[random.nextInt(ACTIONS.length)] + " " + CLAUSES[random.nextInt(CLAUSES.length)] + ".";
    }

    List<String> paragraphs() {
        return paragraphs;
    }

    byte[] pdf() {
        return pdf;
    }

    String text() {
        return String.join("\n", paragraphs);
    }

    byte[] docx() {
        try (XWPFDocument document = new XWPFDocument()) {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Policy 428</title></head><body>"
                + "<nav><a href=\"/\">Home</a></nav><main>");
        for (String paragraph : paragraphs) {
            String escaped = paragraph.replace("&", "&amp;").replace("<", "&lt;");
            html.append(paragraph.startsWith("Section ") ? "<h2>" + escaped + "</h2>" : "<p>" + escaped + "</p>")
                    .append('\n');
        }
        return html.append("</main><footer>City of Example</footer></body></html>").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Lines as a word processor breaks them, long words hyphenated, as many pages as the text takes. */
    private byte[] layOut() {
        try (PDDocument document = new PDDocument();
             InputStream fontFile = RealisticPolicy.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDFont font = PDType0Font.load(document, fontFile, true);
            List<List<String>> pages = new ArrayList<>();
            List<String> page = new ArrayList<>();
            int linesPerPage = (int) ((TOP - BOTTOM) / LEADING);
            int kept = 0;
            for (String paragraph : paragraphs) {
                List<String> lines = wrap(paragraph, font);
                int free = linesPerPage - page.size();
                int pagesNeeded = pages.size() + 1 + (lines.size() > free ? (lines.size() - free - 1) / linesPerPage + 1 : 0);
                if (pagesNeeded > PAGES) {
                    break; // the manual is as long as PAGES pages: drop the paragraphs that would not fit
                }
                kept++;
                for (String line : lines) {
                    if (page.size() >= linesPerPage) {
                        pages.add(page);
                        page = new ArrayList<>();
                    }
                    page.add(line);
                }
                page.add(""); // space between paragraphs
            }
            paragraphs.subList(kept, paragraphs.size()).clear();
            pages.add(page);
            for (int p = 0; p < pages.size(); p++) {
                PDPage pdfPage = new PDPage(PDRectangle.LETTER);
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    TestPdfs.show(content, font, 8, LEFT, 750, "County of Example \u2014 Sheriff\u2019s Office "
                            + "Policy Manual (revised 3/1/2024)");
                    float y = TOP;
                    for (String line : pages.get(p)) {
                        if (!line.isEmpty()) {
                            TestPdfs.show(content, font, FONT_SIZE, LEFT, y, line);
                        }
                        y -= LEADING;
                    }
                    TestPdfs.show(content, font, 8, LEFT, 40, "Policy 428");
                    TestPdfs.show(content, font, 8, 480, 40, "Page " + (p + 1) + " of " + pages.size());
                }
            }
            return TestPdfs.bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String paragraph, PDFont font) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font) <= WIDTH) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            // hyphenate a long lower-case word: as much as fits, then "-"
            String rest = word;
            if (word.length() >= 10 && word.chars().allMatch(Character::isLowerCase)) {
                for (int cut = word.length() - 4; cut >= 4; cut--) {
                    String head = (line.length() == 0 ? "" : line + " ") + word.substring(0, cut) + "-";
                    if (width(head, font) <= WIDTH) {
                        lines.add(head);
                        line.setLength(0);
                        rest = word.substring(cut);
                        break;
                    }
                }
            }
            if (rest.equals(word)) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDFont font) throws IOException {
        return font.getStringWidth(text) / 1000 * FONT_SIZE;
    }
}

package org.sanctuaryscorecard.analysis.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.sanctuaryscorecard.analysis.DocumentText;
import org.sanctuaryscorecard.analysis.TextExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of a Word document (.docx) with Apache POI: the body's paragraphs in order, one per line, with list
 * numbers and bullets as Word shows them ("1.", "(a)", "•"); tables row by row, cells separated by a tab; content
 * controls; then footnotes and endnotes, after a blank line, as "[1] text" (the reference in the body reads "[1]").
 * Headers and footers are left out.
 *
 * <p>Zip bombs are refused before POI parses anything: by the sizes the ZIP's directory declares (more than
 * {@link #MAX_ENTRIES} entries, an entry over {@link #MAX_ENTRY_SIZE}, a total over {@link #MAX_TOTAL_SIZE}, or an
 * entry that inflates more than 1:{@code 1/MIN_INFLATE_RATIO}), then by the bytes that actually inflate (a directory
 * can lie), counted and stopped at the same limits. POI itself is set to the same ratio and entry size
 * ({@link ZipSecureFile}), which also covers what it reads.
 */
final class DocxReader {

    static final String FORMAT = "docx";

    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;
    static final long MAX_TOTAL_SIZE = 200L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    /** Entries smaller than this may inflate by any ratio: tiny XML parts compress extremely well. */
    private static final long RATIO_GRACE_SIZE = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DocxReader.class);
    private static final Pattern NOTE_REFERENCE = Pattern.compile("\\[(?:footnoteRef|endnoteRef):(-?\\d+)]");

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
    }

    private DocxReader() {
    }

    static DocumentText read(String name, byte[] content) {
        ZipDirectory directory;
        try {
            directory = ZipDirectory.read(content);
        } catch (ZipDirectory.DamagedZipException e) {
            throw Problems.docxDamaged(name);
        }
        checkDeclaredSizes(name, directory);
        checkInflatedSizes(name, content);

        XWPFDocument document;
        try {
            document = new XWPFDocument(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw Problems.docxTooBig(name, MAX_ENTRY_SIZE);
            }
            log.debug("{}: POI could not open the document", name, e);
            throw Problems.docxDamaged(name);
        }
        try (document) {
            return new DocumentText(name, FORMAT, new Writer(document).text(), List.of(), List.of());
        } catch (IOException e) {
            throw Problems.docxDamaged(name);
        }
    }

    private static void checkDeclaredSizes(String name, ZipDirectory directory) {
        if (directory.entries().size() > MAX_ENTRIES || directory.declaredTotalSize() > MAX_TOTAL_SIZE) {
            throw Problems.docxTooBig(name, MAX_TOTAL_SIZE);
        }
        for (ZipDirectory.Entry entry : directory.entries()) {
            if (entry.size() > MAX_ENTRY_SIZE
                    || entry.size() > RATIO_GRACE_SIZE && entry.compressedSize() < entry.size() * MIN_INFLATE_RATIO) {
                throw Problems.docxTooBig(name, MAX_ENTRY_SIZE);
            }
        }
    }

    /** Inflates every entry into nothing, counting, and stops as soon as a limit is passed. */
    private static void checkInflatedSizes(String name, byte[] content) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw Problems.docxTooBig(name, MAX_TOTAL_SIZE);
                }
                long size = 0;
                for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
                    size += read;
                    total += read;
                    if (size > MAX_ENTRY_SIZE || total > MAX_TOTAL_SIZE) {
                        throw Problems.docxTooBig(name, size > MAX_ENTRY_SIZE ? MAX_ENTRY_SIZE : MAX_TOTAL_SIZE);
                    }
                    if ((size & 0xFFFFF) < read) {
                        Interruption.check(); // about once a megabyte
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw Problems.docxDamaged(name);
        }
    }

    /** Writes the document's text: paragraphs, list labels, tables, notes. */
    private static final class Writer {

        private final XWPFDocument document;
        private final StringBuilder out = new StringBuilder();
        private final Map<BigInteger, int[]> listCounters = new HashMap<>();
        private final Map<BigInteger, String[]> listFormats = new HashMap<>();

        Writer(XWPFDocument document) {
            this.document = document;
        }

        String text() {
            body(document.getBodyElements(), 0);
            List<XWPFAbstractFootnoteEndnote> notes = new ArrayList<>();
            notes.addAll(document.getFootnotes());
            notes.addAll(document.getEndnotes());
            boolean first = true;
            for (XWPFAbstractFootnoteEndnote note : notes) {
                BigInteger id = note.getId();
                if (id == null || id.signum() <= 0) {
                    continue; // the separator and continuation notes
                }
                StringBuilder noteText = new StringBuilder();
                for (XWPFParagraph paragraph : note.getParagraphs()) {
                    String line = runs(paragraph).strip();
                    if (!line.isEmpty()) {
                        noteText.append(noteText.length() == 0 ? "" : " ").append(line);
                    }
                }
                if (noteText.length() > 0) {
                    line(first ? "\n[" + id + "] " + noteText : "[" + id + "] " + noteText);
                    first = false;
                }
            }
            return tidy(out);
        }

        private void body(List<IBodyElement> elements, int depth) {
            for (IBodyElement element : elements) {
                Interruption.check();
                if (element instanceof XWPFParagraph) {
                    XWPFParagraph paragraph = (XWPFParagraph) element;
                    line(label(paragraph) + runs(paragraph));
                } else if (element instanceof XWPFTable) {
                    table((XWPFTable) element, depth);
                } else if (element instanceof XWPFSDT) {
                    line(((XWPFSDT) element).getContent().getText());
                }
            }
        }

        private void table(XWPFTable table, int depth) {
            if (depth > 20) {
                return;
            }
            for (XWPFTableRow row : table.getRows()) {
                StringBuilder cells = new StringBuilder();
                boolean firstCell = true;
                for (XWPFTableCell cell : row.getTableCells()) {
                    if (!firstCell) {
                        cells.append('\t');
                    }
                    firstCell = false;
                    Writer inner = new Writer(document);
                    inner.body(cell.getBodyElements(), depth + 1);
                    cells.append(tidy(inner.out));
                }
                line(cells.toString());
                checkLength();
            }
        }

        /** The paragraph's runs (text, tabs, breaks, links, fields, inline content controls), notes as "[1]". */
        private static String runs(XWPFParagraph paragraph) {
            StringBuilder text = new StringBuilder();
            for (IRunElement run : paragraph.getIRuns()) {
                if (run instanceof XWPFRun) {
                    text.append(((XWPFRun) run).text());
                } else if (run instanceof XWPFSDT) {
                    text.append(((XWPFSDT) run).getContent().getText());
                }
            }
            Matcher reference = NOTE_REFERENCE.matcher(text);
            return reference.find() ? reference.replaceAll("[$1]") : text.toString();
        }

        /** The list number or bullet Word shows before the paragraph, with a space; "" if none. */
        private String label(XWPFParagraph paragraph) {
            BigInteger numId = paragraph.getNumID();
            if (numId == null || numId.signum() == 0) {
                return "";
            }
            BigInteger ilvl = paragraph.getNumIlvl();
            int level = ilvl == null ? 0 : Math.max(0, Math.min(8, ilvl.intValue()));
            int[] counters = listCounters.computeIfAbsent(numId, id -> new int[9]);
            String[] formats = listFormats.computeIfAbsent(numId, id -> new String[9]);
            String format = paragraph.getNumFmt();
            formats[level] = format;
            counters[level] = counters[level] == 0 ? start(paragraph, numId, level) : counters[level] + 1;
            for (int deeper = level + 1; deeper < 9; deeper++) {
                counters[deeper] = 0;
            }
            if (format == null || format.equals("none")) {
                return "";
            }
            if (format.equals("bullet")) {
                return "\u2022 ";
            }
            String levelText = paragraph.getNumLevelText();
            if (levelText == null || levelText.isEmpty()) {
                levelText = "%" + (level + 1) + ".";
            }
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < levelText.length(); i++) {
                char c = levelText.charAt(i);
                if (c == '%' && i + 1 < levelText.length() && levelText.charAt(i + 1) >= '1'
                        && levelText.charAt(i + 1) <= '9') {
                    int referenced = levelText.charAt(++i) - '1';
                    int value = counters[referenced] == 0 ? 1 : counters[referenced];
                    label.append(number(value, referenced == level ? format : formats[referenced]));
                } else {
                    label.append(c);
                }
            }
            return label.append(' ').toString();
        }

        /** The level's start value from the numbering definitions (a start override first); 1 if none is found. */
        private int start(XWPFParagraph paragraph, BigInteger numId, int level) {
            try {
                BigInteger override = paragraph.getNumStartOverride();
                if (override != null) {
                    return override.intValue();
                }
                XWPFNumbering numbering = document.getNumbering();
                XWPFNum num = numbering == null ? null : numbering.getNum(numId);
                if (num == null || num.getCTNum().getAbstractNumId() == null) {
                    return 1;
                }
                XWPFAbstractNum abstractNum = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
                if (abstractNum == null) {
                    return 1;
                }
                for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
                    if (lvl.getIlvl() != null && lvl.getIlvl().intValue() == level && lvl.getStart() != null) {
                        return lvl.getStart().getVal().intValue();
                    }
                }
            } catch (RuntimeException e) {
                log.debug("numbering of a list paragraph could not be read", e);
            }
            return 1;
        }

        static String number(int value, String format) {
            if (format == null) {
                return Integer.toString(value);
            }
            switch (format) {
                case "lowerLetter":
                    return letters(value).toLowerCase(Locale.ROOT);
                case "upperLetter":
                    return letters(value);
                case "lowerRoman":
                    return roman(value).toLowerCase(Locale.ROOT);
                case "upperRoman":
                    return roman(value);
                case "decimalZero":
                    return value < 10 ? "0" + value : Integer.toString(value);
                default:
                    return Integer.toString(value);
            }
        }

        /** Word's letters: A..Z, then AA..ZZ, AAA... */
        private static String letters(int value) {
            if (value < 1) {
                return Integer.toString(value);
            }
            char letter = (char) ('A' + (value - 1) % 26);
            return String.valueOf(letter).repeat((value - 1) / 26 + 1);
        }

        private static String roman(int value) {
            if (value < 1 || value > 3999) {
                return Integer.toString(value);
            }
            int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
            String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
            StringBuilder roman = new StringBuilder();
            int rest = value;
            for (int i = 0; i < values.length; i++) {
                while (rest >= values[i]) {
                    roman.append(symbols[i]);
                    rest -= values[i];
                }
            }
            return roman.toString();
        }

        private void line(String text) {
            out.append(text).append('\n');
            checkLength();
        }

        private void checkLength() {
            if (out.length() > 2L * TextExtractor.MAX_CHARS) {
                throw new TextTooLongException();
            }
        }

        /** Spaces at line ends dropped, at most one blank line in a row, none at either end. */
        private static String tidy(CharSequence raw) {
            StringBuilder text = new StringBuilder(raw.length());
            int blank = 0;
            for (String line : raw.toString().split("\n", -1)) {
                String trimmed = line.stripTrailing();
                if (trimmed.isEmpty()) {
                    blank++;
                    continue;
                }
                if (text.length() > 0) {
                    text.append(blank > 0 ? "\n\n" : "\n");
                }
                blank = 0;
                text.append(trimmed);
            }
            return text.toString();
        }
    }
}

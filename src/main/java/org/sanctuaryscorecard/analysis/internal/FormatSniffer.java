package org.sanctuaryscorecard.analysis.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a file is from its content; its name's extension is only a hint, used where the content leaves a doubt
 * (a damaged ZIP, a fragment of HTML). In this order:
 * <ol>
 *   <li>PDF: {@code %PDF-} and a version digit within the first 1,024 bytes (as PDF readers accept).</li>
 *   <li>ZIP ({@code PK\3\4}): a Word document if its directory has {@code word/document.xml}; any other ZIP package
 *       (spreadsheet, presentation, OpenDocument, EPUB, plain ZIP) is refused, naming what it is.</li>
 *   <li>Known binary formats by their magic numbers, refused with what they are: older Office files (OLE2: .doc,
 *       .xls, .ppt, and password-protected .docx), images, programs, compressed archives; RTF.</li>
 *   <li>HTML: after an optional byte order mark and white space, {@code <!doctype html}, {@code <html}, an XML
 *       declaration followed by {@code <html}, or clear tag structure (a tag at the start, at least three tags of
 *       HTML elements and a closing tag in the first 8 KB; two tags if the name ends in .htm or .html).
 *       Decoded by its byte order mark, else its {@code <meta charset>}, else as UTF-8 if valid, else Windows-1252.</li>
 *   <li>Plain text: with a byte order mark (UTF-8, UTF-16), or valid UTF-8, or Windows-1252 if every byte decodes
 *       (the five bytes Windows-1252 leaves undefined do not); in every case with no control characters other than
 *       tab, line feed, carriage return and form feed.</li>
 *   <li>Anything else is refused: a program ({@code MZ}) or a BMP image ({@code BM}) if it begins like one, else
 *       "not a document".</li>
 * </ol>
 */
final class FormatSniffer {

    enum Format { PDF, DOCX, HTML, TEXT }

    /**
     * What the content is. For HTML and text, the decoded text (without its byte order mark, if it had one) and the
     * encoding it was read in.
     */
    record Detected(Format format, String text, Charset charset, boolean hadBom) {
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEAD = 8 * 1024;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[\\s>/]");
    private static final java.util.Set<String> HTML_ELEMENTS = java.util.Set.of("html", "head", "body", "title",
            "meta", "link", "p", "div", "span", "br", "hr", "a", "b", "i", "em", "strong", "u", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th", "section",
            "article", "main", "nav", "header", "footer", "aside", "blockquote", "pre", "img", "form", "script",
            "style", "font", "center", "sup", "sub", "small", "label", "figure", "figcaption");

    private FormatSniffer() {
    }

    static Detected detect(String name, String fileName, byte[] b) {
        int pdf = indexOf(b, "%PDF-", Math.min(b.length, 1024));
        if (pdf >= 0 && pdf + 5 < b.length && b[pdf + 5] >= '1' && b[pdf + 5] <= '9') {
            return new Detected(Format.PDF, null, null, false);
        }
        if (startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 'P', 'K', 5, 6)) {
            return new Detected(zip(name, fileName, b), null, null, false);
        }
        refuseKnownBinary(name, b);

        // text: by byte order mark ...
        Charset bomCharset = null;
        int bom = 0;
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            bomCharset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(b, 0xFF, 0xFE)) {
            bomCharset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(b, 0xFE, 0xFF)) {
            bomCharset = StandardCharsets.UTF_16BE;
            bom = 2;
        }
        if (bomCharset != null) {
            String text = decodeStrictly(b, bom, bomCharset);
            if (text == null) {
                throw Problems.notADocument(name);
            }
            if (looksLikeHtml(text.substring(0, Math.min(text.length(), HEAD)), fileName)) {
                return new Detected(Format.HTML, text, bomCharset, true);
            }
            if (!isText(text)) {
                throw Problems.notADocument(name);
            }
            return new Detected(Format.TEXT, text, bomCharset, true);
        }

        // ... HTML by its look, in any ASCII-compatible encoding ...
        String head = new String(b, 0, Math.min(b.length, HEAD), StandardCharsets.ISO_8859_1);
        if (looksLikeHtml(head, fileName)) {
            Charset charset = declaredCharset(head);
            String text = charset != null ? decodeStrictly(b, 0, charset) : null;
            if (text == null) {
                text = decodeStrictly(b, 0, StandardCharsets.UTF_8);
                charset = StandardCharsets.UTF_8;
            }
            if (text == null) {
                charset = WINDOWS_1252;
                text = decodeLeniently(b, charset);
            }
            return new Detected(Format.HTML, text, charset, false);
        }

        // ... or plain UTF-8 or Windows-1252
        String text = decodeStrictly(b, 0, StandardCharsets.UTF_8);
        Charset charset = StandardCharsets.UTF_8;
        if (text == null) {
            text = decodeStrictly(b, 0, WINDOWS_1252);
            charset = WINDOWS_1252;
        }
        if (text != null && isText(text)) {
            return new Detected(Format.TEXT, text, charset, false);
        }
        // binary: the weak signatures, which a text file may also begin with
        if (startsWith(b, 'M', 'Z')) {
            throw Problems.program(name);
        }
        if (startsWith(b, 'B', 'M')) {
            throw Problems.image(name, "BMP");
        }
        if (startsWith(b, 'B', 'Z', 'h')) {
            throw Problems.archive(name, "bzip2");
        }
        throw Problems.notADocument(name);
    }

    private static Format zip(String name, String fileName, byte[] b) {
        ZipDirectory directory;
        try {
            directory = ZipDirectory.read(b);
        } catch (ZipDirectory.DamagedZipException e) {
            String first = ZipDirectory.firstEntryName(b);
            boolean wordLike = hasExtension(fileName, "docx", "docm", "dotx") || first.equals("[Content_Types].xml")
                    || first.startsWith("word/") || first.startsWith("_rels/") || first.startsWith("docProps/");
            throw wordLike ? Problems.docxDamaged(name) : Problems.zipDamaged(name);
        }
        if (directory.contains("word/document.xml")) {
            return Format.DOCX;
        }
        throw Problems.zipNotDocx(name, zipKind(directory, b));
    }

    /** What a ZIP package that is not a Word document is, as a file type anyone recognizes: ".xlsx", ".odt", ".zip". */
    private static String zipKind(ZipDirectory directory, byte[] b) {
        if (directory.contains("xl/workbook.xml")) {
            return ".xlsx";
        }
        if (directory.contains("ppt/presentation.xml")) {
            return ".pptx";
        }
        switch (ZipDirectory.storedMimeType(b)) {
            case "application/vnd.oasis.opendocument.text":
                return ".odt";
            case "application/vnd.oasis.opendocument.spreadsheet":
                return ".ods";
            case "application/vnd.oasis.opendocument.presentation":
                return ".odp";
            case "application/epub+zip":
                return ".epub";
            default:
                return ".zip";
        }
    }

    private static void refuseKnownBinary(String name, byte[] b) {
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            // OLE2: Word 97-2003, Excel, PowerPoint, Outlook; an encrypted .docx is an OLE2 file with this stream
            byte[] encrypted = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
            throw indexOf(b, encrypted, b.length) >= 0 ? Problems.officePassword(name) : Problems.oldOffice(name);
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            throw Problems.image(name, "PNG");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            throw Problems.image(name, "JPEG");
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            throw Problems.image(name, "GIF");
        }
        if (startsWith(b, 'I', 'I', '*', 0) || startsWith(b, 'M', 'M', 0, '*')) {
            throw Problems.image(name, "TIFF");
        }
        if (startsWith(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            throw Problems.image(name, "WebP");
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.startsWith("hei") || brand.startsWith("mif1") || brand.startsWith("avif")) {
                throw Problems.image(name, brand.startsWith("avif") ? "AVIF" : "HEIC");
            }
            throw Problems.notADocument(name); // MP4, QuickTime and other ISO media
        }
        if (startsWith(b, 0x7F, 'E', 'L', 'F') || startsWith(b, 0xCA, 0xFE, 0xBA, 0xBE)
                || startsWith(b, 0xFE, 0xED, 0xFA, 0xCE) || startsWith(b, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(b, 0xCE, 0xFA, 0xED, 0xFE) || startsWith(b, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(b, 0, 'a', 's', 'm') || startsWith(b, 'M', 'Z') && isPortableExecutable(b)) {
            throw Problems.program(name);
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            throw Problems.archive(name, "gzip");
        }
        if (startsWith(b, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            throw Problems.archive(name, "7z");
        }
        if (startsWith(b, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            throw Problems.archive(name, "RAR");
        }
        if (startsWith(b, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            throw Problems.archive(name, "xz");
        }
        if (startsWith(b, 0x28, 0xB5, 0x2F, 0xFD)) {
            throw Problems.archive(name, "zstd");
        }
        if (startsWith(b, '{', '\\', 'r', 't', 'f')) {
            throw Problems.rtf(name);
        }
    }

    /** "MZ" followed by a PE header where the DOS header points: a Windows program, not a text starting with "MZ". */
    private static boolean isPortableExecutable(byte[] b) {
        if (b.length < 0x40) {
            return false;
        }
        long pe = ZipDirectory.u32(b, 0x3C);
        return pe + 4 <= b.length && b[(int) pe] == 'P' && b[(int) pe + 1] == 'E' && b[(int) pe + 2] == 0
                && b[(int) pe + 3] == 0;
    }

    /** The start of a file (decoded) looks like an HTML page. */
    static boolean looksLikeHtml(String head, String fileName) {
        int start = 0;
        while (start < head.length() && (Character.isWhitespace(head.charAt(start)) || head.charAt(start) == '\uFEFF')) {
            start++;
        }
        if (start >= head.length() || head.charAt(start) != '<') {
            return false;
        }
        String lower = head.substring(start).toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return true;
        }
        if (lower.startsWith("<?xml") || lower.startsWith("<!doctype")) {
            return lower.contains("<html");
        }
        int tags = 0;
        boolean closing = false;
        Matcher tag = TAG.matcher(lower);
        while (tag.find()) {
            if (HTML_ELEMENTS.contains(tag.group(2))) {
                tags++;
                closing |= !tag.group(1).isEmpty();
            }
        }
        int needed = hasExtension(fileName, "htm", "html", "xhtml") ? 2 : 3;
        return tags >= needed && closing;
    }

    private static Charset declaredCharset(String head) {
        Matcher meta = META_CHARSET.matcher(head);
        if (!meta.find()) {
            return null;
        }
        try {
            Charset charset = Charset.forName(meta.group(1));
            // as browsers do: a page declared ISO-8859-1 or ASCII is read as Windows-1252, its superset
            String canonical = charset.name();
            return canonical.equals("ISO-8859-1") || canonical.equals("US-ASCII") ? WINDOWS_1252 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** The content decoded, or null if any byte sequence is malformed or unmappable in that encoding. */
    static String decodeStrictly(byte[] b, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(b, offset, b.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeLeniently(byte[] b, Charset charset) {
        return new String(b, charset);
    }

    /** No control characters but tab, line feed, form feed and carriage return (and no DEL). */
    static boolean isText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\f' && c != '\r' : c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    static boolean hasExtension(String fileName, String... extensions) {
        if (fileName == null) {
            return false;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (lower.endsWith("." + extension)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, String ascii, int limit) {
        return indexOf(b, ascii.getBytes(StandardCharsets.ISO_8859_1), limit);
    }

    /** The first index of {@code needle} that ends at or before {@code limit}, or -1. */
    static int indexOf(byte[] b, byte[] needle, int limit) {
        int last = Math.min(limit, b.length) - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package org.sanctuaryscorecard.correction.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.sanctuaryscorecard.correction.CorrectionFile;
import org.sanctuaryscorecard.correction.CorrectionInput;
import org.sanctuaryscorecard.correction.CorrectionInputException;
import org.sanctuaryscorecard.correction.CorrectionLimits;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Checks a file sent as evidence: not empty, within the size limit, one of the accepted kinds by its declared type
 * or its name, and its content really of that kind (a PDF starts like a PDF, a PNG like a PNG, a text has no NUL
 * bytes). The stored type is the checked one; files are only ever offered for download, never shown inline.
 */
public final class FileCheck {

    /** The kinds by file name ending, for browsers that declare application/octet-stream. */
    private static final Map<String, String> BY_ENDING = Map.of(".pdf", "application/pdf",
            ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".txt", "text/plain",
            ".text", "text/plain", ".html", "text/html", ".htm", "text/html", ".png", "image/png", ".jpg", "image/jpeg",
            ".jpeg", "image/jpeg");
    /** The signatures files of a kind start with, as ISO-8859-1 text. */
    private static final String PNG = "\u0089PNG\r\n\u001a\n";
    private static final String JPEG = "\u00ff\u00d8\u00ff";
    private static final String ZIP = "PK\u0003\u0004";
    /** How far into a PDF its header may be (readers accept a little junk before it). */
    private static final int PDF_WITHIN = 1024;
    private static final int NAME_MAX = 255;

    private FileCheck() {
    }

    /** The file as it will be stored, or a {@link CorrectionInputException} (field "file") saying what is wrong. */
    public static CorrectionFile check(CorrectionInput.Upload upload, CorrectionLimits limits) {
        String name = cleanName(upload.name());
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw new CorrectionInputException("file", "correction.error.fileEmpty", name);
        }
        if (content.length > limits.fileMax().toBytes()) {
            throw new CorrectionInputException("file", "correction.error.fileTooLarge", name, content.length,
                    limits.fileMaxMegabytes());
        }
        String type = claimedType(name, upload.contentType());
        if (!looksLike(type, content)) {
            throw new CorrectionInputException("file", "correction.error.fileContent", name, kindKey(type));
        }
        return new CorrectionFile(withEnding(name, type), type, content.length, sha256(content), content);
    }

    /**
     * The name with an ending of its checked kind, so that a download never opens as something else: "order.exe" sent
     * as a PDF is kept as "order.exe.pdf". A name that already ends right is kept as it is.
     */
    static String withEnding(String name, String type) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean fits = BY_ENDING.entrySet().stream().anyMatch(e -> e.getValue().equals(type) && lower.endsWith(e.getKey()));
        if (fits) {
            return name;
        }
        String ending = switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "text/html" -> ".html";
            case "text/plain" -> ".txt";
            default -> ".docx";
        };
        return (name.length() + ending.length() <= NAME_MAX ? name : name.substring(name.length() + ending.length() - NAME_MAX))
                + ending;
    }

    private static String claimedType(String name, String declared) {
        String type = declared == null ? "" : declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (CorrectionLimits.FILE_TYPES.contains(type)) {
            return type;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return BY_ENDING.entrySet().stream().filter(e -> lower.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new CorrectionInputException("file", "correction.error.fileType", name,
                        type.isEmpty() ? "?" : type));
    }

    /**
     * Whether the content is of the kind: a PDF has "%PDF-" in its first 1024 bytes, a PNG and a JPEG start with their
     * signatures, a .docx is a zip holding word/document.xml, and a text or web page has no NUL byte. The bytes are
     * read as ISO-8859-1, one character per byte, so that these are plain string searches.
     */
    private static boolean looksLike(String type, byte[] content) {
        String bytes = new String(content, StandardCharsets.ISO_8859_1);
        return switch (type) {
            case "application/pdf" -> bytes.substring(0, Math.min(bytes.length(), PDF_WITHIN)).contains("%PDF-");
            case "image/png" -> bytes.startsWith(PNG);
            case "image/jpeg" -> bytes.startsWith(JPEG);
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> bytes.startsWith(ZIP)
                    && bytes.contains("word/document.xml");
            default -> bytes.indexOf('\0') < 0; // text and HTML
        };
    }

    /** The words for a kind of file (a message key, resolved with the message), for "the file is not a {kind}". */
    private static DefaultMessageSourceResolvable kindKey(String type) {
        return new DefaultMessageSourceResolvable(new String[] {"correction.fileKind." + switch (type) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            case "image/jpeg" -> "jpeg";
            case "text/html" -> "html";
            case "text/plain" -> "text";
            default -> "docx";
        }}, type);
    }

    /** The name as sent, without folders or control characters, at most 255 characters; "evidence" when blank. */
    static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return "evidence";
        }
        String clean = name.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return clean.length() <= NAME_MAX ? clean : clean.substring(clean.length() - NAME_MAX);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

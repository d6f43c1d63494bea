package org.sanctuaryscorecard.analysis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a ZIP file held in memory, read without unpacking anything: each entry's name, method and
 * declared sizes. Used to tell a Word document from other ZIP packages and to refuse zip bombs whose declared sizes
 * give them away before any byte is inflated. The sizes are what the file claims; {@link DocxReader} also counts the
 * bytes actually inflated.
 */
final class ZipDirectory {

    /** A ZIP's four-byte local file header signature, "PK\3\4". */
    static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    record Entry(String name, int method, long compressedSize, long size) {
    }

    /** The ZIP's directory cannot be read: the file is truncated or damaged, or uses ZIP64. */
    static final class DamagedZipException extends Exception {

        DamagedZipException(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Entry> entries;

    private ZipDirectory(List<Entry> entries) {
        this.entries = entries;
    }

    List<Entry> entries() {
        return entries;
    }

    boolean contains(String name) {
        return entries.stream().anyMatch(e -> e.name().equals(name));
    }

    long declaredTotalSize() {
        long total = 0;
        for (Entry entry : entries) {
            total += entry.size();
        }
        return total;
    }

    /**
     * @throws DamagedZipException if there is no end-of-directory record, or the directory runs outside the file
     */
    static ZipDirectory read(byte[] zip) throws DamagedZipException {
        int end = findEndOfDirectory(zip);
        if (end < 0) {
            throw new DamagedZipException("no end of central directory record");
        }
        int count = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directoryOffset = u32(zip, end + 16);
        if (count == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
            throw new DamagedZipException("ZIP64 archives are not read");
        }
        if (directoryOffset + directorySize > end) {
            throw new DamagedZipException("the central directory runs past its end record");
        }
        List<Entry> entries = new ArrayList<>(count);
        int at = (int) directoryOffset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > end || u32(zip, at) != CENTRAL_HEADER) {
                throw new DamagedZipException("central directory entry " + i + " is damaged");
            }
            int method = u16(zip, at + 10);
            long compressed = u32(zip, at + 20);
            long size = u32(zip, at + 24);
            int nameLength = u16(zip, at + 28);
            int extraLength = u16(zip, at + 30);
            int commentLength = u16(zip, at + 32);
            int next = at + 46 + nameLength + extraLength + commentLength;
            if (next > end) {
                throw new DamagedZipException("central directory entry " + i + " runs past the directory");
            }
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            entries.add(new Entry(name, method, compressed, size));
            at = next;
        }
        return new ZipDirectory(List.copyOf(entries));
    }

    /** The name of the first entry from its local header, or "" if there is none: used to guess what a damaged ZIP was. */
    static String firstEntryName(byte[] zip) {
        if (zip.length < 30 || u32(zip, 0) != LOCAL_HEADER) {
            return "";
        }
        int nameLength = u16(zip, 26);
        return 30 + nameLength <= zip.length ? new String(zip, 30, nameLength, StandardCharsets.UTF_8) : "";
    }

    /**
     * The content of the first entry when it is stored uncompressed and named {@code mimetype}, as OpenDocument and
     * EPUB files begin; otherwise "".
     */
    static String storedMimeType(byte[] zip) {
        if (!"mimetype".equals(firstEntryName(zip)) || u16(zip, 8) != 0) {
            return "";
        }
        long size = u32(zip, 18);
        int start = 30 + u16(zip, 26) + u16(zip, 28);
        if (size > 200 || start + size > zip.length) {
            return "";
        }
        return new String(zip, start, (int) size, StandardCharsets.US_ASCII).strip();
    }

    private static int findEndOfDirectory(byte[] zip) {
        int last = zip.length - END_RECORD_SIZE;
        int first = Math.max(0, last - MAX_COMMENT);
        for (int at = last; at >= first; at--) {
            if (u32(zip, at) == END_OF_DIRECTORY && at + END_RECORD_SIZE + u16(zip, at + 20) <= zip.length) {
                return at;
            }
        }
        return -1;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}

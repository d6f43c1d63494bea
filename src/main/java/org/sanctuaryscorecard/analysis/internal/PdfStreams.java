package org.sanctuaryscorecard.analysis.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Refuses PDFs with Flate "bombs" before PDFBox opens them. PDFBox 3.0.8 decodes a stream whose {@code /Filter} is
 * an array (even of one filter), and fonts and object streams, wholly into memory with no limit, and deflate packs
 * about 1,000 bytes into one: a 4.6 MB PDF holding 1 GB of spaces made PDFBox run out of a 256 MB heap in 0.4 s.
 *
 * <p>This scan finds every {@code stream} keyword that follows a dictionary ({@code >>}) in the raw bytes and, when
 * the data starts with a zlib header, inflates it into nothing, counting. A stream that unpacks to more than
 * {@link #MAX_STREAM_SIZE}, or streams that together unpack to more than {@link #MAX_TOTAL_SIZE}, refuse the
 * document. Image streams ({@code /Image} in their dictionary) are skipped: text
 * extraction never decodes images. Data that is not valid zlib is left for PDFBox to judge. Other filters
 * (RunLength, LZW) are not scanned: they are rare, and their expansion is bounded by the time limit only.
 */
final class PdfStreams {

    static final long MAX_STREAM_SIZE = 64L * 1024 * 1024;
    static final long MAX_TOTAL_SIZE = 512L * 1024 * 1024;
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IMAGE = "/Image".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OBJ = "obj".getBytes(StandardCharsets.US_ASCII);
    private static final int DICTIONARY_LOOK_BACK = 4096;

    private PdfStreams() {
    }

    /** @throws org.sanctuaryscorecard.analysis.UnreadableDocumentException if a stream unpacks to too much */
    static void check(String name, byte[] pdf) {
        long total = 0;
        int previous = 0; // a stream's dictionary starts after the previous "stream" keyword
        Inflater inflater = new Inflater();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
                int after = previous;
                previous = at + STREAM.length;
                if (!followsDictionary(pdf, at)) {
                    continue;
                }
                Interruption.check();
                int data = at + STREAM.length;
                if (data < pdf.length && pdf[data] == '\r') {
                    data++;
                }
                if (data < pdf.length && pdf[data] == '\n') {
                    data++;
                }
                if (data + 2 > pdf.length || !isZlibHeader(pdf[data], pdf[data + 1]) || isImage(pdf, after, at)) {
                    continue;
                }
                long size = inflatedSize(inflater, buffer, pdf, data, MAX_STREAM_SIZE);
                if (size > MAX_STREAM_SIZE) {
                    throw Problems.pdfTooBig(name, MAX_STREAM_SIZE);
                }
                total += size;
                if (total > MAX_TOTAL_SIZE) {
                    throw Problems.pdfTooBig(name, MAX_TOTAL_SIZE);
                }
            }
        } finally {
            inflater.end();
        }
    }

    /** "stream" right after the stream's dictionary: {@code >>}, possibly with white space between. */
    private static boolean followsDictionary(byte[] pdf, int at) {
        int i = at - 1;
        while (i >= 0 && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n' || pdf[i] == '\t')) {
            i--;
        }
        return i >= 1 && pdf[i] == '>' && pdf[i - 1] == '>';
    }

    /** The stream's dictionary (back to its "obj", not before {@code after}) names /Image. */
    private static boolean isImage(byte[] pdf, int after, int at) {
        int from = Math.max(after, at - DICTIONARY_LOOK_BACK);
        int obj = lastIndexOf(pdf, OBJ, from, at);
        int start = obj >= 0 ? obj : from;
        return lastIndexOf(pdf, IMAGE, start, at) >= 0;
    }

    static boolean isZlibHeader(byte first, byte second) {
        int cmf = first & 0xFF;
        int flg = second & 0xFF;
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
    }

    /**
     * The size the zlib data at {@code offset} unpacks to, or {@code limit + 1} as soon as it passes the limit.
     * Damaged or truncated data counts as far as it inflates.
     */
    static long inflatedSize(Inflater inflater, byte[] buffer, byte[] data, int offset, long limit) {
        inflater.reset();
        inflater.setInput(data, offset, data.length - offset);
        long count = 0;
        try {
            while (!inflater.finished()) {
                int inflated = inflater.inflate(buffer);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                count += inflated;
                if (count > limit) {
                    return limit + 1;
                }
                if ((count & 0xFFFFF) < inflated) {
                    Interruption.check(); // about once a megabyte
                }
            }
        } catch (DataFormatException e) {
            // damaged data: counted as far as it went
        }
        return count;
    }

    static int indexOf(byte[] b, byte[] needle, int from) {
        int last = b.length - needle.length;
        outer:
        for (int i = Math.max(0, from); i <= last; i++) {
            if (b[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte[] needle, int from, int to) {
        outer:
        for (int i = to - needle.length; i >= from; i--) {
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

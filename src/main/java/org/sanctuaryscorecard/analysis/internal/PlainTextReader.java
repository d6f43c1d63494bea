package org.sanctuaryscorecard.analysis.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.sanctuaryscorecard.analysis.DocumentText;

/**
 * Plain text, exactly as in the file but for two changes: line ends {@code \r\n} and {@code \r} become {@code \n},
 * and a byte order mark at the start is dropped. No other character is touched (no dehyphenation, no trimming, no
 * Unicode normalization), so any quote taken from the text is a verbatim substring of the file's text.
 */
final class PlainTextReader {

    static final String FORMAT = "text";

    private PlainTextReader() {
    }

    static DocumentText read(String name, String decoded, Charset charset, boolean hadBom) {
        List<String> repairs = new ArrayList<>(3);
        if (charset.equals(FormatSniffer.WINDOWS_1252)) {
            repairs.add("Read as Windows-1252 text: the file is not valid UTF-8.");
        } else if (!charset.equals(StandardCharsets.UTF_8)) {
            repairs.add("Read as " + charset.name() + " text, as its byte order mark says.");
        }
        String text = decoded;
        if (hadBom || text.startsWith("\uFEFF")) {
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            repairs.add("Removed the byte order mark at the start of the file.");
        }
        int lineEnds = 0;
        if (text.indexOf('\r') >= 0) {
            StringBuilder normalized = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r') {
                    normalized.append('\n');
                    lineEnds++;
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                } else {
                    normalized.append(c);
                }
            }
            text = normalized.toString();
            repairs.add("Converted " + lineEnds + " Windows or old Mac line ends (CR LF, CR) to LF.");
        }
        return new DocumentText(name, FORMAT, text, List.of(), repairs);
    }
}

package org.sanctuaryscorecard.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.analysis.internal.Problems;

/** Every message key the extractor can raise is in messages.properties, in its own section, and formats cleanly. */
class AnalysisMessagesTest {

    @Test
    void everyProblemHasAMessageThatNamesTheDocumentAndFormats() throws Exception {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> keys = new ArrayList<>();
        for (Method method : Problems.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            Object[] arguments = new Object[method.getParameterCount()];
            Class<?>[] types = method.getParameterTypes();
            arguments[0] = "Policy 428.pdf";
            for (int i = 1; i < arguments.length; i++) {
                arguments[i] = types[i] == String.class ? "PNG" : types[i] == long.class ? (Object) 12_345L : 2;
            }
            UnreadableDocumentException problem = (UnreadableDocumentException) method.invoke(null, arguments);
            String key = problem.messageKey();
            keys.add(key);
            assertThat(key).startsWith("analysis.error.");
            String pattern = messages.getProperty(key);
            assertThat(pattern).as(key).isNotNull();
            String message = new MessageFormat(pattern, Locale.US).format(problem.arguments());
            assertThat(message).as(key).contains("Policy 428.pdf").doesNotContain("{", "}", "''");
        }
        assertThat(keys).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates();
        assertThat(new MessageFormat(messages.getProperty("analysis.error.tooLarge"), Locale.US)
                .format(Problems.tooLarge("big.pdf", 25_000_000L).arguments()))
                .startsWith("\u201cbig.pdf\u201d is 25,000,000 bytes; files can be at most 20 MB (20,971,520 bytes).");
        assertThat(new MessageFormat(messages.getProperty("analysis.error.pdfNoText"), Locale.US)
                .format(Problems.pdfNoText("scan.pdf", 1).arguments())).contains("has one page but no text layer");
    }

    @Test
    void theMessagesAreOneSection() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/resources/messages.properties"));
        int heading = lines.indexOf("# Analyzer: reading documents");
        assertThat(heading).isPositive();
        // the section ends where the next one begins: a blank line and a comment heading (later features append theirs)
        int end = lines.size();
        for (int i = heading + 2; i < lines.size(); i++) {
            if (lines.get(i).startsWith("# ") && lines.get(i - 1).isBlank()) {
                end = i - 1;
                break;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("analysis.error.")) {
                assertThat(i).as("line %d", i + 1).isGreaterThan(heading).isLessThan(end);
            } else if (i > heading && i < end) {
                assertThat(lines.get(i)).as("line %d", i + 1).satisfiesAnyOf(
                        l -> assertThat(l).startsWith("#"), l -> assertThat(l).startsWith("analysis.error."));
            }
        }
    }
}

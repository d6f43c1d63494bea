package org.sanctuaryscorecard.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message key the account pages, their Java code and {@link Accounts} use is in messages.properties, in the
 * section "# Accounts and organizations" just before the analyzer's sections, and formats cleanly.
 */
class AccountMessagesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.-]+)[}(]");
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:account|setup|audit|admin|organizations?|nav|cli\\.users)\\.[a-zA-Z0-9.-]+[a-zA-Z0-9])\"");

    private static Properties messages() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(MESSAGES)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static Set<String> keysIn(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher key = pattern.matcher(Files.readString(file));
                while (key.find()) {
                    keys.add(key.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyUsedByTheAccountPagesAndCodeExists() throws IOException {
        Properties messages = messages();
        Set<String> used = new TreeSet<>(keysIn(Path.of("src/main/resources/templates/account"), ".html", TEMPLATE_KEY));
        used.addAll(keysIn(Path.of("src/main/resources/templates/fragments"), ".html", TEMPLATE_KEY));
        used.addAll(keysIn(Path.of("src/main/java/org/sanctuaryscorecard/account"), ".java", JAVA_KEY));
        for (String role : List.of("viewer", "editor", "reviewer", "admin")) {
            used.add("account.role." + role);
            used.add("account.role." + role + ".means");
        }
        for (String state : List.of("wrong", "expired", "done")) {
            used.add("setup.error." + state);
        }

        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used).allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotNull());
    }

    @Test
    void everyMessageKeyOfAccountsIsThere() throws IOException {
        Properties messages = messages();
        Set<String> keys = keysIn(Path.of("src/main/java/org/sanctuaryscorecard/account/Accounts.java"), ".java",
                Pattern.compile("\"(account\\.error\\.[a-zA-Z]+)\""));

        assertThat(keys).contains("account.error.lastAdmin", "account.error.passwordShort", "account.error.usernameTaken");
        assertThat(keys).allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotNull());
    }

    @Test
    void theMessagesFormatWithTheirArguments() throws IOException {
        Properties messages = messages();
        for (String key : messages.stringPropertyNames()) {
            if (Stream.of("account.", "setup.", "audit.", "admin.", "organization", "cli.users.").anyMatch(key::startsWith)) {
                MessageFormat format = new MessageFormat(messages.getProperty(key), Locale.US);
                Format[] kinds = format.getFormatsByArgumentIndex();
                Object[] arguments = new Object[Math.max(kinds.length, 3)];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = i < kinds.length && kinds[i] instanceof NumberFormat ? (Object) 3 : "Ana P\u00e9rez";
                }
                String text = format.format(arguments);
                assertThat(text).as(key).doesNotContain("''").doesNotContain("{").isNotBlank();
            }
        }
        assertThat(new MessageFormat(messages.getProperty("account.signIn.lockedUntil"), Locale.US).format(new Object[] {"14:05"}))
                .isEqualTo("Too many failed sign-ins: this account is locked until 14:05 (UTC). Try again then, or ask an "
                        + "administrator to reset the password.");
    }

    @Test
    void theSectionComesJustBeforeTheAnalyzersWebPages() throws IOException {
        List<String> lines = Files.readAllLines(MESSAGES);
        int accounts = lines.indexOf("# Accounts and organizations");
        int analyzer = lines.indexOf("# Analyzer: web pages");

        assertThat(accounts).isPositive().isLessThan(analyzer);
        assertThat(lines.subList(accounts, analyzer)).filteredOn(l -> l.startsWith("# ") && !l.startsWith("# Accounts"))
                .as("other sections between them").allSatisfy(l -> assertThat(l).startsWith("# MessageFormat"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("account.") || line.startsWith("setup.") || line.startsWith("audit.") || line.startsWith("admin.")
                    || line.startsWith("organization") || line.startsWith("cli.users.") || line.startsWith("nav.account")) {
                assertThat(i).as("line %d: %s", i + 1, line).isBetween(accounts, analyzer);
            }
        }
    }
}

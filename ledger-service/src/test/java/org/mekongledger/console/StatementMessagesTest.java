package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The statement speaks the console's six languages: every word in every one, the drafts marked as drafts. */
class StatementMessagesTest {

    private static final String[] LANGUAGES = {"", "_th", "_my", "_km", "_lo", "_vi"};

    @Test
    void everyKeyIsInAllSixBundlesAndTheTranslationsAreMarkedAsDrafts() throws IOException {
        Properties english = bundle("");
        Set<String> keys = english.stringPropertyNames();
        assertThat(keys).contains("statement.title", "statement.howToClaim", "scan.code", "scan.refused");
        for (String language : LANGUAGES) {
            Properties bundle = bundle(language);
            assertThat(bundle.stringPropertyNames()).as("console/statement%s.properties", language).isEqualTo(keys);
            for (String key : keys) {
                String words = bundle.getProperty(key);
                assertThat(words).as(language + " " + key).isNotBlank();
                // the same placeholders as the English: an argument lost in translation loses a date or an amount
                assertThat(placeholders(words)).as(language + " " + key).isEqualTo(placeholders(english.getProperty(key)));
            }
            if (!language.isEmpty()) {
                assertThat(firstLine(language)).as(language).startsWith("# DRAFT translation");
                assertThat(bundle.getProperty("statement.title")).isNotEqualTo(english.getProperty("statement.title"));
            }
        }
    }

    @Test
    void aWordWithArgumentsFormatsInItsLanguage() throws IOException {
        for (String language : LANGUAGES) {
            Properties bundle = bundle(language);
            Locale locale = language.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(language.substring(1));
            String formatted = new MessageFormat(bundle.getProperty("statement.deadline"), locale)
                    .format(new Object[] {"BENEFIT", "DAY"});
            assertThat(formatted).as(language).contains("BENEFIT").contains("DAY");
        }
    }

    private static Set<String> placeholders(String words) {
        Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{[0-9]+}").matcher(words);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = StatementMessagesTest.class.getResourceAsStream("/console/statement" + language + ".properties")) {
            assertThat(in).as("console/statement%s.properties", language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String firstLine(String language) throws IOException {
        try (InputStream in = StatementMessagesTest.class.getResourceAsStream("/console/statement" + language + ".properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }
}

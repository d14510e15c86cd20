package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mekongledger.api.DocumentType;
import org.mekongledger.ruleset.RuleSetCatalogue;

/** The console speaks six languages: every word in every one, the drafts marked as drafts. */
class ConsoleMessagesTest {

    private static final String[] LANGUAGES = {"", "_th", "_my", "_km", "_lo", "_vi"};

    @Test
    void everyKeyIsInAllSixBundlesAndTheTranslationsAreMarkedAsDrafts() throws IOException {
        Set<String> english = bundle("").stringPropertyNames();
        for (String language : LANGUAGES) {
            Properties bundle = bundle(language);
            assertThat(bundle.stringPropertyNames()).as("console/messages%s.properties", language).isEqualTo(english);
            assertThat(bundle.values()).as(language).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
            if (!language.isEmpty()) {
                assertThat(firstLine(language)).as(language).startsWith("# DRAFT translation");
                // a translation that is the English word was not translated
                assertThat(bundle.getProperty("find.title")).isNotEqualTo(bundle("").getProperty("find.title"));
            }
        }
    }

    @Test
    void everyDocumentTypeAndEveryShippedBenefitHasItsWords() throws IOException {
        Properties english = bundle("");
        for (DocumentType type : DocumentType.values()) {
            assertThat(english.getProperty("doc." + type)).as("doc." + type).isNotNull();
        }
        RuleSetCatalogue.shipped().entitlements().ruleSets().forEach(ruleSet -> ruleSet.versions().forEach(v -> {
            Object benefits = v.parameters().get("benefits");
            if (benefits instanceof Iterable<?> list) {
                for (Object benefit : list) {
                    String name = String.valueOf(((java.util.Map<?, ?>) benefit).get("benefit"));
                    assertThat(english.getProperty("benefit." + name)).as("benefit." + name).isNotNull();
                }
            }
        }));
        for (String benefit : new String[] {"OLD_AGE_LUMP_SUM", "OLD_AGE_PENSION", "SURVIVORS_LUMP_SUM"}) {
            assertThat(english.getProperty("benefit." + benefit)).isNotNull();
        }
    }

    @Test
    void thaiDatesAreInTheBuddhistEraAndTheOthersInTheirOwnWords() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertThat(ConsoleDates.format(day, Locale.forLanguageTag("th"))).contains("2569").contains("ธันวาคม");
        assertThat(ConsoleDates.format(day, Locale.ENGLISH)).contains("2026").contains("December");
        assertThat(ConsoleDates.format(day, Locale.forLanguageTag("vi"))).contains("2026");
        assertThat(EntitlementView.money(new java.math.BigDecimal("15000.50"), java.util.Currency.getInstance("THB"),
                Locale.forLanguageTag("th-TH"))).contains("15,000.50");
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream("/console/messages" + language + ".properties")) {
            assertThat(in).as("console/messages%s.properties", language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String firstLine(String language) throws IOException {
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream("/console/messages" + language + ".properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }
}

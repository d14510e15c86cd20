package org.mekongledger.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

import org.mekongledger.claim.CountryCurrencies;
import org.springframework.context.MessageSource;

/**
 * One language column of a statement: its words (the statement bundle, with the console's words for
 * documents and benefits), dates in its calendar (the Buddhist era in Thai), and numbers and amounts
 * grouped and written with the locale's digits.
 */
final class StatementLanguage {

    private final Locale locale;
    private final MessageSource messages;

    StatementLanguage(Locale locale, MessageSource messages) {
        this.locale = locale;
        this.messages = messages;
    }

    /** The language tag for the column's {@code lang} attribute. */
    public String lang() {
        return locale.getLanguage();
    }

    public String t(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** A word of the console's bundles, or the code itself when the bundle has none (a new benefit). */
    public String word(String prefix, Object code) {
        return messages.getMessage(prefix + code, null, String.valueOf(code), locale);
    }

    public String date(LocalDate date) {
        return ConsoleDates.format(date, locale);
    }

    public String money(BigDecimal amount, Currency currency) {
        return EntitlementView.money(amount, currency, locale);
    }

    public String count(int count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /** A calendar year as the language writes it: Buddhist era in Thai, no grouping, the locale's digits. */
    public String year(int year) {
        NumberFormat format = NumberFormat.getIntegerInstance(locale);
        format.setGroupingUsed(false);
        return format.format("th".equals(locale.getLanguage()) ? year + 543 : year);
    }

    /** A country's name in the language, from its ISO 3166 alpha-3 code; the code when unknown. */
    public String country(String alpha3) {
        return CountryCurrencies.alpha2(alpha3).map(c -> new Locale("", c).getDisplayCountry(locale)).orElse(alpha3);
    }
}

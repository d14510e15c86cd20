package org.mekongledger.console;

import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as an officer reads them: in Thai in the Buddhist era (2569 for 2026), elsewhere the locale's own way. */
public final class ConsoleDates {

    private ConsoleDates() {
    }

    public static String format(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        DateTimeFormatter style = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        if ("th".equals(locale.getLanguage())) {
            return style.withChronology(ThaiBuddhistChronology.INSTANCE).format(ThaiBuddhistDate.from(date));
        }
        return style.format(date);
    }

    /** A month as "January 2021"; in Thai "มกราคม 2564", in the Buddhist era like every Thai date. */
    public static String month(java.time.YearMonth month, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("LLLL y", locale);
        if ("th".equals(locale.getLanguage())) {
            return format.withChronology(ThaiBuddhistChronology.INSTANCE).format(ThaiBuddhistDate.from(month.atDay(1)));
        }
        return format.format(month.atDay(1));
    }
}

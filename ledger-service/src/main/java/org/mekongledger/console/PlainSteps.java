package org.mekongledger.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mekongledger.entitlement.ExplanationStep;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An explanation step in words an officer can read out to a worker: "Paid by the worker towards old
 * age: 18,000.00, over 48 months from January 2021 to December 2024". The sentence is the bundle's
 * {@code plain.<kind>} with {@code {input}} and {@code {result}} filled in, numbers grouped, dates in
 * the officer's calendar and codes such as LUMP_SUM named in words.
 *
 * <p>The kind is the rule id without its rule set ({@code TH_SSF_S33.OLD_AGE.LUMP_SUM} gives
 * {@code OLD_AGE.LUMP_SUM}), else its last part; where one rule explains itself with different
 * inputs in different cases, {@code plain.<kind>.<input>} names the case by an input only it has.
 * A rule without a sentence still reads as its name and result, never as nothing.
 */
@Component
class PlainSteps {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final MessageSource messages;

    PlainSteps(MessageSource messages) {
        this.messages = messages;
    }

    String sentence(ExplanationStep step, Locale locale) {
        String template = template(step, locale);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String raw = switch (name) {
                case "result" -> step.result();
                case "rule" -> step.ruleId();
                default -> step.inputs().get(name);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(raw == null ? "" : value(raw, locale)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The most particular sentence the bundles have for the step; English fills a language's gaps. */
    private String template(ExplanationStep step, Locale locale) {
        for (String key : keys(step)) {
            String found = messages.getMessage(key, null, null, locale);
            if (found != null) {
                return found;
            }
        }
        return messages.getMessage("plain.any", null, "{rule}: {result}", locale);
    }

    /** Keys to try, most particular first. */
    static List<String> keys(ExplanationStep step) {
        String id = step.ruleId();
        int first = id.indexOf('.');
        List<String> kinds = new ArrayList<>(2);
        if (first > 0) {
            kinds.add(id.substring(first + 1));
        }
        String last = id.substring(id.lastIndexOf('.') + 1);
        if (!kinds.contains(last)) {
            kinds.add(last);
        }
        kinds.add("any");
        List<String> keys = new ArrayList<>();
        for (String kind : kinds) {
            for (String input : step.inputs().keySet()) {
                keys.add("plain." + kind + "." + input);
            }
            if (!kind.equals("any")) {
                keys.add("plain." + kind);
            }
        }
        return keys;
    }

    /** A value as people read it: a code in words, numbers grouped, dates and months in the officer's calendar. */
    String value(String raw, Locale locale) {
        String named = messages.getMessage("value." + raw.replace(' ', '_'), null, null, locale);
        if (named != null) {
            return named;
        }
        if (DECIMAL.matcher(raw).matches()) {
            BigDecimal number = new BigDecimal(raw);
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(number.scale());
            format.setMaximumFractionDigits(number.scale());
            return format.format(number);
        }
        if (WHOLE.matcher(raw).matches() && raw.length() < 10) {
            return NumberFormat.getIntegerInstance(locale).format(Long.parseLong(raw));
        }
        if (DAY.matcher(raw).matches()) {
            return ConsoleDates.format(LocalDate.parse(raw), locale);
        }
        if (MONTH.matcher(raw).matches()) {
            return ConsoleDates.month(YearMonth.parse(raw), locale);
        }
        return raw;
    }
}

package org.mekongledger.settlement.bankfile;

import java.util.regex.Pattern;

/**
 * Free text and identifiers as ISO 20022 takes them. Names and remittance text are cleaned the way a
 * bank would print them (runs of white space, line breaks included, become one space) and cut to the
 * field's length rather than refused, as banks do; a character XML cannot carry at all is refused,
 * since silently replacing it would change a payee's name. Messages name the field, never its value:
 * payee details stay out of logs.
 */
final class IsoText {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern BIC = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private IsoText() {
    }

    /** Cleaned text of at most {@code max} characters, or null when nothing is left. */
    static String text(String value, int max, String field) {
        if (value == null) {
            return null;
        }
        requireXmlCharacters(value, field);
        String cleaned = WHITE_SPACE.matcher(value).replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cut(cleaned, max);
    }

    static String requiredText(String value, int max, String field) {
        String cleaned = text(value, max, field);
        if (cleaned == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return cleaned;
    }

    /** An identifier is never cut: a shortened id would name something else. */
    static String identifier(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        requireXmlCharacters(value, field);
        if (!value.equals(value.strip()) || value.length() > max) {
            throw new IllegalArgumentException(field + " must be 1 to " + max + " characters without outer spaces");
        }
        return value;
    }

    static String country(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!COUNTRY.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be an ISO 3166 alpha-2 code");
        }
        return value;
    }

    static String bic(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!BIC.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is not a BIC (ISO 9362)");
        }
        return value;
    }

    static String currency(String value, String field) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be an ISO 4217 alphabetic code");
        }
        return value;
    }

    /**
     * At most {@code max} UTF-16 units and never half a surrogate pair, so the cut holds whether a
     * validator counts code points or UTF-16 units.
     */
    static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end).strip();
    }

    private static void requireXmlCharacters(String value, String field) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                throw new IllegalArgumentException(field + " holds a character XML cannot carry (U+"
                        + String.format("%04X", c) + ")");
            }
            i += Character.charCount(c);
        }
    }
}

package org.mekongledger.vocabulary;

import java.util.regex.Pattern;

/**
 * Where a figure of a rule-set version comes from.
 *
 * @param title     the document, e.g. "Ministerial Regulation on contribution rates B.E. 2563"
 * @param issuer    who published it: the ministry, the SSO, a law firm, a newspaper
 * @param date      its date as far as known: {@code 2020-03-19}, {@code 2020-03} or {@code 2020}
 * @param reference a URL or a gazette reference (volume, part, page)
 */
public record Citation(String title, String issuer, String date, String reference) {

    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    public Citation {
        require(title, "title");
        require(issuer, "issuer");
        require(date, "date");
        require(reference, "reference");
        if (!PARTIAL_DATE.matcher(date).matches()) {
            throw new IllegalArgumentException("date must be YYYY, YYYY-MM or YYYY-MM-DD, was " + date);
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}

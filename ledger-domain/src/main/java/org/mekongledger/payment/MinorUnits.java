package org.mekongledger.payment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many decimal digits (the ISO 4217 "minor unit", or exponent) an amount of each currency has:
 * VND has none, THB, MMK, KHR, LAK and USD two. Data, not code: the table is
 * {@code payment/iso4217-minor-units.csv}, copied from ISO 4217 list one with its citation in the
 * file's header; a currency that is not in it has no amount we can instruct.
 */
public final class MinorUnits {

    static final String TABLE = "/payment/iso4217-minor-units.csv";
    private static final Map<String, Integer> DIGITS = load();

    private MinorUnits() {
    }

    /** The currency's minor-unit digits, or empty when the table does not list it. */
    public static Optional<Integer> of(String currency) {
        return Optional.ofNullable(DIGITS.get(currency));
    }

    /** Every currency the table lists, by code. */
    public static Map<String, Integer> table() {
        return DIGITS;
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> digits = new TreeMap<>();
        try (InputStream in = MinorUnits.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String row = line.strip();
                if (row.isEmpty() || row.startsWith("#") || row.startsWith("code,")) {
                    continue;
                }
                String[] cells = row.split(",");
                digits.put(cells[0].strip(), Integer.valueOf(cells[2].strip()));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return Map.copyOf(digits);
    }
}

package org.mekongledger.console;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code printed on a worker's statement, as a QR code and as text, so that another office can
 * find the record: {@code MEKONG-LEDGER:WORKER:<workerId>:<check>}. The two check digits are ISO
 * 7064 MOD 97-10 over the worker id read as the hexadecimal number it is (a UUID's 32 hex digits).
 * 97 is prime and divides neither 16 nor 15 nor any difference of two hex digits, so every mistyped
 * character and every swap of two neighbours is caught at the desk instead of opening another
 * worker's record; IBAN's letter mapping (A=10, ...) would miss some, as it turns one character into two digits.
 */
public final class StatementCode {

    static final String PREFIX = "MEKONG-LEDGER:WORKER:";
    /** A worker id as the registry issues it (a UUID), then the check digits; the prefix is optional when typed. */
    private static final Pattern TYPED = Pattern.compile(
            "([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})\\s*[:\\s]\\s*([0-9]{2})");

    private StatementCode() {
    }

    /** The full code for a worker. */
    public static String of(String workerId) {
        return PREFIX + workerId + ":" + check(workerId);
    }

    /** The two check digits for a worker id, as printed under the QR code: 98 minus the remainder with "00" appended. */
    public static String check(String workerId) {
        return String.format(Locale.ROOT, "%02d", 98 - (mod97(workerId) * 100) % 97);
    }

    /**
     * The worker id in a scanned or typed code, if its check digits hold; case, spaces and the prefix
     * are forgiven (an office without a scanner types the id and the two digits).
     */
    public static Optional<String> workerId(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String typed = code.strip().toUpperCase(Locale.ROOT);
        if (typed.startsWith(PREFIX)) {
            typed = typed.substring(PREFIX.length());
        }
        Matcher parts = TYPED.matcher(typed);
        if (!parts.matches()) {
            return Optional.empty();
        }
        String workerId = parts.group(1).toLowerCase(Locale.ROOT);
        // valid when the whole number, check digits appended, leaves 1 (ISO 7064)
        return (mod97(workerId) * 100 + Integer.parseInt(parts.group(2))) % 97 == 1 ? Optional.of(workerId) : Optional.empty();
    }

    /** The id's value by 97, hex digit by hex digit; the dashes are only layout. */
    private static int mod97(String workerId) {
        int remainder = 0;
        for (char c : workerId.toCharArray()) {
            if (c != '-') {
                remainder = (remainder * 16 + Character.digit(c, 16)) % 97;
            }
        }
        return remainder;
    }
}

package org.mekongledger.console;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code printed on a worker's statement, as a QR code and as text, so that another office can
 * find the record: {@code MEKONG-LEDGER:WORKER:<workerId>:<check>}. The two check digits are ISO
 * 7064 MOD 97-10 over the code's characters mapped as an IBAN's are (digits stay, A=10 ... Z=35,
 * '-' and ':' skipped), so a mistyped character or two swapped neighbours are caught at the desk
 * instead of opening another worker's record.
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

    /** The two check digits for a worker id, as printed under the QR code. */
    public static String check(String workerId) {
        return checkDigits(PREFIX + workerId);
    }

    /** ISO 7064 MOD 97-10 check digits of characters mapped as an IBAN's: 98 minus the remainder with "00" appended. */
    static String checkDigits(String characters) {
        return String.format(Locale.ROOT, "%02d", 98 - mod97(numeric(characters) + "00"));
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
        // valid when the whole number, check digits included, leaves 1 (ISO 7064)
        return mod97(numeric(PREFIX + workerId) + parts.group(2)) == 1 ? Optional.of(workerId) : Optional.empty();
    }

    /** Digits stay, letters become 10..35, separators are skipped. */
    static String numeric(String characters) {
        StringBuilder digits = new StringBuilder();
        for (char c : characters.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else if (c != '-' && c != ':') {
                throw new IllegalArgumentException("not a character of a statement code: " + c);
            }
        }
        return digits.toString();
    }

    /** The remainder by 97 of a number too long for a long, digit by digit. */
    private static int mod97(String digits) {
        int remainder = 0;
        for (int i = 0; i < digits.length(); i++) {
            remainder = (remainder * 10 + (digits.charAt(i) - '0')) % 97;
        }
        return remainder;
    }
}

package org.mekongledger.settlement.bankfile;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616): country code, two check digits, up to 30
 * alphanumerics, valid when the ISO 7064 mod-97 check gives 1. Only a valid IBAN goes under
 * {@code Id/IBAN}; any other account number goes under {@code Id/Othr} as a BBAN.
 */
final class Iban {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    /** The account in electronic form (no spaces, upper case) when it is a valid IBAN. */
    static Optional<String> parse(String account) {
        if (account == null) {
            return Optional.empty();
        }
        String compact = account.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!SHAPE.matcher(compact).matches()) {
            return Optional.empty();
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1
                ? Optional.of(compact) : Optional.empty();
    }
}

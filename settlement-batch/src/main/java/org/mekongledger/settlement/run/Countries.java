package org.mekongledger.settlement.run;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ledger names countries in ISO 3166-1 alpha-3 (MMR), ISO 20022 in alpha-2 (MM). The JDK's
 * ISO 3166 table makes the bridge; an unknown code is an error, not a guess.
 */
public final class Countries {

    private static final Map<String, String> ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            ALPHA2.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
    }

    private Countries() {
    }

    public static String alpha2(String alpha3) {
        String alpha2 = ALPHA2.get(alpha3);
        if (alpha2 == null) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 country code: " + alpha3);
        }
        return alpha2;
    }
}

package org.mekongledger.claim;

import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * ISO 3166-1 alpha-3 countries and the ISO 4217 currencies a benefit may be paid in there: each
 * country's own currency (from the JDK's locale data), plus the few extras where payments really are
 * made in another currency. Kept conservative: an extra is added only where the banks of the country
 * pay out in it as a matter of course.
 */
public final class CountryCurrencies {

    /** Where payments are routinely made in a second currency: Cambodia's banks pay out in US dollars. */
    private static final Map<String, Set<String>> EXTRAS = Map.of("KHM", Set.of("USD"));

    private static final Map<String, String> ALPHA2_BY_ALPHA3 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            ALPHA2_BY_ALPHA3.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
    }

    private CountryCurrencies() {
    }

    public static boolean isCountry(String alpha3) {
        return alpha3 != null && ALPHA2_BY_ALPHA3.containsKey(alpha3);
    }

    /** The ISO 3166-1 alpha-2 code of an alpha-3 country, as BICs carry it. */
    public static Optional<String> alpha2(String alpha3) {
        return Optional.ofNullable(alpha3 == null ? null : ALPHA2_BY_ALPHA3.get(alpha3));
    }

    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** The currencies a payment to {@code alpha3} may be made in; empty for an unknown country. */
    public static Set<String> allowedIn(String alpha3) {
        Set<String> allowed = new TreeSet<>();
        alpha2(alpha3).ifPresent(alpha2 -> {
            try {
                Currency own = Currency.getInstance(new Locale("", alpha2));
                if (own != null) {
                    allowed.add(own.getCurrencyCode());
                }
            } catch (IllegalArgumentException noCurrencyData) {
                // a territory the JDK knows no currency for: only the extras, if any
            }
            allowed.addAll(EXTRAS.getOrDefault(alpha3, Set.of()));
        });
        return allowed;
    }

    public static boolean allowed(String alpha3, String currency) {
        return allowedIn(alpha3).contains(currency);
    }
}

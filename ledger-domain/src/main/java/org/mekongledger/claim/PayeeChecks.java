package org.mekongledger.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentChannel;
import org.mekongledger.api.Violation;

/**
 * Whether a payee's payment data can carry a payment: per channel, the fields it needs in the form
 * the rails accept, and none of another channel's. Every offending field is named (under a prefix
 * such as {@code payee} or {@code newPayee}); messages never repeat the value, which is personal data.
 */
public final class PayeeChecks {

    static final int MAX_NAME = 140;
    /** ISO 9362: institution (4 letters), country (2 letters), location (2), optional branch (3). */
    private static final Pattern BIC = Pattern.compile("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$");
    /** An IBAN is at most 34 characters; domestic account numbers are shorter. */
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("^[A-Za-z0-9]{4,34}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    /** Calling codes of the corridor's countries, where a wallet abroad is a mistake worth catching. */
    private static final Map<String, String> CALLING_CODES = Map.of(
            "THA", "+66", "MMR", "+95", "KHM", "+855", "LAO", "+856", "VNM", "+84");
    private static final int MAX_BANK_CODE = 35;
    private static final int MAX_WALLET_PROVIDER = 70;
    private static final int MAX_PICKUP_POINT = 140;

    private PayeeChecks() {
    }

    /** Every violation of {@code payee}, each field named {@code prefix.field}; empty if it can be paid. */
    public static List<Violation> violations(Payee payee, String prefix) {
        List<Violation> violations = new ArrayList<>();
        if (payee == null) {
            violations.add(new Violation(prefix, "a payee is required"));
            return violations;
        }
        Fields fields = new Fields(prefix, violations);
        if (blank(payee.name())) {
            fields.refuse("name", "the payee's name is required");
        } else if (payee.name().strip().length() > MAX_NAME) {
            fields.refuse("name", "at most " + MAX_NAME + " characters");
        }
        boolean countryKnown = CountryCurrencies.isCountry(payee.country());
        if (!countryKnown) {
            fields.refuse("country", "an ISO 3166-1 alpha-3 country code is required, e.g. KHM");
        }
        if (!CountryCurrencies.isCurrency(payee.currency())) {
            fields.refuse("currency", "an ISO 4217 currency code is required, e.g. KHR");
        } else if (countryKnown && !CountryCurrencies.allowed(payee.country(), payee.currency())) {
            fields.refuse("currency", payee.currency() + " is not paid out in " + payee.country() + "; use one of "
                    + CountryCurrencies.allowedIn(payee.country()));
        }
        if (payee.channel() == null) {
            fields.refuse("channel", "a payment channel is required: BANK_ACCOUNT, MOBILE_WALLET or CASH_PICKUP");
            return violations;
        }
        switch (payee.channel()) {
            case BANK_ACCOUNT -> bankAccount(payee, fields, countryKnown);
            case MOBILE_WALLET -> mobileWallet(payee, fields, countryKnown);
            case CASH_PICKUP -> cashPickup(payee, fields);
        }
        return violations;
    }

    private static void bankAccount(Payee payee, Fields fields, boolean countryKnown) {
        if (blank(payee.bankBic()) && blank(payee.bankCode())) {
            fields.refuse("bankBic", "a bank account needs the bank's BIC or its national bank code");
        }
        if (!blank(payee.bankBic())) {
            if (!BIC.matcher(payee.bankBic()).matches()) {
                fields.refuse("bankBic", "a BIC (ISO 9362) has 8 or 11 characters, e.g. ACLBKHPP");
            } else if (countryKnown && !payee.bankBic().substring(4, 6)
                    .equals(CountryCurrencies.alpha2(payee.country()).orElseThrow())) {
                fields.refuse("bankBic", "the BIC's country (" + payee.bankBic().substring(4, 6)
                        + ") is not the payee's country " + payee.country());
            }
        }
        if (!blank(payee.bankCode()) && payee.bankCode().strip().length() > MAX_BANK_CODE) {
            fields.refuse("bankCode", "at most " + MAX_BANK_CODE + " characters");
        }
        if (blank(payee.accountNumber())) {
            fields.refuse("accountNumber", "a bank account needs its account number");
        } else if (!ACCOUNT_NUMBER.matcher(payee.accountNumber()).matches()) {
            fields.refuse("accountNumber", "an account number is 4 to 34 letters and digits, without spaces");
        }
        fields.foreign(PaymentChannel.BANK_ACCOUNT, "walletProvider", payee.walletProvider());
        fields.foreign(PaymentChannel.BANK_ACCOUNT, "msisdn", payee.msisdn());
        fields.foreign(PaymentChannel.BANK_ACCOUNT, "pickupPoint", payee.pickupPoint());
    }

    private static void mobileWallet(Payee payee, Fields fields, boolean countryKnown) {
        if (blank(payee.walletProvider())) {
            fields.refuse("walletProvider", "a mobile wallet needs its provider");
        } else if (payee.walletProvider().strip().length() > MAX_WALLET_PROVIDER) {
            fields.refuse("walletProvider", "at most " + MAX_WALLET_PROVIDER + " characters");
        }
        if (blank(payee.msisdn())) {
            fields.refuse("msisdn", "a mobile wallet needs its phone number");
        } else if (!E164.matcher(payee.msisdn()).matches()) {
            fields.refuse("msisdn", "a phone number in E.164 form is required, e.g. +85512345678");
        } else if (countryKnown && CALLING_CODES.containsKey(payee.country())
                && !payee.msisdn().startsWith(CALLING_CODES.get(payee.country()))) {
            fields.refuse("msisdn", "a wallet in " + payee.country() + " has a number starting "
                    + CALLING_CODES.get(payee.country()));
        }
        fields.foreign(PaymentChannel.MOBILE_WALLET, "bankBic", payee.bankBic());
        fields.foreign(PaymentChannel.MOBILE_WALLET, "bankCode", payee.bankCode());
        fields.foreign(PaymentChannel.MOBILE_WALLET, "accountNumber", payee.accountNumber());
        fields.foreign(PaymentChannel.MOBILE_WALLET, "pickupPoint", payee.pickupPoint());
    }

    private static void cashPickup(Payee payee, Fields fields) {
        if (blank(payee.pickupPoint())) {
            fields.refuse("pickupPoint", "a cash pick-up names the pick-up point");
        } else if (payee.pickupPoint().strip().length() > MAX_PICKUP_POINT) {
            fields.refuse("pickupPoint", "at most " + MAX_PICKUP_POINT + " characters");
        }
        fields.foreign(PaymentChannel.CASH_PICKUP, "bankBic", payee.bankBic());
        fields.foreign(PaymentChannel.CASH_PICKUP, "bankCode", payee.bankCode());
        fields.foreign(PaymentChannel.CASH_PICKUP, "accountNumber", payee.accountNumber());
        fields.foreign(PaymentChannel.CASH_PICKUP, "walletProvider", payee.walletProvider());
        fields.foreign(PaymentChannel.CASH_PICKUP, "msisdn", payee.msisdn());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private record Fields(String prefix, List<Violation> violations) {
        void refuse(String field, String message) {
            violations.add(new Violation(prefix + "." + field, message));
        }

        /** A field another channel uses: ambiguous data that must not travel with the payment. */
        void foreign(PaymentChannel channel, String field, String value) {
            if (!blank(value)) {
                refuse(field, "not used by " + channel + "; leave it out");
            }
        }
    }
}

package org.mekongledger.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentChannel;
import org.mekongledger.api.Violation;

class PayeeChecksTest {

    static Payee bank(String country, String currency, String bic, String bankCode, String account) {
        return new Payee("Chan Sokha", PaymentChannel.BANK_ACCOUNT, country, currency, bic, bankCode, account, null,
                null, null);
    }

    static Payee wallet(String country, String currency, String provider, String msisdn) {
        return new Payee("Chan Sokha", PaymentChannel.MOBILE_WALLET, country, currency, null, null, null, provider,
                msisdn, null);
    }

    static Payee pickup(String point) {
        return new Payee("Chan Sokha", PaymentChannel.CASH_PICKUP, "KHM", "KHR", null, null, null, null, null, point);
    }

    static List<String> fields(Payee payee) {
        return PayeeChecks.violations(payee, "payee").stream().map(Violation::field).toList();
    }

    @ParameterizedTest(name = "{0} {1} via {2}/{3}")
    @CsvSource(nullValues = "-", textBlock = """
            KHM, KHR, ACLBKHPP,    -,     001234567890
            KHM, USD, ACLBKHPPXXX, -,     001234567890
            KHM, KHR, -,           ACLB,  1234
            MMR, MMK, KBZBMMMY,    -,     0123456789012345
            LAO, LAK, COEBLALA,    -,     0100000123456
            VNM, VND, BFTVVNVX,    -,     0071001234567
            THA, THB, BKKBTHBK,    -,     1234567890
            PHL, PHP, BNORPHMM,    -,     GB82WEST12345698765432
            """)
    void aBankAccountNeedsABankAndAnAccountNumber(String country, String currency, String bic, String code,
                                                  String account) {
        assertThat(fields(bank(country, currency, bic, code, account))).isEmpty();
    }

    @ParameterizedTest(name = "{5}: {0} {1} {2}/{3} {4}")
    @CsvSource(nullValues = "-", textBlock = """
            KHM, KHR, -,            -,    001234567890,  payee.bankBic
            KHM, KHR, ACLBKHP,      -,    001234567890,  payee.bankBic
            KHM, KHR, aclbkhpp,     -,    001234567890,  payee.bankBic
            KHM, KHR, ACLBKHPPX,    -,    001234567890,  payee.bankBic
            KHM, KHR, BKKBTHBK,     -,    001234567890,  payee.bankBic
            KHM, KHR, ACLBKHPP,     -,    -,             payee.accountNumber
            KHM, KHR, ACLBKHPP,     -,    123,           payee.accountNumber
            KHM, KHR, ACLBKHPP,     -,    0012 3456 789, payee.accountNumber
            KHM, KHR, ACLBKHPP,     -,    00123456789012345678901234567890123, payee.accountNumber
            KHM, THB, ACLBKHPP,     -,    001234567890,  payee.currency
            LAO, THB, COEBLALA,     -,    001234567890,  payee.currency
            MMR, USD, KBZBMMMY,     -,    001234567890,  payee.currency
            KHM, ABC, ACLBKHPP,     -,    001234567890,  payee.currency
            KHM, khr, ACLBKHPP,     -,    001234567890,  payee.currency
            KH,  KHR, ACLBKHPP,     -,    001234567890,  payee.country
            XXX, KHR, ACLBKHPP,     -,    001234567890,  payee.country
            khm, KHR, ACLBKHPP,     -,    001234567890,  payee.country
            """)
    void aBankAccountTheBankCannotPayIsRefusedNamingTheField(String country, String currency, String bic, String code,
                                                             String account, String field) {
        assertThat(fields(bank(country, currency, bic, code, account))).containsExactly(field);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(nullValues = "-", textBlock = """
            KHM, KHR, Wing,      +85512345678
            KHM, USD, ABA Pay,   +855961234567
            MMR, MMK, KBZPay,    +959123456789
            LAO, LAK, M-Money,   +8562055512345
            VNM, VND, MoMo,      +84912345678
            THA, THB, TrueMoney, +66812345678
            PHL, PHP, GCash,     +639171234567
            PHL, PHP, GCash,     +85512345678
            """)
    void aWalletNeedsItsProviderAndANumberInTheCountry(String country, String currency, String provider, String msisdn) {
        assertThat(fields(wallet(country, currency, provider, msisdn))).isEmpty();
    }

    @ParameterizedTest(name = "{4}: {3}")
    @CsvSource(nullValues = "-", textBlock = """
            KHM, KHR, Wing, -,                payee.msisdn
            KHM, KHR, Wing, 85512345678,      payee.msisdn
            KHM, KHR, Wing, +855 12 345 678,  payee.msisdn
            KHM, KHR, Wing, +0551234567,      payee.msisdn
            KHM, KHR, Wing, +85512,           payee.msisdn
            KHM, KHR, Wing, +8551234567890123, payee.msisdn
            KHM, KHR, Wing, +66812345678,     payee.msisdn
            MMR, MMK, Wave, +85512345678,     payee.msisdn
            KHM, KHR, -,    +85512345678,     payee.walletProvider
            KHM, KHR, '  ', +85512345678,     payee.walletProvider
            """)
    void aWalletTheProviderCannotPayIsRefusedNamingTheField(String country, String currency, String provider,
                                                            String msisdn, String field) {
        assertThat(fields(wallet(country, currency, provider, msisdn))).containsExactly(field);
    }

    @Test
    void aCashPickUpNamesItsPoint() {
        assertThat(fields(pickup("Wing agent, Battambang market"))).isEmpty();
        assertThat(fields(pickup(null))).containsExactly("payee.pickupPoint");
        assertThat(fields(pickup("x".repeat(141)))).containsExactly("payee.pickupPoint");
    }

    @Test
    void anotherChannelsFieldsAreRefusedEachByName() {
        Payee mixed = new Payee("Chan Sokha", PaymentChannel.CASH_PICKUP, "KHM", "KHR", "ACLBKHPP", "ACLB",
                "001234567890", "Wing", "+85512345678", "Battambang market");
        assertThat(fields(mixed)).containsExactlyInAnyOrder("payee.bankBic", "payee.bankCode",
                "payee.accountNumber", "payee.walletProvider", "payee.msisdn");
        Payee walletWithAccount = new Payee("Chan Sokha", PaymentChannel.MOBILE_WALLET, "KHM", "KHR", null, null,
                "001234567890", "Wing", "+85512345678", "Battambang market");
        assertThat(fields(walletWithAccount)).containsExactlyInAnyOrder("payee.accountNumber", "payee.pickupPoint");
        Payee bankWithWallet = new Payee("Chan Sokha", PaymentChannel.BANK_ACCOUNT, "KHM", "KHR", "ACLBKHPP", null,
                "001234567890", "Wing", "+85512345678", null);
        assertThat(fields(bankWithWallet)).containsExactlyInAnyOrder("payee.walletProvider", "payee.msisdn");
    }

    @Test
    void blankFieldsOfAnotherChannelCountAsAbsent() {
        Payee blanks = new Payee("Chan Sokha", PaymentChannel.CASH_PICKUP, "KHM", "KHR", "", " ", "", null, "",
                "Battambang market");
        assertThat(fields(blanks)).isEmpty();
    }

    @Test
    void theNameIsRequiredAndAtMost140Characters() {
        Payee unnamed = new Payee(" ", PaymentChannel.CASH_PICKUP, "KHM", "KHR", null, null, null, null, null, "Market");
        Payee longName = new Payee("A".repeat(141), PaymentChannel.CASH_PICKUP, "KHM", "KHR", null, null, null, null,
                null, "Market");
        assertThat(fields(unnamed)).containsExactly("payee.name");
        assertThat(fields(longName)).containsExactly("payee.name");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        Payee broken = new Payee(null, null, "KH", "usd", null, null, null, null, null, null);
        assertThat(fields(broken)).containsExactlyInAnyOrder("payee.name", "payee.country", "payee.currency",
                "payee.channel");
        Payee badBank = bank("KHM", "EUR", "ACLB", null, "12");
        assertThat(fields(badBank)).containsExactlyInAnyOrder("payee.currency", "payee.bankBic", "payee.accountNumber");
    }

    @Test
    void noPayeeAtAllIsNamedToo() {
        assertThat(PayeeChecks.violations(null, "newPayee")).extracting(Violation::field).containsExactly("newPayee");
    }

    @Test
    void theFieldsAreNamedUnderTheGivenPrefix() {
        assertThat(PayeeChecks.violations(pickup(null), "newPayee")).extracting(Violation::field)
                .containsExactly("newPayee.pickupPoint");
    }

    @Test
    void theMessagesNeverRepeatThePersonalData() {
        Payee broken = new Payee("Chan Sokha " + "X".repeat(140), PaymentChannel.BANK_ACCOUNT, "KHM", "KHR",
                "ACLBKHPP", null, "0012-3456-789", "Wing Cambodia", "+855 12 345 678", "Battambang market");
        List<Violation> violations = PayeeChecks.violations(broken, "payee");
        assertThat(violations).extracting(Violation::field).contains("payee.name", "payee.accountNumber",
                "payee.walletProvider", "payee.msisdn", "payee.pickupPoint");
        assertThat(violations.toString()).doesNotContain("Sokha", "0012", "3456", "12 345", "Wing Cambodia",
                "Battambang");
    }

    @Test
    void theCountriesCurrenciesAreTheirOwnAndDollarsInCambodia() {
        assertThat(CountryCurrencies.allowedIn("KHM")).containsExactlyInAnyOrder("KHR", "USD");
        assertThat(CountryCurrencies.allowedIn("LAO")).containsExactly("LAK");
        assertThat(CountryCurrencies.allowedIn("MMR")).containsExactly("MMK");
        assertThat(CountryCurrencies.allowedIn("VNM")).containsExactly("VND");
        assertThat(CountryCurrencies.allowedIn("THA")).containsExactly("THB");
        assertThat(CountryCurrencies.allowedIn("PHL")).containsExactly("PHP");
        assertThat(CountryCurrencies.allowedIn("XXX")).isEmpty();
        assertThat(CountryCurrencies.alpha2("KHM")).contains("KH");
        assertThat(CountryCurrencies.isCountry("KHM")).isTrue();
        assertThat(CountryCurrencies.isCountry("KH")).isFalse();
    }
}

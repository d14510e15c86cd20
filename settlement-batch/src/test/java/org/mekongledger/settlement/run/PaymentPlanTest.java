package org.mekongledger.settlement.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.mekongledger.settlement.config.SettlementProperties;
import org.mekongledger.settlement.ledger.Ledger.PayableClaim;
import org.mekongledger.settlement.ledger.Ledger.Rate;
import org.mekongledger.settlement.ledger.Payee;
import org.mekongledger.settlement.support.Payees;

class PaymentPlanTest {

    static final LocalDate RUN = LocalDate.parse("2026-12-01");

    static SettlementProperties configuration() {
        SettlementProperties properties = new SettlementProperties();
        properties.getPartner().setId("REMIT01");
        SettlementProperties.DebtorAccountConfig thb = new SettlementProperties.DebtorAccountConfig();
        thb.setId("THB01");
        thb.setCurrencies(List.of("THB"));
        SettlementProperties.DebtorAccountConfig fx = new SettlementProperties.DebtorAccountConfig();
        fx.setId("FX01");
        fx.setCurrencies(List.of("MMK", "VND", "THB"));
        properties.setDebtorAccounts(List.of(thb, fx));
        return properties;
    }

    static PayableClaim claim(String amount, Payee payee) {
        return new PayableClaim("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5", "11111111-2222-3333-4444-555555555555",
                "TH_SSF_S33", "OLD_AGE_LUMP_SUM", new BigDecimal(amount), "THB", payee, 1);
    }

    static Map<String, Rate> rates() {
        return Map.of("MMK", new Rate("MMK", new BigDecimal("60.1234"), "60.1234", "BOT"),
                "VND", new Rate("VND", new BigDecimal("745.5"), "745.5", "BOT"));
    }

    @Test
    void aBankPaymentLeavesFromTheFirstAccountThatPaysItsCurrency() {
        PaymentPlan plan = new PaymentPlan(RUN, rates(), configuration());
        assertThat(plan.plan(claim("10.00", Payees.bank("THA", "THB")))).get()
                .extracting(FrozenPayment::debtorAccount).isEqualTo("THB01");
        assertThat(plan.plan(claim("10.00", Payees.bank("MMR", "MMK")))).get()
                .extracting(FrozenPayment::debtorAccount).isEqualTo("FX01");
    }

    @Test
    void walletAndCashPickUpGoToThePartner() {
        PaymentPlan plan = new PaymentPlan(RUN, rates(), configuration());
        assertThat(plan.plan(claim("10.00", Payees.wallet("MMR", "MMK")))).get()
                .extracting(FrozenPayment::debtorAccount).isEqualTo("REMIT01");
        assertThat(plan.plan(claim("10.00", Payees.pickup("VNM", "VND")))).get()
                .extracting(FrozenPayment::debtorAccount).isEqualTo("REMIT01");
    }

    @Test
    void convertsHalfUpToTheMinorUnitsAndKeepsTheRateAsGiven() {
        PaymentPlan plan = new PaymentPlan(RUN, rates(), configuration());
        FrozenPayment vnd = plan.plan(claim("0.01", Payees.bank("VNM", "VND"))).orElseThrow();
        assertThat(vnd.paidAmount().toPlainString()).isEqualTo("7"); // 7.455 -> VND has no minor unit
        assertThat(vnd.rate()).isEqualTo("745.5");
        FrozenPayment mmk = plan.plan(claim("1.00", Payees.bank("MMR", "MMK"))).orElseThrow();
        assertThat(mmk.paidAmount().toPlainString()).isEqualTo("60.12");
        FrozenPayment half = plan.plan(claim("0.25", Payees.bank("MMR", "MMK"))).orElseThrow();
        assertThat(half.paidAmount().toPlainString()).isEqualTo("15.03"); // 15.03085
        FrozenPayment thb = plan.plan(claim("12.34", Payees.bank("THA", "THB"))).orElseThrow();
        assertThat(thb.paidAmount().toPlainString()).isEqualTo("12.34");
        assertThat(thb.rate()).isEqualTo("1");
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void collectsEveryMissingRateAndEveryCurrencyNoAccountPays() {
        PaymentPlan plan = new PaymentPlan(RUN, rates(), configuration());
        assertThat(plan.plan(claim("1.00", Payees.bank("LAO", "LAK")))).isEmpty();
        assertThat(plan.plan(claim("1.00", Payees.wallet("KHM", "KHR")))).isEmpty();
        assertThat(plan.plan(claim("1.00", Payees.bank("LAO", "LAK")))).isEmpty();
        assertThat(plan.missingRates()).containsExactly("KHR", "LAK");
        assertThat(plan.currenciesWithoutAccount()).containsExactly("LAK");
        assertThat(plan.complete()).isFalse();
    }

    @Test
    void aPayeeTheBankFileCouldNotCarryIsCollectedWithoutItsDetails() {
        PaymentPlan plan = new PaymentPlan(RUN, rates(), configuration());
        Payee badBic = new Payee("Thida Aung", "BANK_ACCOUNT", "MMR", "MMK", "not-a-bic", null, "0123456789012", null, null,
                null);
        Payee noCountry = new Payee("Thida Aung", "BANK_ACCOUNT", "XXX", "MMK", "AYABMMMY", null, "0123456789012", null,
                null, null);
        assertThat(plan.plan(claim("1.00", badBic))).isEmpty();
        assertThat(plan.plan(claim("1.00", noCountry))).isEmpty();
        assertThat(plan.unpayable()).hasSize(2).allMatch(problem -> !problem.contains("Thida")
                && !problem.contains("0123456789012"));
        assertThat(plan.complete()).isFalse();
    }

    @Test
    void aClaimNotApprovedInBahtIsAnError() {
        PayableClaim usd = new PayableClaim("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5", "x", "TH_SSF_S33", "B",
                BigDecimal.ONE, "USD", Payees.bank("THA", "THB"), 1);
        assertThatThrownBy(() -> new PaymentPlan(RUN, rates(), configuration()).plan(usd))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPayeesDetailsNeverShowInItsText() {
        assertThat(Payees.bank("MMR", "MMK").toString()).doesNotContain("Thida").doesNotContain("0123456789012");
        assertThat(Payees.wallet("MMR", "MMK").toString()).doesNotContain("+959420123456");
    }
}

package org.mekongledger.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FxConversionTest {

    @ParameterizedTest(name = "{0} THB at {1} = {3} {2}")
    @CsvSource({
            "52000.00, 60.1234,  MMK, 3126416.80",   // 3,126,416.8 exactly
            "1000.01,  750.5,    VND, 750508",       // 750,507.505: no minor unit, half-up to the dong
            "1000.00,  750.5005, VND, 750501",       // 750,500.5 -> 750,501
            "0.01,     0.041483, USD, 0.00",         // 0.00041483 rounds to nothing
            "12.35,    0.5,      USD, 6.18",         // 6.175 -> 6.18 half-up, not half-even (6.18 too) ...
            "12.25,    0.5,      USD, 6.13",         // ... 6.125 -> 6.13 half-up, where half-even gives 6.12
            "1500.00,  117.19,   KHR, 175785.00",
            "1500.00,  623.3333, LAK, 934999.95"})
    void convertsHalfUpToTheCurrencysMinorUnits(String amount, String rate, String currency, String expected) {
        BigDecimal converted = FxConversion.convert(new BigDecimal(amount), new BigDecimal(rate), currency);
        assertThat(converted).isEqualTo(new BigDecimal(expected)); // scale included: VND has none
    }

    @Test
    void aRateIsAboveZeroAndACurrencyIsOnRecord() {
        assertThatThrownBy(() -> FxConversion.convert(BigDecimal.TEN, BigDecimal.ZERO, "MMK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above zero");
        assertThatThrownBy(() -> FxConversion.convert(BigDecimal.TEN, BigDecimal.ONE, "XTS"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XTS");
    }

    @Test
    void theTableAgreesWithTheJdksCopyOfIso4217() {
        // two copies of one standard: if either drifts (an ISO amendment), this says which currency
        MinorUnits.table().forEach((code, digits) ->
                assertThat(Currency.getInstance(code).getDefaultFractionDigits()).as(code).isEqualTo(digits));
        assertThat(MinorUnits.of("VND")).contains(0);
        assertThat(MinorUnits.of("THB")).contains(2);
        assertThat(MinorUnits.table()).containsKeys("MMK", "KHR", "LAK", "USD");
    }
}

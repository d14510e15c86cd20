package org.mekongledger.entitlement;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mekongledger.entitlement.Worker.CONTRIBUTIONS;
import static org.mekongledger.entitlement.Worker.S33;

class WageHistoryTest {

    private static WageHistory.WageRange range(String from, String to, String wage) {
        return new WageHistory.WageRange(YearMonth.parse(from), YearMonth.parse(to), new BigDecimal(wage));
    }

    private static InsuredMonth month(String period, String wage, String employee, String employer) {
        return month(period, wage, employee, employer, null);
    }

    private static InsuredMonth month(String period, String wage, String employee, String employer, String version) {
        return new InsuredMonth(YearMonth.parse(period), new BigDecimal(wage), new BigDecimal(employee),
                new BigDecimal(employer), version);
    }

    @Test
    void eachMonthIsComputedWithTheVersionInForceForIt() {
        List<InsuredMonth> months = WageHistory.insuredMonths(CONTRIBUTIONS, S33,
                List.of(range("2025-12", "2026-01", "20000.00")));

        assertThat(months).containsExactly(
                month("2025-12", "15000.00", "450.00", "450.00", "2023-01"),
                month("2026-01", "17500.00", "525.00", "525.00", "2026-01"));
    }

    @Test
    void theTemporaryRateCutOf2020LowersTheOldAgeAmounts() {
        List<InsuredMonth> months = WageHistory.insuredMonths(CONTRIBUTIONS, S33,
                List.of(range("2020-10", "2020-10", "15000.00")));

        // 2% of 15,000 = 300 a party, of which child allowance and old age 0.45 / 2 (assumed split)
        assertThat(months).containsExactly(month("2020-10", "15000.00", "67.50", "67.50", "2020-09"));
    }

    @Test
    void twoEmployersInOneMonthAreOneMonthCappedAtTheCeiling() {
        // each employer pays on its own wage; the month counts once with 10,000 + 8,000 capped at 15,000
        List<InsuredMonth> months = WageHistory.insuredMonths(CONTRIBUTIONS, S33,
                List.of(range("2024-01", "2024-03", "10000.00"), range("2024-03", "2024-04", "8000.00")));

        assertThat(months).containsExactly(
                month("2024-01", "10000.00", "300.00", "300.00", "2023-01"),
                month("2024-02", "10000.00", "300.00", "300.00", "2023-01"),
                month("2024-03", "15000.00", "540.00", "540.00", "2023-01"),
                month("2024-04", "8000.00", "240.00", "240.00", "2023-01"));
    }

    @Test
    void employerLinesAreCombinedAndCapped() {
        List<InsuredMonth> months = WageHistory.combineEmployers(CONTRIBUTIONS, S33, List.of(
                month("2026-02", "12000.00", "360.00", "360.00"),
                month("2026-01", "9000.00", "270.00", "270.00"),
                month("2026-02", "9000.00", "270.00", "270.00")));

        assertThat(months).containsExactly(
                month("2026-01", "9000.00", "270.00", "270.00"),
                month("2026-02", "17500.00", "630.00", "630.00"));
    }

    @Test
    void aMonthOfTwoEmployersUnderTwoVersionsNamesBoth() {
        List<InsuredMonth> months = WageHistory.combineEmployers(CONTRIBUTIONS, S33, List.of(
                month("2024-11", "10000.00", "300.00", "300.00", "2023-01"),
                month("2024-11", "8000.00", "116.00", "116.00", "2024-10-FLOOD"),
                month("2024-11", "2000.00", "60.00", "60.00", "2023-01")));

        assertThat(months).containsExactly(month("2024-11", "15000.00", "476.00", "476.00", "2023-01+2024-10-FLOOD"));
    }

    @Test
    void refusesWhatItCannotCompute() {
        assertThatThrownBy(() -> WageHistory.insuredMonths(CONTRIBUTIONS, "NO_SUCH_SCHEME",
                List.of(range("2024-01", "2024-01", "10000.00")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_SUCH_SCHEME");
        assertThatThrownBy(() -> WageHistory.insuredMonths(CONTRIBUTIONS, S33,
                List.of(range("1990-01", "1990-12", "10000.00")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> range("2024-02", "2024-01", "10000.00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WageHistory.insuredMonths(CONTRIBUTIONS, S33,
                List.of(range("2024-01", "2024-01", "0")))).isInstanceOf(IllegalArgumentException.class);
    }
}

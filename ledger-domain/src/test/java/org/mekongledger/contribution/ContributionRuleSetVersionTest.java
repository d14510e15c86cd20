package org.mekongledger.contribution;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mekongledger.vocabulary.Branch.CHILD_ALLOWANCE_OLD_AGE;
import static org.mekongledger.vocabulary.Branch.SICKNESS_MATERNITY_INVALIDITY_DEATH;
import static org.mekongledger.vocabulary.Branch.UNEMPLOYMENT;
import static org.mekongledger.vocabulary.Party.EMPLOYEE;
import static org.mekongledger.vocabulary.Party.EMPLOYER;
import static org.mekongledger.vocabulary.Party.GOVERNMENT;

class ContributionRuleSetVersionTest {

    private static final YearMonth PERIOD = YearMonth.of(2025, 6);
    private final ContributionRuleSetVersion normal = Section33Fixture.normal();

    @Nested
    class InsurableWage {

        @ParameterizedTest(name = "wage {0} -> insurable {1}")
        @CsvSource({
                "1649.99,  1650.00",   // one satang below the floor is raised to it
                "1650.00,  1650.00",   // exactly at the floor
                "1650.01,  1650.01",
                "0.01,     1650.00",
                "14999.99, 14999.99",
                "15000.00, 15000.00",  // exactly at the ceiling
                "15000.01, 15000.00",  // one satang above the ceiling is capped
                "1000000,  15000.00",
        })
        void isTheWageClampedToFloorAndCeiling(BigDecimal wage, String expected) {
            assertThat(normal.insurableWage(wage)).isEqualTo(new BigDecimal(expected));
            assertThat(normal.contributionFor(PERIOD, wage).insurableWage()).isEqualTo(new BigDecimal(expected));
        }

        @Test
        void isAlwaysInSatangEvenForAWholeBahtWage() {
            assertThat(normal.insurableWage(new BigDecimal("12000"))).isEqualTo(new BigDecimal("12000.00"));
            assertThat(normal.insurableWage(new BigDecimal("12000.000"))).isEqualTo(new BigDecimal("12000.00"));
        }
    }

    @Nested
    class ShareRoundingToWholeBaht {

        @ParameterizedTest(name = "wage {0}: {1} share {2} -> {3}")
        @CsvSource({
                "2010.00, EMPLOYEE,   100.50, 101.00",  // exactly half: up
                "2009.80, EMPLOYEE,   100.49, 100.00",  // just below half: down
                "2009.90, EMPLOYEE,   100.495, 100.00", // only whole baht count, no double rounding
                "1800.00, GOVERNMENT, 49.50,  50.00",   // 2.75% hits exactly half too
                "1799.63, GOVERNMENT, 49.489825, 49.00",
        })
        void roundsHalfUp(BigDecimal wage, Party party, String exactShare, String expected) {
            assertThat(wage.multiply(normal.ratePercent(party)).movePointLeft(2))
                    .as("premise: the exact share")
                    .isEqualByComparingTo(exactShare);
            assertThat(normal.contributionFor(PERIOD, wage).share(party).total()).isEqualTo(new BigDecimal(expected));
        }
    }

    @Nested
    class BranchSplit {

        @Test
        void splitsTheRoundedShareProRataInSatangWithTheRemainderToOldAge() {
            // government share at 1,800 is 50.00: 50 x 1.5/2.75 = 27.2727, 50 x 0.25/2.75 = 4.5454
            PartyShare government = normal.contributionFor(PERIOD, new BigDecimal("1800.00")).share(GOVERNMENT);

            assertThat(government.branches()).containsExactly(
                    Map.entry(SICKNESS_MATERNITY_INVALIDITY_DEATH, new BigDecimal("27.27")),
                    Map.entry(CHILD_ALLOWANCE_OLD_AGE, new BigDecimal("18.18")),
                    Map.entry(UNEMPLOYMENT, new BigDecimal("4.55")));
        }

        @Test
        void givesTheRoundingRemainderToTheConfiguredBranch() {
            ShareRounding remainderToUnemployment =
                    new ShareRounding(0, RoundingMode.HALF_UP, 2, RoundingMode.HALF_UP, UNEMPLOYMENT);
            ContributionRuleSetVersion thirds = Section33Fixture.version("2015-01", "15000.00",
                    Section33Fixture.sameRatesForAll("1", "1", "1"), remainderToUnemployment);

            // 3% of 3,333.00 = 99.99 -> 100; a third of 100 is 33.33 twice, the remainder 33.34
            PartyShare employee = thirds.contributionFor(PERIOD, new BigDecimal("3333.00")).share(EMPLOYEE);

            assertThat(employee.total()).isEqualTo(new BigDecimal("100.00"));
            assertThat(employee.branches()).containsExactly(
                    Map.entry(SICKNESS_MATERNITY_INVALIDITY_DEATH, new BigDecimal("33.33")),
                    Map.entry(CHILD_ALLOWANCE_OLD_AGE, new BigDecimal("33.33")),
                    Map.entry(UNEMPLOYMENT, new BigDecimal("33.34")));
        }

        @Test
        void givesZeroBranchesToAPartyThatPaysNothing() {
            Map<Party, Map<Branch, BigDecimal>> rates = Section33Fixture.normalRates();
            rates.put(GOVERNMENT, Section33Fixture.branches("0", "0", "0"));
            ContributionRuleSetVersion noGovernment =
                    Section33Fixture.version("2015-01", "15000.00", rates, Section33Fixture.WHOLE_BAHT_HALF_UP);

            PartyShare government = noGovernment.contributionFor(PERIOD, new BigDecimal("9000.00")).share(GOVERNMENT);

            assertThat(government.total()).isEqualTo(new BigDecimal("0.00"));
            assertThat(government.branches().values()).containsOnly(new BigDecimal("0.00"));
        }
    }

    @Test
    void returnsEveryAmountInSatangAndNamesTheVersionUsed() {
        PersonMonthContribution contribution = normal.contributionFor(PERIOD, new BigDecimal("9000"));

        assertThat(contribution.wage()).isEqualTo(new BigDecimal("9000.00"));
        assertThat(contribution.period()).isEqualTo(PERIOD);
        assertThat(contribution.ruleSetId()).isEqualTo("TH_SSF_S33");
        assertThat(contribution.ruleSetVersion()).isEqualTo("2015-01");
        assertThat(contribution.currency()).isEqualTo(Section33Fixture.THB);
        assertThat(contribution.shares()).containsOnlyKeys(EMPLOYEE, EMPLOYER, GOVERNMENT);
        contribution.shares().values().forEach(share -> {
            assertThat(share.total().scale()).isEqualTo(2);
            assertThat(share.branches()).containsOnlyKeys(Branch.values());
            share.branches().values().forEach(amount -> assertThat(amount.scale()).isEqualTo(2));
        });
        // 450 + 450 + 247.5 -> 248
        assertThat(contribution.total()).isEqualTo(new BigDecimal("1148.00"));
    }

    @Nested
    class RejectsInvalidInput {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"0", "0.00", "-0.01", "-15000"})
        void wageThatIsMissingOrNotPositive(BigDecimal wage) {
            assertThatThrownBy(() -> normal.contributionFor(PERIOD, wage))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wage");
            assertThatThrownBy(() -> normal.insurableWage(wage)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void wageFinerThanASatang() {
            assertThatThrownBy(() -> normal.contributionFor(PERIOD, new BigDecimal("12000.005")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("more than 2 decimals");
        }

        @Test
        void periodBeforeTheVersionTakesEffect() {
            assertThatThrownBy(() -> normal.contributionFor(YearMonth.of(2014, 12), new BigDecimal("9000.00")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2014-12")
                    .hasMessageContaining("2015-01");
        }

        @Test
        void missingPeriod() {
            assertThatThrownBy(() -> normal.contributionFor(null, new BigDecimal("9000.00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ValidatesItsOwnData {

        @Test
        void rejectsANegativeRateNamingTheField() {
            Map<Party, Map<Branch, BigDecimal>> rates = Section33Fixture.normalRates();
            rates.put(EMPLOYER, Section33Fixture.branches("1.5", "3", "-0.5"));

            assertThatThrownBy(() -> Section33Fixture.version("2015-01", "15000.00", rates,
                    Section33Fixture.WHOLE_BAHT_HALF_UP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ratesPercent.EMPLOYER.UNEMPLOYMENT");
        }

        @Test
        void rejectsAMissingBranchRate() {
            Map<Party, Map<Branch, BigDecimal>> rates = Section33Fixture.normalRates();
            rates.get(GOVERNMENT).remove(UNEMPLOYMENT);

            assertThatThrownBy(() -> Section33Fixture.version("2015-01", "15000.00", rates,
                    Section33Fixture.WHOLE_BAHT_HALF_UP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ratesPercent.GOVERNMENT.UNEMPLOYMENT is required");
        }

        @Test
        void rejectsACeilingBelowTheFloor() {
            assertThatThrownBy(() -> Section33Fixture.version("2015-01", "1000.00"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wageCeiling");
        }

        @Test
        void doesNotShareItsRatesWithTheCaller() {
            Map<Party, Map<Branch, BigDecimal>> rates = Section33Fixture.normalRates();
            ContributionRuleSetVersion version =
                    Section33Fixture.version("2015-01", "15000.00", rates, Section33Fixture.WHOLE_BAHT_HALF_UP);
            rates.get(EMPLOYEE).put(UNEMPLOYMENT, new BigDecimal("9"));

            assertThat(version.ratePercent(EMPLOYEE)).isEqualByComparingTo("5");
            assertThatThrownBy(() -> version.ratesPercent().get(EMPLOYEE).put(UNEMPLOYMENT, BigDecimal.ONE))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void rejectsBranchesCoarserThanTheShare() {
            assertThatThrownBy(() -> new ShareRounding(2, RoundingMode.HALF_UP, 0, RoundingMode.HALF_UP,
                    CHILD_ALLOWANCE_OLD_AGE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("branchScale");
        }
    }

    @Test
    void partyShareRefusesBranchesThatDoNotAddUp() {
        assertThatThrownBy(() -> new PartyShare(new BigDecimal("10.00"),
                Map.of(CHILD_ALLOWANCE_OLD_AGE, new BigDecimal("9.99"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

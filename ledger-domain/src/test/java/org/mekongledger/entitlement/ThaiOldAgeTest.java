package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mekongledger.entitlement.Worker.S33;
import static org.mekongledger.entitlement.Worker.hasStep;
import static org.mekongledger.entitlement.Worker.step;

/**
 * Section 76-77 old age under national rules, at every threshold. Histories end by 2020-08 where
 * figures are worked by hand, so the temporary rate cut of 2020-09..11 stays out of the sums: at a
 * 10,000 wage each month is 300.00 of employee and 300.00 of employer old-age contribution.
 */
class ThaiOldAgeTest {

    private static final String LAST = "2020-08";
    private static final String WAGE = "10000.00";

    /** Old enough, insured status ended, everything payable on the as-of date. */
    private static Worker retiredWith(int months) {
        return Worker.bornOn("1960-01-01").workedMonthsUpTo(months, LAST, WAGE).insuredStatusEnded("2020-08-31")
                .asOf("2021-01-01");
    }

    @Nested
    class Thresholds {

        @ParameterizedTest(name = "{0} months: {1} {2}")
        @CsvSource({
                "1,   OLD_AGE_LUMP_SUM, 300.00",
                "11,  OLD_AGE_LUMP_SUM, 3300.00",
                "12,  OLD_AGE_LUMP_SUM, 7200.00",
                "179, OLD_AGE_LUMP_SUM, 107400.00",
                "180, OLD_AGE_PENSION,  2000.00",
                "191, OLD_AGE_PENSION,  2000.00",
                "192, OLD_AGE_PENSION,  2150.00",
                "203, OLD_AGE_PENSION,  2150.00",
                "204, OLD_AGE_PENSION,  2300.00"})
        void benefitAndAmountAtEachBoundary(int months, String benefit, String amount) {
            Entitlement e = retiredWith(months).s33();

            assertThat(e.benefit()).isEqualTo(benefit);
            assertThat(e.amount()).isEqualTo(new BigDecimal(amount));
            assertThat(e.contributionMonths()).isEqualTo(months);
            assertThat(e.eligible()).isTrue();
            assertThat(e.periodicity()).isEqualTo(months >= 180 ? Periodicity.MONTHLY : Periodicity.ONCE);
            assertThat(e.currency().getCurrencyCode()).isEqualTo("THB");
            assertThat(e.basis()).isEqualTo(Entitlement.NATIONAL);
            assertThat(e.payableAbroad()).isFalse();
        }

        @Test
        void underTwelveMonthsOnlyTheEmployeesSharePays() {
            Entitlement e = retiredWith(11).s33();

            assertThat(hasStep(e, S33 + ".OLD_AGE.EMPLOYER_CONTRIBUTIONS")).isFalse();
            assertThat(Worker.stepOf(e, S33 + ".OLD_AGE.LUMP_SUM").inputs())
                    .containsEntry("qualifyingMonths", "11").containsEntry("employeeOldAge", "3300.00");
        }

        @Test
        void pensionRateGrowsByOneAndAHalfPerFullYearBeyond180() {
            Entitlement e = retiredWith(192).s33();

            assertThat(step(e, S33 + ".OLD_AGE.PENSION_RATE")).isEqualTo("21.5");
            assertThat(Worker.stepOf(e, S33 + ".OLD_AGE.PENSION_RATE").inputs()).containsEntry("incrementsEarned", "1");
        }

        @Test
        void monthsNeedNotBeConsecutive() {
            Entitlement e = Worker.bornOn("1960-01-01")
                    .worked("2001-01", "2008-06", WAGE)     // 90 months
                    .worked("2012-03", "2019-08", WAGE)     // 90 months
                    .insuredStatusEnded("2019-08-31").asOf("2021-01-01").s33();

            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.PENSION);
            assertThat(e.contributionMonths()).isEqualTo(180);
            assertThat(e.amount()).isEqualTo(new BigDecimal("2000.00"));
        }
    }

    @Nested
    class AverageWage {

        @Test
        void averagesTheLast60MonthsAcrossACeilingChange() {
            // 2022-01..2025-12 capped at 15,000, 2026-01..2026-12 at 17,500: (48 x 15,000 + 12 x 17,500) / 60
            Entitlement e = Worker.bornOn("1960-01-01").worked("2011-01", "2026-12", "20000.00")
                    .insuredStatusEnded("2026-12-31").asOf("2027-01-01").s33();

            assertThat(e.contributionMonths()).isEqualTo(192);
            assertThat(step(e, S33 + ".OLD_AGE.AVERAGE_WAGE")).isEqualTo("15500.00");
            assertThat(Worker.stepOf(e, S33 + ".OLD_AGE.AVERAGE_WAGE").inputs())
                    .containsEntry("months", "60").containsEntry("from", "2022-01").containsEntry("to", "2026-12")
                    .containsEntry("totalInsurableWage", "930000.00");
            assertThat(e.amount()).isEqualTo(new BigDecimal("3332.50"));
        }

        @Test
        void roundsTheAverageToTheSatangHalfUpAndStatesIt() {
            // 59 x 15,000 + 1 x 17,500 = 902,500 / 60 = 15,041.666... -> 15,041.67; x 20% = 3,008.334 -> 3,008.33
            Entitlement e = Worker.bornOn("1960-01-01").worked("2011-02", "2026-01", "20000.00")
                    .insuredStatusEnded("2026-01-31").asOf("2026-02-01").s33();

            assertThat(step(e, S33 + ".OLD_AGE.AVERAGE_WAGE")).isEqualTo("15041.67");
            assertThat(e.amount()).isEqualTo(new BigDecimal("3008.33"));
        }

        @Test
        void usesTheLastContributionMonthsNotTheLastCalendarMonths() {
            // 150 months at 10,000 long ago, a gap, then 30 months at 15,000: the window reaches back over the gap
            Entitlement e = Worker.bornOn("1960-01-01").worked("2001-01", "2013-06", WAGE)
                    .worked("2018-03", "2020-08", "15000.00")
                    .insuredStatusEnded("2020-08-31").asOf("2021-01-01").s33();

            assertThat(Worker.stepOf(e, S33 + ".OLD_AGE.AVERAGE_WAGE").inputs())
                    .containsEntry("from", "2011-01").containsEntry("to", "2020-08");
            assertThat(step(e, S33 + ".OLD_AGE.AVERAGE_WAGE")).isEqualTo("12500.00");
            assertThat(e.amount()).isEqualTo(new BigDecimal("2500.00"));
        }

        @Test
        void monthsInAnyOrderGiveTheSameResult() {
            EntitlementCase ordered = retiredWith(200).toCase();
            List<InsuredMonth> reversed = new java.util.ArrayList<>(ordered.insuredMonths().get(S33));
            java.util.Collections.reverse(reversed);
            EntitlementCase shuffled = new EntitlementCase(ordered.dateOfBirth(), ordered.nationality(),
                    Map.of(S33, reversed), List.of(), ordered.lifeEvents(), null, ordered.asOf());

            EntitlementEngine engine = new EntitlementEngine(Worker.SHIPPED);
            assertThat(engine.entitlements(shuffled)).isEqualTo(engine.entitlements(ordered));
        }
    }

    @Nested
    class Payability {

        // born 1966-03-10: 55 on 2021-03-10
        private Worker leftAt50() {
            return Worker.bornOn("1966-03-10").worked("2016-01", LAST, WAGE).insuredStatusEnded("2020-08-31");
        }

        @Test
        void notPayableTheDayBeforeThe55thBirthday() {
            Entitlement e = leftAt50().asOf("2021-03-09").s33();

            assertThat(e.eligible()).isFalse();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2021-03-10"));
            assertThat(e.amount()).isEqualTo(new BigDecimal("33600.00"));
        }

        @Test
        void payableOnThe55thBirthday() {
            Entitlement e = leftAt50().asOf("2021-03-10").s33();

            assertThat(e.eligible()).isTrue();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2021-03-10"));
        }

        @Test
        void payableWhenInsuredStatusEndsAfter55() {
            Entitlement e = Worker.bornOn("1960-01-01").workedMonthsUpTo(24, LAST, WAGE)
                    .insuredStatusEnded("2020-08-31").asOf("2020-08-30").s33();

            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2020-08-31"));
            assertThat(e.eligible()).isFalse();
        }

        @Test
        void stillInsuredMeansNotEligibleEvenAfter55() {
            Entitlement e = Worker.bornOn("1960-01-01").workedMonthsUpTo(24, LAST, WAGE).asOf("2021-01-01").s33();

            assertThat(e.eligible()).isFalse();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2015-01-01"));
            assertThat(Worker.stepOf(e, S33 + ".OLD_AGE.ELIGIBILITY").inputs())
                    .containsEntry("conditionsMet", "no: insured status has not ended");
        }

        @Test
        void anEndOfInsuredStatusFollowedByMoreInsuranceNoLongerCounts() {
            Entitlement e = Worker.bornOn("1960-01-01").workedMonthsUpTo(24, LAST, WAGE)
                    .insuredStatusEnded("2019-06-30").asOf("2021-01-01").s33();

            assertThat(e.eligible()).isFalse();
            assertThat(Worker.stepOf(e, S33 + ".OLD_AGE.PAYABLE_FROM").inputs().get("insuredStatusEnded"))
                    .contains("superseded");
        }

        @Test
        void aDepartureGivesNothingEarlierUnderNationalRules() {
            Entitlement e = Worker.bornOn("1994-05-01").national("THA").workedMonthsUpTo(48, LAST, WAGE)
                    .insuredStatusEnded("2020-08-31").departed("2020-09-10", "MMR").asOf("2021-01-01").s33();

            assertThat(e.eligible()).isFalse();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2049-05-01"));
            assertThat(e.payableAbroad()).isFalse();
            assertThat(step(e, S33 + ".OLD_AGE.PAYMENT_ABROAD")).isEqualTo(PaymentAbroad.THAILAND_ONLY);
        }
    }

    @Nested
    class DeclaredReturns {

        /** The shipped rules with a table declared by an administrator, in force from 2026. */
        private EntitlementRuleBook withReturns(Map<Integer, BigDecimal> table) {
            OldAgeRuleSetVersion shipped = (OldAgeRuleSetVersion) Worker.SHIPPED
                    .inForce("TH_SSF_S33_OLD_AGE", LocalDate.parse("2025-01-01")).orElseThrow();
            return Worker.SHIPPED.withVersion(new OldAgeRuleSetVersion(shipped.ruleSetId(), "2026-01",
                    LocalDate.parse("2026-01-01"), RuleSetStatus.IN_FORCE, org.mekongledger.vocabulary.Bases.test("declared returns entered for the test"),
                    shipped.scheme(), shipped.currency(), shipped.pensionableAgeYears(),
                    shipped.lumpSumThresholdMonths(), shipped.pensionThresholdMonths(), shipped.baseRatePercent(),
                    shipped.incrementPercent(), shipped.incrementEveryMonths(), shipped.averagingWindowMonths(),
                    new java.util.TreeMap<>(table), shipped.survivorsLumpSumMultiple(),
                    shipped.survivorsWindowMonths(), shipped.invalidityPaysLumpSum()));
        }

        private final EntitlementRuleBook declared = withReturns(Map.of(2024, new BigDecimal("3"),
                2025, new BigDecimal("2")));

        @Test
        void compoundTwoYearsOnTheBalanceBroughtForward() {
            // 7,200 paid in 2023; 2024: +3% = 216.00 -> 7,416.00; 2025: +2% = 148.32 -> 7,564.32
            Entitlement e = Worker.bornOn("1975-01-01").worked("2023-01", "2023-12", WAGE)
                    .insuredStatusEnded("2023-12-31").asOf("2026-06-01").rules(declared).s33();

            assertThat(e.amount()).isEqualTo(new BigDecimal("7564.32"));
            assertThat(e.explanation()).filteredOn(s -> s.ruleId().equals(S33 + ".OLD_AGE.DECLARED_RETURN"))
                    .extracting(ExplanationStep::result).containsExactly("216.00", "148.32");
            assertThat(step(e, S33 + ".OLD_AGE.DECLARED_RETURNS")).isEqualTo("364.32");
            assertThat(Worker.stepOf(e, S33 + ".OLD_AGE.LUMP_SUM").ruleSetVersion()).isEqualTo("2026-01");
        }

        @Test
        void aYearsOwnContributionsEarnFromTheNextYear() {
            // 3,600 in 2023 earns 3% in 2024 (108.00); 2024's 3,600 joins for 2025: 7,308.00 x 2% = 146.16
            Entitlement e = Worker.bornOn("1975-01-01").worked("2023-07", "2024-06", WAGE)
                    .insuredStatusEnded("2024-06-30").asOf("2026-06-01").rules(declared).s33();

            assertThat(e.amount()).isEqualTo(new BigDecimal("7454.16"));
        }

        @Test
        void onlyYearsBeforeTheLumpSumBecomesPayableAreCredited() {
            // payable 2025-03-01 (55th birthday): the 2025 rate is not credited
            Entitlement e = Worker.bornOn("1970-03-01").worked("2023-01", "2023-12", WAGE)
                    .insuredStatusEnded("2023-12-31").asOf("2026-06-01").rules(declared).s33();

            assertThat(e.amount()).isEqualTo(new BigDecimal("7416.00"));
        }

        @Test
        void returnsAreNotPaidUnder12Months() {
            Entitlement e = Worker.bornOn("1975-01-01").worked("2023-01", "2023-11", WAGE)
                    .insuredStatusEnded("2023-11-30").asOf("2026-06-01").rules(declared).s33();

            assertThat(e.amount()).isEqualTo(new BigDecimal("3300.00"));
        }

        @Test
        void theShippedEmptyTableCreditsNothing() {
            Entitlement e = Worker.bornOn("1975-01-01").worked("2023-01", "2023-12", WAGE)
                    .insuredStatusEnded("2023-12-31").asOf("2026-06-01").s33();

            assertThat(e.amount()).isEqualTo(new BigDecimal("7200.00"));
            assertThat(step(e, S33 + ".OLD_AGE.DECLARED_RETURNS")).isEqualTo("0.00");
        }

        @Test
        void theVersionInForceOnTheAsOfDateDecides() {
            Entitlement before = Worker.bornOn("1975-01-01").worked("2023-01", "2023-12", WAGE)
                    .insuredStatusEnded("2023-12-31").asOf("2025-12-31").rules(declared).s33();

            assertThat(before.amount()).isEqualTo(new BigDecimal("7200.00"));
            // every step under the old-age rules in force on 2025-12-31, the savings under the contribution version used
            assertThat(before.explanation()).allSatisfy(s -> assertThat(s.ruleSetId() + "@" + s.ruleSetVersion())
                    .isIn("TH_SSF_S33_OLD_AGE@2022-02", "TH_SSF_S33@1991-01"));
        }
    }

    @Nested
    class DeathAndInvalidity {

        @Test
        void deathBeforeAnythingWasPayableLeavesTheLumpSumToTheSurvivors() {
            List<Entitlement> all = Worker.bornOn("1990-01-01").workedMonthsUpTo(48, LAST, WAGE)
                    .event(LifeEventType.DEATH, "2020-10-01").asOf("2021-01-01").entitlements();

            assertThat(all).hasSize(1);
            Entitlement e = all.get(0);
            assertThat(e.benefit()).isEqualTo(Survivors.SURVIVORS_LUMP_SUM);
            assertThat(e.amount()).isEqualTo(new BigDecimal("28800.00"));
            assertThat(e.periodicity()).isEqualTo(Periodicity.ONCE);
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2020-10-01"));
            assertThat(e.eligible()).isTrue();
            assertThat(e.contributionMonths()).isEqualTo(48);
        }

        @Test
        void deathWithAPensionRightLeavesTenMonthlyPensions() {
            List<Entitlement> all = Worker.bornOn("1975-01-01").workedMonthsUpTo(180, LAST, WAGE)
                    .event(LifeEventType.DEATH, "2021-01-15").asOf("2021-02-01").entitlements();

            assertThat(all).hasSize(1);
            Entitlement e = all.get(0);
            assertThat(e.benefit()).isEqualTo(Survivors.SURVIVORS_LUMP_SUM);
            assertThat(e.amount()).isEqualTo(new BigDecimal("20000.00"));
            assertThat(Worker.stepOf(e, S33 + ".SURVIVORS.LUMP_SUM").inputs())
                    .containsEntry("monthlyPension", "2000.00").containsEntry("multiple", "10");
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2021-01-15"));
        }

        @Test
        void aPensionerDyingBefore2022LeavesTenTimesThePensionWhenEverTheCaseIsJudged() {
            // first payment 2020-08-31: by a death in June 2021, 11 payments; the rule of the day of death applies
            List<Entitlement> all = retiredWith(180).event(LifeEventType.DEATH, "2021-06-01").asOf("2026-02-01")
                    .entitlements();

            assertThat(all).extracting(Entitlement::benefit)
                    .containsExactly(OldAgeBenefits.PENSION, Survivors.SURVIVORS_LUMP_SUM);
            assertThat(all.get(1).amount()).isEqualTo(new BigDecimal("20000.00"));
            ExplanationStep lumpSum = Worker.stepOf(all.get(1), S33 + ".SURVIVORS.LUMP_SUM");
            assertThat(lumpSum.ruleSetVersion()).isEqualTo("1999-01");
            assertThat(lumpSum.inputs()).containsEntry("multiple", "10");
        }

        @Test
        void aPensionerDyingWithin60MonthsUnderThe2022RuleLeavesThePensionForEveryMonthRemaining() {
            // 2020-08 .. 2023-01: 30 payments made, 30 of the 60 remain, 30 x 2,000
            List<Entitlement> all = retiredWith(180).event(LifeEventType.DEATH, "2023-01-01").asOf("2023-02-01")
                    .entitlements();

            assertThat(all).extracting(Entitlement::benefit)
                    .containsExactly(OldAgeBenefits.PENSION, Survivors.SURVIVORS_LUMP_SUM);
            assertThat(all.get(1).amount()).isEqualTo(new BigDecimal("60000.00"));
            ExplanationStep lumpSum = Worker.stepOf(all.get(1), S33 + ".SURVIVORS.LUMP_SUM");
            assertThat(lumpSum.ruleSetVersion()).isEqualTo("2022-02");
            assertThat(lumpSum.inputs()).containsEntry("monthsRemaining", "30").containsEntry("times", "30");
            assertThat(all.get(1).claimBy()).isEqualTo(LocalDate.parse("2023-12-31"));
        }

        @Test
        void aPensionerDyingNearTheEndOfTheWindowStillLeavesAtLeastTenTimes() {
            // 2020-08 .. 2025-01: 54 payments made, 6 remain, so the floor of 10 pays
            List<Entitlement> all = retiredWith(180).event(LifeEventType.DEATH, "2025-01-15").asOf("2025-02-01")
                    .entitlements();

            assertThat(all.get(1).amount()).isEqualTo(new BigDecimal("20000.00"));
            assertThat(Worker.stepOf(all.get(1), S33 + ".SURVIVORS.LUMP_SUM").inputs())
                    .containsEntry("monthsRemaining", "6").containsEntry("times", "10");
        }

        @Test
        void aPensionerDyingAfterTheWindowLeavesNoLumpSum() {
            // first payment 2020-08-31; 60 months later is 2025-08-31
            List<Entitlement> all = retiredWith(180).event(LifeEventType.DEATH, "2025-08-31").asOf("2026-01-01")
                    .entitlements();

            assertThat(all).extracting(Entitlement::benefit).containsExactly(OldAgeBenefits.PENSION);
        }

        @Test
        void aLumpSumAlreadyPayableBeforeDeathStaysTheMembers() {
            List<Entitlement> all = retiredWith(48).event(LifeEventType.DEATH, "2020-12-01").entitlements();

            assertThat(all).extracting(Entitlement::benefit).containsExactly(OldAgeBenefits.LUMP_SUM);
            assertThat(all.get(0).eligible()).isTrue();
        }

        @Test
        void invalidityMakesTheLumpSumPayableWhateverTheAge() {
            Entitlement e = Worker.bornOn("1990-01-01").workedMonthsUpTo(48, LAST, WAGE)
                    .event(LifeEventType.INVALIDITY, "2020-09-15").asOf("2021-01-01").s33();

            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.LUMP_SUM);
            assertThat(e.eligible()).isTrue();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2020-09-15"));
            assertThat(e.amount()).isEqualTo(new BigDecimal("28800.00"));
            assertThat(step(e, S33 + ".OLD_AGE.LUMP_SUM_ON_INVALIDITY")).isEqualTo("2020-09-15");
        }

        @Test
        void invalidityDoesNotBringAPensionForward() {
            Entitlement e = Worker.bornOn("1975-01-01").workedMonthsUpTo(180, LAST, WAGE)
                    .insuredStatusEnded("2020-08-31").event(LifeEventType.INVALIDITY, "2020-09-15")
                    .asOf("2021-01-01").s33();

            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.PENSION);
            assertThat(e.eligible()).isFalse();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2030-01-01"));
        }
    }

    @Nested
    class Input {

        @Test
        void aMonthGivenTwiceIsRefused() {
            InsuredMonth m = new InsuredMonth(YearMonth.parse("2020-01"), new BigDecimal("10000.00"),
                    new BigDecimal("300.00"), new BigDecimal("300.00"));
            InsuredMonth earlier = new InsuredMonth(YearMonth.parse("2019-12"), new BigDecimal("10000.00"),
                    new BigDecimal("300.00"), new BigDecimal("300.00"));
            EntitlementCase c = new EntitlementCase(LocalDate.parse("1960-01-01"), "THA",
                    Map.of(S33, List.of(m, earlier, m)), null, null, null, LocalDate.parse("2021-01-01"));

            assertThatThrownBy(() -> new EntitlementEngine(Worker.SHIPPED).entitlements(c))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2020-01");
        }

        @Test
        void noMonthsNoEntitlement() {
            EntitlementCase c = new EntitlementCase(LocalDate.parse("1960-01-01"), "THA", null, null, null, null,
                    LocalDate.parse("2021-01-01"));

            assertThat(new EntitlementEngine(Worker.SHIPPED).entitlements(c)).isEmpty();
        }

        @Test
        void monthsOfASchemeWithoutRulesAreIgnored() {
            EntitlementCase c = new EntitlementCase(LocalDate.parse("1960-01-01"), "KHM",
                    Map.of("KH_NSSF_PENSION", List.of(new InsuredMonth(YearMonth.parse("2023-01"),
                            new BigDecimal("1000000.00"), BigDecimal.ZERO, BigDecimal.ZERO))),
                    null, null, null, LocalDate.parse("2024-01-01"));

            assertThat(new EntitlementEngine(Worker.SHIPPED).entitlements(c)).isEmpty();
        }

        @Test
        void anAsOfDateBeforeAnyRulesIsRefused() {
            assertThatThrownBy(() -> retiredWith(12).asOf("1998-12-31").entitlements())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TH_SSF_S33_OLD_AGE");
        }

        @Test
        void negativeAmountsAreRefused() {
            assertThatThrownBy(() -> new InsuredMonth(YearMonth.parse("2020-01"), new BigDecimal("-1"),
                    BigDecimal.ZERO, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

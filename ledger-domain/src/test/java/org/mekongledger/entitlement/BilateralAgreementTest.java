package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mekongledger.entitlement.Worker.S33;
import static org.mekongledger.entitlement.Worker.hasStep;
import static org.mekongledger.entitlement.Worker.step;
import static org.mekongledger.entitlement.Worker.stepOf;

/**
 * What the shipped MODEL agreements change for the partner's nationals. Thai histories end by
 * 2020-08 at 10,000 a month (300.00 + 300.00 of old-age contributions, average wage 10,000.00).
 */
class BilateralAgreementTest {

    private static final String WAGE = "10000.00";

    /** 170 Thai months, then 20 months in Cambodia's NSSF pension scheme. */
    private static Worker cambodianWith170ThaiAnd20KhMonths() {
        return Worker.bornOn("1965-01-01").national("KHM")
                .workedMonthsUpTo(170, "2020-08", WAGE).insuredStatusEnded("2020-08-31")
                .insuredIn("2022-10", "2024-05", "KH_NSSF_PENSION")
                .asOf("2024-06-01");
    }

    @Nested
    class Totalisation {

        @Test
        void partnerMonthsLift170ThaiMonthsIntoAPensionPaidProRata() {
            // T = 10,000 x 20% (190 months) = 2,000.00; pro-rata 2,000.00 x 170 / 190 = 1,789.47
            Entitlement e = cambodianWith170ThaiAnd20KhMonths().s33();

            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.PENSION);
            assertThat(e.periodicity()).isEqualTo(Periodicity.MONTHLY);
            assertThat(e.basis()).isEqualTo("TH-KH");
            assertThat(e.contributionMonths()).isEqualTo(170);
            assertThat(step(e, "TH-KH.TOTALISATION")).isEqualTo("190");
            assertThat(step(e, "TH-KH.THEORETICAL_AMOUNT")).isEqualTo("2000.00");
            assertThat(e.amount()).isEqualTo(new BigDecimal("1789.47"));
            assertThat(e.explanation().get(e.explanation().size() - 1).ruleId()).isEqualTo("TH-KH.PRO_RATA");
            assertThat(e.eligible()).isTrue();
            assertThat(e.payableAbroad()).isTrue();
        }

        @Test
        void withoutTheAgreementTheSameHistoryIsALumpSum() {
            Entitlement e = cambodianWith170ThaiAnd20KhMonths().agreement(EntitlementCase.NO_AGREEMENT).s33();

            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.LUMP_SUM);
            assertThat(e.amount()).isEqualTo(new BigDecimal("102000.00"));
            assertThat(e.basis()).isEqualTo(Entitlement.NATIONAL);
            assertThat(e.payableAbroad()).isFalse();
            assertThat(step(e, S33 + ".OLD_AGE.FOREIGN_PERIODS")).isEqualTo("not counted");
        }

        @Test
        void anIndependentThaiPensionIsPaidWhenHigherThanTheProRataOne() {
            // independent: 192 months -> 21.5% -> 2,150.00; theoretical 203 months -> 21.5% -> 2,150.00,
            // pro-rata 2,150.00 x 192 / 203 = 2,033.50
            Entitlement e = Worker.bornOn("1965-01-01").national("KHM")
                    .workedMonthsUpTo(192, "2020-08", WAGE).insuredStatusEnded("2020-08-31")
                    .insuredIn("2022-01", "2022-11", "KH_NSSF_PENSION").asOf("2024-06-01").s33();

            assertThat(step(e, "TH-KH.PRO_RATA")).isEqualTo("2033.50");
            assertThat(stepOf(e, "TH-KH.HIGHER_OF").inputs()).containsEntry("independentAmount", "2150.00");
            assertThat(e.amount()).isEqualTo(new BigDecimal("2150.00"));
        }

        @Test
        void theProRataPensionIsPaidWhenHigherThanTheIndependentOne() {
            // independent 200 months -> 21.5% -> 2,150.00; theoretical 240 months -> 27.5% -> 2,750.00,
            // pro-rata 2,750.00 x 200 / 240 = 2,291.67
            Entitlement e = Worker.bornOn("1965-01-01").national("LAO")
                    .workedMonthsUpTo(200, "2020-08", WAGE).insuredStatusEnded("2020-08-31")
                    .insuredIn("2021-01", "2024-04", "LA_LSSO").asOf("2024-06-01").s33();

            assertThat(e.basis()).isEqualTo("TH-LA");
            assertThat(e.amount()).isEqualTo(new BigDecimal("2291.67"));
        }

        @Test
        void totalisationAlsoLiftsAShortThaiRecordOverTheTwelveMonthThreshold() {
            // 10 Thai months + 5 Myanmar months: employer's share paid too
            Entitlement e = Worker.bornOn("1965-01-01").national("MMR")
                    .workedMonthsUpTo(10, "2020-08", WAGE).insuredStatusEnded("2020-08-31")
                    .insuredIn("2021-01", "2021-05", "MM_SSB").asOf("2024-06-01").s33();

            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.LUMP_SUM);
            assertThat(e.amount()).isEqualTo(new BigDecimal("6000.00"));
        }

        @Test
        void onlyThePartnersOwnSchemesCount() {
            Entitlement e = Worker.bornOn("1965-01-01").national("KHM")
                    .workedMonthsUpTo(170, "2020-08", WAGE).insuredStatusEnded("2020-08-31")
                    .insuredIn("2022-10", "2024-05", "MM_SSB").asOf("2024-06-01").s33();

            assertThat(step(e, "TH-KH.TOTALISATION")).isEqualTo("170");
            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.LUMP_SUM);
        }

        @Test
        void aMonthInsuredInBothCountriesOrInOverlappingPeriodsCountsOnce() {
            // Thai 2006-07..2020-08 (170); KH 2020-01..2020-12 overlaps 8 Thai months, 2020-06..2021-03 overlaps both
            Entitlement e = Worker.bornOn("1965-01-01").national("KHM")
                    .workedMonthsUpTo(170, "2020-08", WAGE).insuredStatusEnded("2020-08-31")
                    .insuredIn("2020-01", "2020-12", "KH_NSSF_PENSION")
                    .insuredIn("2020-06", "2021-03", "KH_NSSF_PENSION").asOf("2024-06-01").s33();

            assertThat(stepOf(e, "TH-KH.TOTALISATION").inputs())
                    .containsEntry("partnerMonths", "7").containsEntry("partnerMonthsAlsoInsuredInThailand", "8");
            assertThat(step(e, "TH-KH.TOTALISATION")).isEqualTo("177");
        }
    }

    @Nested
    class ShortPeriodRule {

        @Test
        void eightThaiMonthsAreNotPaidAsAPensionButAsTheNationalLumpSum() {
            Entitlement e = Worker.bornOn("1965-01-01").national("KHM")
                    .workedMonthsUpTo(8, "2020-08", WAGE).insuredStatusEnded("2020-08-31")
                    .insuredIn("2005-01", "2019-12", "KH_NSSF_PENSION").asOf("2024-06-01").s33();

            assertThat(step(e, "TH-KH.TOTALISATION")).isEqualTo("188");
            assertThat(step(e, S33 + ".OLD_AGE.BENEFIT")).isEqualTo(OldAgeBenefits.PENSION);
            assertThat(step(e, "TH-KH.SHORT_PERIOD_RULE")).isEqualTo(OldAgeBenefits.LUMP_SUM);
            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.LUMP_SUM);
            assertThat(e.periodicity()).isEqualTo(Periodicity.ONCE);
            // national rules on 8 Thai months: the employee's contributions only
            assertThat(e.amount()).isEqualTo(new BigDecimal("2400.00"));
            assertThat(e.basis()).isEqualTo("TH-KH");
        }

        @Test
        void twelveThaiMonthsAreNoLongerAShortPeriod() {
            Entitlement e = Worker.bornOn("1965-01-01").national("KHM")
                    .workedMonthsUpTo(12, "2020-08", WAGE).insuredStatusEnded("2020-08-31")
                    .insuredIn("2005-01", "2019-08", "KH_NSSF_PENSION").asOf("2024-06-01").s33();

            assertThat(hasStep(e, "TH-KH.SHORT_PERIOD_RULE")).isFalse();
            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.PENSION);
            // 12 / 188 of 10,000 x 20%
            assertThat(e.amount()).isEqualTo(new BigDecimal("127.66"));
        }
    }

    @Nested
    class PermanentDeparture {

        /** A Myanmar worker of 30 who leaves Thailand for good after four years. */
        private Worker leavingAt30() {
            return Worker.bornOn("1994-05-01").national("MMR").worked("2021-01", "2024-12", WAGE)
                    .departed("2024-12-20", "MMR").asOf("2025-01-15");
        }

        @Test
        void theLumpSumIsPayableAtDepartureWhateverTheAge() {
            Entitlement e = leavingAt30().s33();

            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.LUMP_SUM);
            assertThat(e.amount()).isEqualTo(new BigDecimal("28800.00"));
            assertThat(e.eligible()).isTrue();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2024-12-20"));
            assertThat(e.basis()).isEqualTo("TH-MM");
            assertThat(e.payableAbroad()).isTrue();
            assertThat(stepOf(e, "TH-MM.LUMP_SUM_ON_PERMANENT_DEPARTURE").inputs()).containsEntry("country", "MMR");
            assertThat(step(e, "TH-MM.EXPORT_OF_BENEFITS")).isEqualTo(PaymentAbroad.ABROAD);
            assertThat(stepOf(e, S33 + ".OLD_AGE.BASIS").inputs()).containsEntry("agreementStatus", "MODEL");
        }

        @Test
        void anInsuredStatusEndRecordedAfterTheDepartureIsWhenItBecomesPayable() {
            Entitlement e = leavingAt30().insuredStatusEnded("2024-12-31").s33();

            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2024-12-31"));
        }

        @Test
        void aReturnCancelsTheDeparture() {
            Entitlement e = leavingAt30().event(LifeEventType.RETURNED, "2025-01-05").s33();

            assertThat(e.eligible()).isFalse();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2049-05-01"));
        }

        @Test
        void notUnderNationalRules() {
            Entitlement e = leavingAt30().agreement(EntitlementCase.NO_AGREEMENT).s33();

            assertThat(e.eligible()).isFalse();
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2049-05-01"));
            assertThat(e.basis()).isEqualTo(Entitlement.NATIONAL);
            assertThat(e.payableAbroad()).isFalse();
        }

        @Test
        void aDepartureDoesNotTurnAPensionIntoALumpSum() {
            Entitlement e = Worker.bornOn("1980-01-01").national("MMR").workedMonthsUpTo(180, "2020-08", WAGE)
                    .departed("2020-09-01", "MMR").asOf("2021-01-01").s33();

            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.PENSION);
            assertThat(e.eligible()).isFalse();
            assertThat(e.payableAbroad()).isTrue();
        }
    }

    @Nested
    class ExportOfBenefits {

        /** TH-MM as shipped but without export, in force from 2025. */
        private EntitlementRuleBook withoutExport() {
            AgreementRuleSetVersion shipped = (AgreementRuleSetVersion) Worker.SHIPPED
                    .inForce("TH-MM", LocalDate.parse("2024-01-01")).orElseThrow();
            Set<AgreementOption> options = EnumSet.copyOf(shipped.options());
            options.remove(AgreementOption.EXPORT_OF_BENEFITS);
            return Worker.SHIPPED.withVersion(new AgreementRuleSetVersion("TH-MM", "2025-01",
                    LocalDate.parse("2025-01-01"), RuleSetStatus.MODEL, org.mekongledger.vocabulary.Bases.test("test: no export"), shipped.scheme(),
                    shipped.partnerNationality(), shipped.partnerSchemes(), shipped.shortPeriodMonths(), options));
        }

        @Test
        void onTheAgreementPaysAbroad() {
            Entitlement e = Worker.bornOn("1960-01-01").national("MMR").workedMonthsUpTo(48, "2020-08", WAGE)
                    .insuredStatusEnded("2020-08-31").departed("2020-09-01", "MMR").asOf("2025-06-01").s33();

            assertThat(e.payableAbroad()).isTrue();
        }

        @Test
        void offADepartedWorkerIsPaidInThailandOnly() {
            Entitlement e = Worker.bornOn("1960-01-01").national("MMR").workedMonthsUpTo(48, "2020-08", WAGE)
                    .insuredStatusEnded("2020-08-31").departed("2020-09-01", "MMR").asOf("2025-06-01")
                    .rules(withoutExport()).s33();

            assertThat(e.payableAbroad()).isFalse();
            assertThat(e.basis()).isEqualTo("TH-MM");
            assertThat(step(e, "TH-MM.EXPORT_OF_BENEFITS")).isEqualTo(PaymentAbroad.THAILAND_ONLY);
            assertThat(stepOf(e, "TH-MM.EXPORT_OF_BENEFITS").inputs())
                    .containsEntry("permanentDeparture", "2020-09-01 to MMR");
        }
    }

    @Nested
    class Choice {

        @Test
        void aThaiNationalGetsNationalRules() {
            Entitlement e = Worker.bornOn("1965-01-01").national("THA").workedMonthsUpTo(170, "2020-08", WAGE)
                    .insuredStatusEnded("2020-08-31").insuredIn("2022-10", "2024-05", "KH_NSSF_PENSION")
                    .departed("2024-06-01", "KHM").asOf("2024-06-01").s33();

            assertThat(e.basis()).isEqualTo(Entitlement.NATIONAL);
            assertThat(e.benefit()).isEqualTo(OldAgeBenefits.LUMP_SUM);
            assertThat(e.payableAbroad()).isFalse();
        }

        @Test
        void agreementNoneGivesNationalRulesToAPartnerNational() {
            Entitlement e = Worker.bornOn("1994-05-01").national("VNM").worked("2021-01", "2024-12", WAGE)
                    .departed("2024-12-20", "VNM").agreement("NONE").asOf("2025-01-15").s33();

            assertThat(e.basis()).isEqualTo(Entitlement.NATIONAL);
            assertThat(e.eligible()).isFalse();
            assertThat(stepOf(e, S33 + ".OLD_AGE.BASIS").inputs()).containsEntry("agreementRequested", "NONE");
        }

        @Test
        void eachModelAgreementAppliesToItsPartnersNationals() {
            for (String[] pair : new String[][] {{"MMR", "TH-MM"}, {"KHM", "TH-KH"}, {"LAO", "TH-LA"},
                    {"VNM", "TH-VN"}}) {
                Entitlement e = Worker.bornOn("1990-01-01").national(pair[0]).worked("2021-01", "2021-06", WAGE)
                        .asOf("2022-01-01").s33();
                assertThat(e.basis()).as(pair[0]).isEqualTo(pair[1]);
            }
        }

        @Test
        void anAgreementNamedExplicitlyIsTheSameAsTheOneChosen() {
            Worker chosen = cambodianWith170ThaiAnd20KhMonths();
            Worker named = cambodianWith170ThaiAnd20KhMonths().agreement("TH-KH");

            assertThat(named.s33().amount()).isEqualTo(chosen.s33().amount());
            assertThat(stepOf(named.s33(), S33 + ".OLD_AGE.BASIS").inputs()).containsEntry("agreementRequested", "TH-KH");
        }

        @Test
        void anUnknownAgreementIsRefused() {
            assertThatThrownBy(() -> cambodianWith170ThaiAnd20KhMonths().agreement("TH-XX").entitlements())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TH-XX");
            assertThatThrownBy(() -> cambodianWith170ThaiAnd20KhMonths().agreement("VN_OESF").entitlements())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VN_OESF");
        }

        @Test
        void anAgreementForAnotherNationalityIsRefused() {
            assertThatThrownBy(() -> cambodianWith170ThaiAnd20KhMonths().agreement("TH-MM").entitlements())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MMR");
        }

        @Test
        void anEnactedAgreementWinsOverTheModel() {
            AgreementRuleSetVersion enacted = new AgreementRuleSetVersion("TH-KH-2030", "2030-01",
                    LocalDate.parse("2030-01-01"), RuleSetStatus.IN_FORCE, org.mekongledger.vocabulary.Bases.test("test: a signed agreement"), S33, "KHM",
                    Set.of("KH_NSSF_PENSION"), 12, EnumSet.of(AgreementOption.TOTALISATION));
            EntitlementRuleBook book = Worker.SHIPPED.withVersion(enacted);

            assertThat(cambodianWith170ThaiAnd20KhMonths().rules(book).asOf("2029-12-31").s33().basis())
                    .isEqualTo("TH-KH");
            Entitlement e = cambodianWith170ThaiAnd20KhMonths().rules(book).asOf("2030-01-01").s33();
            assertThat(e.basis()).isEqualTo("TH-KH-2030");
            // totalisation without pro-rata: Thailand pays the pension of all 190 months
            assertThat(e.amount()).isEqualTo(new BigDecimal("2000.00"));
            assertThat(e.payableAbroad()).isFalse();
        }
    }
}

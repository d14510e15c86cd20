package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mekongledger.entitlement.Worker.stepOf;

/** Overseas workers' welfare funds: membership by fee payment, one-off benefits on life events. */
class WelfareFundTest {

    /** A Vietnamese worker whose contract fee was paid in March 2023 by the worker and the sending enterprise. */
    private static Worker vietnameseMember() {
        return Worker.bornOn("1995-01-01").national("VNM").paidFees("VN_OESF", "100000", "2023-03")
                .paidFees("VN_OESF", "150000", "2023-03").asOf("2024-06-01");
    }

    @Test
    void vietNamPaysFortyMillionDongToRelativesOnDeath() {
        Entitlement e = vietnameseMember().event(LifeEventType.DEATH, "2024-05-02").benefit("VN_OESF", "DEATH_BENEFIT");

        assertThat(e.eligible()).isTrue();
        assertThat(e.amount()).isEqualTo(new BigDecimal("40000000"));
        assertThat(e.currency().getCurrencyCode()).isEqualTo("VND");
        assertThat(e.periodicity()).isEqualTo(Periodicity.ONCE);
        assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2024-05-02"));
        assertThat(e.contributionMonths()).isEqualTo(2);
        assertThat(e.basis()).isEqualTo(Entitlement.NATIONAL);
        assertThat(stepOf(e, "VN_OESF.DEATH_BENEFIT").inputs()).containsEntry("payableTo", "RELATIVES");
        assertThat(stepOf(e, "VN_OESF.MEMBERSHIP").result()).isEqualTo("covered");
    }

    @Test
    void listsEveryBenefitOfTheFundAndPaysOnlyTheOneTriggered() {
        List<Entitlement> all = vietnameseMember().event(LifeEventType.DEATH, "2024-05-02").entitlements();

        assertThat(all).extracting(Entitlement::benefit)
                .containsExactly("DEATH_BENEFIT", "EARLY_RETURN_AFTER_ACCIDENT_OR_ILLNESS", "EARLY_RETURN_SUPPORT");
        assertThat(all).extracting(Entitlement::eligible).containsExactly(true, false, false);
        assertThat(all.get(1).payableFrom()).isNull();
    }

    @Test
    void earlyReturnAfterAnAccidentStatesTheRangeTheFundAssesses() {
        Entitlement e = vietnameseMember().event(LifeEventType.INVALIDITY, "2024-01-10")
                .benefit("VN_OESF", "EARLY_RETURN_AFTER_ACCIDENT_OR_ILLNESS");

        assertThat(e.eligible()).isTrue();
        assertThat(e.amount()).isEqualTo(new BigDecimal("10000000"));
        assertThat(stepOf(e, "VN_OESF.EARLY_RETURN_AFTER_ACCIDENT_OR_ILLNESS").inputs())
                .containsEntry("upTo", "30000000");
    }

    @Test
    void anEarlyReturnHomeWhileCoveredStatesTheForcedReturnSupportTheFundAssesses() {
        Entitlement e = vietnameseMember().event(LifeEventType.PERMANENT_DEPARTURE, "2024-04-01")
                .benefit("VN_OESF", "EARLY_RETURN_SUPPORT");

        assertThat(e.eligible()).isTrue();
        assertThat(e.payableFrom()).isEqualTo(java.time.LocalDate.of(2024, 4, 1));
        assertThat(e.amount()).isEqualTo(new BigDecimal("7000000"));
        assertThat(stepOf(e, "VN_OESF.EARLY_RETURN_SUPPORT").inputs()).containsEntry("upTo", "20000000");
    }

    @Test
    void aMemberWithoutAnEventIsCoveredButNotOwed() {
        Entitlement e = vietnameseMember().benefit("VN_OESF", "DEATH_BENEFIT");

        assertThat(e.eligible()).isFalse();
        assertThat(e.payableFrom()).isNull();
        assertThat(stepOf(e, "VN_OESF.MEMBERSHIP").result()).isEqualTo("member, covered to 2027-02");
    }

    @Test
    void anEventAfterTheCoverEndsIsNotCovered() {
        // a 2023-03 fee covers 48 months: through 2027-02
        Entitlement covered = vietnameseMember().event(LifeEventType.DEATH, "2027-02-28").asOf("2027-06-01")
                .benefit("VN_OESF", "DEATH_BENEFIT");
        Entitlement lapsed = vietnameseMember().event(LifeEventType.DEATH, "2027-03-01").asOf("2027-06-01")
                .benefit("VN_OESF", "DEATH_BENEFIT");

        assertThat(covered.eligible()).isTrue();
        assertThat(lapsed.eligible()).isFalse();
        assertThat(lapsed.payableFrom()).isNull();
        assertThat(stepOf(lapsed, "VN_OESF.MEMBERSHIP").result()).isEqualTo("not covered");
    }

    @Test
    void anEventBeforeTheFirstFeeIsNotCovered() {
        Entitlement e = vietnameseMember().event(LifeEventType.DEATH, "2023-02-28").benefit("VN_OESF", "DEATH_BENEFIT");

        assertThat(e.eligible()).isFalse();
        assertThat(stepOf(e, "VN_OESF.MEMBERSHIP").inputs()).containsEntry("lastFeeMonthBeforeEvent", "none");
    }

    @Test
    void aModelFundPaysDeathAndRepatriationInItsHomeCurrency() {
        List<Entitlement> all = Worker.bornOn("1995-01-01").national("MMR").paidFees("MM_OWF", "52500.00", "2024-01")
                .event(LifeEventType.DEATH, "2024-11-30").asOf("2025-01-01").entitlements();

        assertThat(all).extracting(Entitlement::benefit)
                .containsExactly("DEATH_BENEFIT", "DISABILITY_BENEFIT", "REPATRIATION");
        assertThat(all).extracting(Entitlement::eligible).containsExactly(true, false, true);
        assertThat(all).allSatisfy(e -> assertThat(e.currency().getCurrencyCode()).isEqualTo("MMK"));
        assertThat(all.get(0).amount()).isEqualTo(new BigDecimal("10500000.00"));
    }

    @Test
    void aWorkerMayBelongToAFundAndTheThaiSchemeAtOnce() {
        List<Entitlement> all = Worker.bornOn("1990-01-01").national("KHM").worked("2021-01", "2024-12", "10000.00")
                .paidFees("KH_OWF", "102500.00", "2021-01").event(LifeEventType.INVALIDITY, "2024-12-15")
                .asOf("2025-01-01").entitlements();

        assertThat(all).extracting(e -> e.scheme() + " " + e.benefit() + " " + e.eligible()).containsExactly(
                "TH_SSF_S33 OLD_AGE_LUMP_SUM true",
                "KH_OWF DEATH_BENEFIT false",
                "KH_OWF DISABILITY_BENEFIT true",
                "KH_OWF REPATRIATION true");
    }

    @Test
    void feesBeforeTheFundsRulesAreInForceAreRefused() {
        assertThatThrownBy(() -> vietnameseMember().asOf("2022-02-20").entitlements())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VN_OESF");
    }
}

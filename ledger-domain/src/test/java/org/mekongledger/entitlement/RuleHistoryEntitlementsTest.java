package org.mekongledger.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mekongledger.entitlement.Worker.S33;
import static org.mekongledger.entitlement.Worker.stepOf;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.vocabulary.SourceStatus;

/** What the rule history adds to entitlements: the claim deadline, Viet Nam's 2025 fund rules and the VSS caution. */
class RuleHistoryEntitlementsTest {

    @Test
    void aLumpSumMustBeClaimedWithinAYearOfBecomingPayable() {
        Entitlement e = Worker.bornOn("1965-03-10").worked("2016-01", "2020-08", "10000.00")
                .insuredStatusEnded("2020-08-31").asOf("2026-01-01").s33();

        // payable from the 55th birthday, 2020-03-10, but insured status ended 2020-08-31: payable then
        assertThat(e.payableFrom()).isEqualTo(LocalDate.parse("2020-08-31"));
        assertThat(e.claimBy()).isEqualTo(LocalDate.parse("2021-08-30"));
        assertThat(stepOf(e, S33 + ".OLD_AGE.CLAIM_BY").inputs()).containsEntry("claimDeadlineMonths", "12")
                .containsEntry("payableFrom", "2020-08-31");
    }

    @Test
    void aBenefitNotYetPayableIsClaimedWithinAYearOfItsFirstDay() {
        Entitlement e = Worker.bornOn("1995-01-10").worked("2021-01", "2021-06", "10000.00").asOf("2025-02-01").s33();

        assertThat(e.payableFrom()).isNotNull();
        assertThat(e.claimBy()).isEqualTo(e.payableFrom().plusYears(1).minusDays(1));
    }

    @Test
    void vietNamsFundPaysRetrainingUnderDecision34OfSeptember2025() {
        Worker returnee = Worker.bornOn("1995-01-01").national("VNM").paidFees("VN_OESF", "100000", "2024-03")
                .event(LifeEventType.PERMANENT_DEPARTURE, "2025-10-01").asOf("2025-11-01");

        Entitlement retraining = returnee.benefit("VN_OESF", "RETRAINING_SUPPORT");
        assertThat(retraining.amount()).isEqualByComparingTo("1000000");
        assertThat(stepOf(retraining, "VN_OESF.RETRAINING_SUPPORT").ruleSetVersion()).isEqualTo("2025-09");
        EntitlementRuleSetVersion version = Worker.SHIPPED.inForce("VN_OESF", LocalDate.parse("2025-09-15")).orElseThrow();
        assertThat(version.basis().status()).isEqualTo(SourceStatus.ASSUMED);
        assertThat(version.basis().assumption()).contains("NOT FOUND", "fees", "40 million");
        assertThat(Worker.SHIPPED.inForce("VN_OESF", LocalDate.parse("2025-09-14")).orElseThrow().version())
                .isEqualTo("2022-02");
    }

    @Test
    void countingVietNameseSocialInsuranceMonthsCarriesTheOneTimeWithdrawalCaution() {
        Entitlement e = Worker.bornOn("1965-01-01").national("VNM").worked("2015-01", "2024-12", "10000.00")
                .insuredIn("2005-01", "2014-12", "VN_VSS").insuredStatusEnded("2024-12-31").asOf("2026-01-01").s33();

        ExplanationStep note = stepOf(e, "TH-VN.PARTNER_SCHEME_NOTE");
        assertThat(note.ruleSetVersion()).isEqualTo("2025-07");
        assertThat(note.inputs().get("note")).contains("one-time", "cannot be totalised");
        assertThat(e.contributionMonths()).isEqualTo(120);
        assertThat(new BigDecimal(stepOf(e, "TH-VN.TOTALISATION").result())).isEqualByComparingTo("240");
    }
}

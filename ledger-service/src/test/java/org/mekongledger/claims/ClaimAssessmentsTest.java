package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.api.Assessment;
import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.entitlement.ExplanationStep;
import org.mekongledger.entitlement.Periodicity;

/** The engine's entitlement as a claim keeps it: the explanation, its rule-set versions, and why it is not payable. */
class ClaimAssessmentsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    @Test
    void keepsEveryStepAndEachRuleSetVersionOnce() {
        Entitlement lumpSum = entitlement(true, AS_OF);

        Assessment assessment = ClaimAssessments.assessment(lumpSum, AS_OF);

        assertThat(assessment.eligible()).isTrue();
        assertThat(assessment.amount()).isEqualByComparingTo("1080.00");
        assertThat(assessment.currency()).isEqualTo("THB");
        assertThat(assessment.basis()).isEqualTo("TH-KH");
        assertThat(assessment.refusal()).isNull();
        assertThat(assessment.explanation()).extracting(step -> step.ruleId())
                .containsExactly("TH_SSF_S33.OLD_AGE.CONTRIBUTION_MONTHS", "TH-KH.TOTALISATION",
                        "TH_SSF_S33.OLD_AGE.LUMP_SUM");
        assertThat(assessment.explanation().get(0).inputs()).containsEntry("firstMonth", "2025-01");
        assertThat(assessment.ruleSetVersions()).containsExactly("TH_SSF_S33@2024-01", "TH-KH@1999-01");
    }

    @Test
    void saysWhyABenefitIsNotPayable() {
        assertThat(ClaimAssessments.assessment(entitlement(false, LocalDate.of(2046, 7, 14)), AS_OF).refusal())
                .isEqualTo("not payable before 2046-07-14");
        assertThat(ClaimAssessments.assessment(entitlement(false, null), AS_OF).refusal())
                .contains("conditions for OLD_AGE_LUMP_SUM are not met");
    }

    private static Entitlement entitlement(boolean eligible, LocalDate payableFrom) {
        return new Entitlement("TH_SSF_S33", "OLD_AGE_LUMP_SUM", eligible, new BigDecimal("1080.00"),
                Currency.getInstance("THB"), Periodicity.ONCE, payableFrom, 3, "TH-KH", true, List.of(
                new ExplanationStep("TH_SSF_S33.OLD_AGE.CONTRIBUTION_MONTHS", "TH_SSF_S33", "2024-01",
                        Map.of("firstMonth", "2025-01"), "3"),
                new ExplanationStep("TH-KH.TOTALISATION", "TH-KH", "1999-01", Map.of(), "3"),
                new ExplanationStep("TH_SSF_S33.OLD_AGE.LUMP_SUM", "TH_SSF_S33", "2024-01", Map.of(), "1080.00")));
    }
}

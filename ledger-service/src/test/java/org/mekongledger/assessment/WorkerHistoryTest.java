package org.mekongledger.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.entitlement.EntitlementCase;
import org.mekongledger.entitlement.InsuredMonth;
import org.mekongledger.entitlement.LifeEvent;
import org.mekongledger.vocabulary.LifeEventType;

class WorkerHistoryTest {

    private static final InsuredMonth JANUARY = new InsuredMonth(YearMonth.of(2025, 1), new BigDecimal("10000.00"),
            new BigDecimal("300.00"), new BigDecimal("300.00"));
    private static final InsuredMonth FEE = new InsuredMonth(YearMonth.of(2025, 3), new BigDecimal("150000"),
            BigDecimal.ZERO, BigDecimal.ZERO);

    private final WorkerHistory history = new WorkerHistory(LocalDate.of(1991, 1, 14), "KHM", List.of(JANUARY),
            Map.of("VN_OESF", List.of(FEE)), List.of(), List.of(
                    new LifeEvent(LifeEventType.INSURED_STATUS_ENDED, LocalDate.of(2025, 6, 30), null),
                    new LifeEvent(LifeEventType.DEATH, LocalDate.of(2026, 2, 1), null)), 1);

    @Test
    void aCaseAsOfADateKnowsOnlyTheLifeEventsUpToIt() {
        EntitlementCase asOfNewYear = history.caseOn(LocalDate.of(2026, 1, 1), null);

        assertThat(asOfNewYear.lifeEvents()).extracting(LifeEvent::type)
                .containsExactly(LifeEventType.INSURED_STATUS_ENDED);
        assertThat(asOfNewYear.insuredMonths()).containsEntry(WorkerHistory.THAI_SCHEME, List.of(JANUARY))
                .containsEntry("VN_OESF", List.of(FEE));
        assertThat(asOfNewYear.agreementId()).isNull();
        assertThat(history.caseOn(LocalDate.of(2026, 2, 1), null).lifeEvents()).hasSize(2);
    }

    @Test
    void aHypotheticalEventHappensOnTheAsOfDate() {
        LocalDate asOf = LocalDate.of(2026, 1, 1);

        assertThat(history.caseOn(asOf, LifeEventType.PERMANENT_DEPARTURE).lifeEvents())
                .contains(new LifeEvent(LifeEventType.PERMANENT_DEPARTURE, asOf, null));
        assertThat(history.lifeEvents()).hasSize(2); // the recorded history is left as it was
    }
}

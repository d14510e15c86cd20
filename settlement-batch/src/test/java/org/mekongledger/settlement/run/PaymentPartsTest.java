package org.mekongledger.settlement.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.mekongledger.settlement.support.Payees;

class PaymentPartsTest {

    private static FrozenPayment payment(int n, String worker) {
        return new FrozenPayment(String.format("E2E%05d", n), LocalDate.parse("2026-12-01"), "claim-" + n, 1, worker,
                "TH_SSF_S33", "OLD_AGE_LUMP_SUM", FrozenPayment.BANK_ACCOUNT, "FUNDTHB01", BigDecimal.TEN, "THB",
                BigDecimal.TEN, "THB", "1", "s", Payees.bank("THA", "THB"));
    }

    @Test
    void everyWorkerLandsInExactlyOnePartAndThePartsAreAboutEven() {
        List<FrozenPayment> chunk = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            chunk.add(payment(i, "worker-" + (i * 7919 % 313))); // 313 workers, 3 or 4 claims each, interleaved
        }

        List<List<FrozenPayment>> parts = PaymentParts.byWorker(chunk, 3);

        assertThat(parts).hasSize(3);
        assertThat(parts.stream().mapToInt(List::size).sum()).isEqualTo(1000);
        Set<String> seen = new HashSet<>();
        for (List<FrozenPayment> part : parts) {
            Set<String> workers = new HashSet<>();
            part.forEach(payment -> workers.add(payment.workerId()));
            assertThat(workers).isNotEmpty().noneMatch(seen::contains);
            seen.addAll(workers);
            assertThat(part.size()).isBetween(330, 337);
        }
        assertThat(PaymentParts.byWorker(chunk, 3)).isEqualTo(parts); // a resent chunk is parted alike
    }

    @Test
    void oneWorkerIsOnePartAndOnePartAskedForIsTheChunk() {
        List<FrozenPayment> chunk = List.of(payment(1, "w"), payment(2, "w"), payment(3, "w"));
        assertThat(PaymentParts.byWorker(chunk, 3)).containsExactly(chunk);

        List<FrozenPayment> mixed = List.of(payment(1, "a"), payment(2, "b"), payment(3, "a"));
        assertThat(PaymentParts.byWorker(mixed, 1)).containsExactly(List.of(payment(1, "a"), payment(3, "a"), payment(2, "b")));
    }
}

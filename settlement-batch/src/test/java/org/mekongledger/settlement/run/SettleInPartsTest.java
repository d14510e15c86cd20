package org.mekongledger.settlement.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import org.mekongledger.settlement.support.BatchTestBase;
import org.mekongledger.settlement.support.Payees;

/** A chunk sent as three requests at once, parted by worker: each claim still instructed exactly once. */
@TestPropertySource(properties = "settlement.requests-in-flight=3")
class SettleInPartsTest extends BatchTestBase {

    static final LocalDate RUN = LocalDate.parse("2026-12-01");

    @Autowired
    SettleCommand settle;

    @TempDir
    Path work;

    /** {@code claims} THB bank claims of {@code workers} workers, some with several claims. */
    private List<String> approve(int claims, int workers) {
        List<String> workerIds = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            workerIds.add(UUID.randomUUID().toString());
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            String id = UUID.randomUUID().toString();
            ledger.approve(id, workerIds.get(i % workers), "10.00", Payees.bank("THA", "THB"));
            ids.add(id);
        }
        return ids;
    }

    private String settle(Path out) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        settle.settle(RUN, out, new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aChunkGoesAsThreeRequestsInFlightAtOnceNoTwoNamingOneWorker() throws Exception {
        approve(2500, 700);
        ledger.scheduleCallsMeet = new CyclicBarrier(3); // a call arriving alone fails the run

        settle(work.resolve("out"));

        assertThat(ledger.scheduleCalls).hasSize(9); // three chunks, three requests each
        assertThat(ledger.scheduleCalls.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2500);
        assertThat(ledger.instructedEndToEndIds).hasSize(2500).doesNotHaveDuplicates();
        for (int chunk = 0; chunk < 3; chunk++) {
            Set<String> seen = new HashSet<>();
            for (Set<String> workers : ledger.scheduleCallWorkers.subList(3 * chunk, 3 * chunk + 3)) {
                assertThat(workers).as("workers of one chunk's requests").isNotEmpty().noneMatch(seen::contains);
                seen.addAll(workers);
            }
        }
        assertEveryPaymentScheduledAndInTheFile(work.resolve("out"), 2500);
    }

    @Test
    void oneRequestLostMidChunkLeavesTheChunkUnmarkedAndTheRestartInstructsEachClaimOnce() throws Exception {
        List<String> ids = approve(1500, 300);
        String lostWith = byEndToEndId(ids).get(0); // in the first chunk
        ledger.failScheduleOfClaimAfterRecording = lostWith;
        Path out = work.resolve("out");

        assertThatThrownBy(() -> settle(out)).hasMessageContaining("connection lost");
        // the whole first chunk stays unmarked, though two of its requests were taken
        assertThat(jdbc.queryForObject("select count(*) from settlement.payment where scheduled", Long.class)).isZero();
        assertThat(Files.exists(out.resolve("manifest-2026-12-01.sha256"))).isFalse();

        settle(out);

        assertThat(ledger.instructedEndToEndIds).hasSize(1500).doesNotHaveDuplicates();
        assertEveryPaymentScheduledAndInTheFile(out, 1500);
    }

    @Test
    void aClaimCancelledMeanwhileIsWithdrawnAndTheOtherPartsOfItsChunkAreInstructed() throws Exception {
        List<String> ids = approve(1200, 400);
        ledger.failScheduleCallAfterRecording = 1; // frozen, then stopped in the first chunk
        Path out = work.resolve("out");
        assertThatThrownBy(() -> settle(out)).hasMessageContaining("connection lost");
        ledger.failScheduleCallAfterRecording = 0;
        String cancelled = byEndToEndId(ids).get(1100); // in the second chunk, never sent
        ledger.claims.get(cancelled).status = "CANCELLED";

        String summary = settle(out);

        assertThat(summary).contains("withdrawn");
        assertThat(ledger.instructedEndToEndIds).hasSize(1199).doesNotHaveDuplicates()
                .doesNotContain(PaymentIds.endToEndId(cancelled, 1));
        assertThat(jdbc.queryForObject("select count(*) from settlement.withdrawn_payment", Long.class)).isEqualTo(1);
        assertThat(Files.readString(out.resolve("pain.001.001.09-2026-12-01-FUNDTHB01.xml")))
                .contains("<NbOfTxs>1199</NbOfTxs>");
    }

    private void assertEveryPaymentScheduledAndInTheFile(Path out, int payments) throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from settlement.payment where not scheduled", Long.class)).isZero();
        assertThat(Files.readString(out.resolve("pain.001.001.09-2026-12-01-FUNDTHB01.xml")))
                .contains("<NbOfTxs>" + payments + "</NbOfTxs>");
    }

    /** Claims in the order settle sends them: by end-to-end id. */
    private static List<String> byEndToEndId(List<String> ids) {
        return ids.stream().sorted((a, b) -> PaymentIds.endToEndId(a, 1).compareTo(PaymentIds.endToEndId(b, 1))).toList();
    }
}

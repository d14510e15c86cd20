package org.mekongledger.settlement.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import org.mekongledger.settlement.run.SettleCommand;
import org.mekongledger.settlement.support.BatchTestBase;
import org.mekongledger.settlement.support.Payees;

class ReconciliationTest extends BatchTestBase {

    static final LocalDate RUN = LocalDate.parse("2026-12-01");

    @Autowired
    SettleCommand settle;
    @Autowired
    Reconciliation reconciliation;

    @TempDir
    Path work;
    Path out;

    @BeforeEach
    void settled() throws Exception {
        for (int i = 0; i < 5; i++) {
            ledger.approve(UUID.randomUUID().toString(), "100.00", Payees.bank("KHM", "KHR"));
        }
        ledger.approve(UUID.randomUUID().toString(), "50.00", Payees.wallet("LAO", "LAK"));
        ledger.rate(RUN, "KHR", "117.25");
        ledger.rate(RUN, "LAK", "610.9");
        out = work.resolve("out");
        settle.settle(RUN, out, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void aFreshRunReconcilesWithEverythingOutstanding() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<String> differences = reconciliation.reconcile(RUN, out, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(differences).isEmpty();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("KHR: instructed 5 / THB 500.00 / 58625.00")
                .contains("outstanding 5").contains("LAK: instructed 1");
    }

    @Test
    void aClaimTheLedgerSeesOtherwiseIsAMismatch() {
        ledger.claims.values().stream().filter(claim -> claim.payable.payee().currency().equals("KHR")).findFirst()
                .orElseThrow().status = "PAID";

        List<String> differences = reconciliation.reconcile(RUN, null, new PrintStream(OutputStream.nullOutputStream()));

        assertThat(differences).anyMatch(difference -> difference.startsWith("KHR confirmed (PAID)"))
                .anyMatch(difference -> difference.startsWith("KHR outstanding (SCHEDULED)"))
                .anyMatch(difference -> difference.contains("BANK_CLEARING/KHR"));
    }

    @Test
    void aChangedOrMissingFileIsAMismatch() throws Exception {
        Files.writeString(out.resolve("summary-2026-12-01.csv"), "tampered\n");
        Files.delete(out.resolve("partner-2026-12-01.csv"));

        List<String> differences = reconciliation.reconcile(RUN, out, new PrintStream(OutputStream.nullOutputStream()));

        assertThat(differences).anyMatch(difference -> difference.contains("summary-2026-12-01.csv does not match"))
                .anyMatch(difference -> difference.contains("partner-2026-12-01.csv is in the manifest but missing"));
    }

    @Test
    void aJournalStillBookingIsWaitedForAsLongAsItMakesHeadway() {
        // eight answers 250 ms apart, about 2 s in all, against a wait of 1 s for a journal standing still
        ledger.journalBehind.addAll(List.of(70_000L, 60_000L, 50_000L, 40_000L, 30_000L, 20_000L, 10_000L, 0L));
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        List<String> differences = new Reconciliation(jdbc, ledger, Duration.ofSeconds(1))
                .reconcile(RUN, out, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(differences).isEmpty();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("waiting for the ledger's journal: 70000 events");
        assertThat(ledger.journalBehind).containsExactly(0L);
    }

    @Test
    void aJournalStandingStillIsGivenUpOnAfterTheWaitAndNothingIsCompared() {
        ledger.journalBehind.add(5L);
        long started = System.nanoTime();

        List<String> differences = new Reconciliation(jdbc, ledger, Duration.ofMillis(600))
                .reconcile(RUN, out, new PrintStream(OutputStream.nullOutputStream()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(differences).anyMatch(difference -> difference.contains("journal has 5"));
    }

    @Test
    void aRunThatDoesNotExistIsAMismatch() {
        assertThat(reconciliation.reconcile(RUN.plusDays(3), null, new PrintStream(OutputStream.nullOutputStream())))
                .singleElement().asString().contains("no settlement run");
    }
}

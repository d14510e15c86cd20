package org.mekongledger.settlement.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import org.mekongledger.settlement.Refusal;
import org.mekongledger.settlement.bank.BankSimulator;
import org.mekongledger.settlement.bankfile.Pain002Writer;
import org.mekongledger.settlement.reconcile.Reconciliation;
import org.mekongledger.settlement.run.SettleCommand;
import org.mekongledger.settlement.support.BatchTestBase;
import org.mekongledger.settlement.support.FakeLedger;
import org.mekongledger.settlement.support.Payees;

class StatusImportTest extends BatchTestBase {

    static final LocalDate RUN = LocalDate.parse("2026-12-01");

    @Autowired
    SettleCommand settle;
    @Autowired
    StatusImport statusImport;
    @Autowired
    Reconciliation reconciliation;

    @TempDir
    Path work;
    Path out;
    Path pain001;

    @BeforeEach
    void settled() throws Exception {
        for (int i = 0; i < 30; i++) {
            ledger.approve(UUID.randomUUID().toString(), "100.00", Payees.bank("MMR", "MMK"));
        }
        ledger.approve(UUID.randomUUID().toString(), "50.00", Payees.bank("THA", "THB"));
        ledger.rate(RUN, "MMK", "60");
        out = work.resolve("out");
        settle.settle(RUN, out, quiet());
        pain001 = out.resolve("pain.001.001.09-2026-12-01-FUNDFX01.xml");
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private StatusImport.Counts importing(Path report) {
        return statusImport.importReport(report, quiet());
    }

    private long status(String status) {
        return ledger.claims.values().stream().filter(claim -> claim.status.equals(status)).count();
    }

    @Test
    void settledAndRejectedAndPendingTransactionsBecomePaidFailedAndStayScheduled() throws Exception {
        Path report = work.resolve("report.xml");
        BankSimulator.simulate(pain001, report, 5, "AC04", 4, null);

        StatusImport.Counts counts = importing(report);

        assertThat(counts.failed()).isEqualTo(6);
        assertThat(counts.pending()).isEqualTo(6);
        assertThat(counts.paid()).isEqualTo(18);
        assertThat(status("PAID")).isEqualTo(18);
        assertThat(status("FAILED")).isEqualTo(6);
        assertThat(status("SCHEDULED")).isEqualTo(7); // 6 pending and the THB one, not in this report
        assertThat(ledger.claims.values().stream().filter(claim -> claim.status.equals("FAILED")))
                .allMatch(claim -> "AC04".equals(claim.reasonCode));
        assertThat(reconciliation.reconcile(RUN, out, quiet())).isEmpty();
    }

    @Test
    void aLaterCumulativeReportSettlesWhatWasPendingAndLeavesTheRestAsItWas() throws Exception {
        Path first = work.resolve("first.xml");
        BankSimulator.simulate(pain001, first, 0, "AC04", 3, "STS-A");
        assertThat(importing(first).pending()).isEqualTo(10);
        Path later = work.resolve("later.xml");
        BankSimulator.simulate(pain001, later, 0, "AC04", 0, "STS-B");

        StatusImport.Counts counts = importing(later);

        assertThat(counts.paid()).isEqualTo(30);
        assertThat(status("PAID")).isEqualTo(30);
        assertThat(ledger.claims.values().stream().filter(claim -> "STS-B".equals(claim.statusReport))).hasSize(10);
        assertThat(reconciliation.reconcile(RUN, out, quiet())).isEmpty();
    }

    @Test
    void aReportContradictingAnEarlierFinalStatusIsRefusedByTheLedgerAndChangesNothing() throws Exception {
        Path first = work.resolve("first.xml");
        BankSimulator.simulate(pain001, first, 0, "AC04", 0, "STS-C");
        importing(first);
        Path contradicting = work.resolve("contradicting.xml");
        BankSimulator.simulate(pain001, contradicting, 2, "AC04", 0, "STS-D");

        assertThatThrownBy(() -> importing(contradicting)).isInstanceOf(Refusal.class).hasMessageContaining("PAID");

        assertThat(status("PAID")).isEqualTo(30);
        assertThat(jdbc.queryForList("select msg_id from settlement.status_report", String.class))
                .containsExactly("STS-C");
    }

    @Test
    void theSameReportTwiceChangesNothingAndSaysSo() throws Exception {
        Path report = work.resolve("report.xml");
        BankSimulator.simulate(pain001, report, 3, "AC04", 0, null);
        importing(report);
        int calls = ledger.outcomeCalls.get();
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        StatusImport.Counts again = statusImport.importReport(report, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(again.alreadyImported()).isTrue();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("already imported, nothing changed");
        assertThat(ledger.outcomeCalls.get()).isEqualTo(calls);
    }

    @Test
    void anotherReportUnderAnImportedMessageIdIsRefused() throws Exception {
        Path report = work.resolve("report.xml");
        BankSimulator.simulate(pain001, report, 3, "AC04", 0, "STS-1");
        importing(report);
        Path other = work.resolve("other.xml");
        BankSimulator.simulate(pain001, other, 2, "AC01", 0, "STS-1");

        assertThatThrownBy(() -> importing(other)).isInstanceOf(Refusal.class).hasMessageContaining("other content");
    }

    @Test
    void aReportNamingUnknownPaymentsIsRefusedAsAWholeNamingThem() throws Exception {
        Path report = work.resolve("report.xml");
        BankSimulator.simulate(pain001, report, 0, "AC04", 0, "STS-2");
        String xml = Files.readString(report);
        String known = ledger.instructedEndToEndIds.stream().filter(xml::contains).findFirst().orElseThrow();
        Path tampered = work.resolve("unknown.xml");
        Files.writeString(tampered, xml.replace(known, "ffffffffffffffffffffffffffffffff-1"));
        int calls = ledger.outcomeCalls.get();

        assertThatThrownBy(() -> importing(tampered)).isInstanceOf(Refusal.class)
                .hasMessageContaining("ffffffffffffffffffffffffffffffff-1").hasMessageContaining("1 payments");

        assertThat(ledger.outcomeCalls.get()).isEqualTo(calls);
        assertThat(status("PAID")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from settlement.status_report", Long.class)).isZero();
    }

    @Test
    void aReportOnAMessageThatIsNotOursIsRefused() throws Exception {
        Path report = work.resolve("report.xml");
        BankSimulator.simulate(pain001, report, 0, "AC04", 0, "STS-3");
        Path foreign = work.resolve("foreign.xml");
        Files.writeString(foreign, Files.readString(report).replace("MKL-20261201-FUNDFX01", "MKL-19990101-NOSUCH"));

        assertThatThrownBy(() -> importing(foreign)).isInstanceOf(Refusal.class)
                .hasMessageContaining("MKL-19990101-NOSUCH");
        assertThat(status("PAID")).isZero();
    }

    @Test
    void aMalformedOrSchemaInvalidReportIsRefusedAsAWhole() throws Exception {
        Path report = work.resolve("report.xml");
        BankSimulator.simulate(pain001, report, 0, "AC04", 0, "STS-4");
        String xml = Files.readString(report);
        Path cut = work.resolve("cut.xml");
        Files.writeString(cut, xml.substring(0, xml.length() / 2));
        Path invalid = work.resolve("invalid.xml");
        Files.writeString(invalid, xml.replaceFirst("<TxSts>ACSC</TxSts>", "<TxSts>ACSC</TxSts><Bogus/>"));

        assertThatThrownBy(() -> importing(cut)).isInstanceOf(Refusal.class).hasMessageContaining("refused as a whole");
        assertThatThrownBy(() -> importing(invalid)).isInstanceOf(Refusal.class).hasMessageContaining("refused as a whole");
        assertThatThrownBy(() -> importing(work.resolve("nosuch.xml"))).isInstanceOf(Refusal.class);
        assertThat(status("PAID")).isZero();
    }

    @Test
    void aWholeMessageRejectionFailsEveryPaymentOfTheMessage() throws Exception {
        Path report = work.resolve("rejected.xml");
        try (OutputStream stream = Files.newOutputStream(report)) {
            Pain002Writer.writeRejection(stream, "STS-5", OffsetDateTime.parse("2026-12-02T09:00:00+07:00"), pain001,
                    "AM04");
        }

        StatusImport.Counts counts = importing(report);

        assertThat(counts.failed()).isEqualTo(30);
        assertThat(status("FAILED")).isEqualTo(30);
        assertThat(ledger.claims.values().stream().filter(claim -> claim.status.equals("FAILED")))
                .allMatch(claim -> "AM04".equals(claim.reasonCode));
    }

    @Test
    void anImportStoppedMidwayResumesWithoutApplyingAnythingTwice() throws Exception {
        for (int i = 0; i < 2100; i++) {
            ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("MMR", "MMK"));
        }
        LocalDate next = RUN.plusDays(1);
        ledger.rate(next, "MMK", "60");
        Path nextOut = work.resolve("next");
        settle.settle(next, nextOut, quiet());
        Path report = work.resolve("big.xml");
        BankSimulator.simulate(nextOut.resolve("pain.001.001.09-2026-12-02-FUNDFX01.xml"), report, 10, "AC04", 0, null);
        ledger.failRecordingCallAfterRecording = 2; // the ledger recorded chunk 2, the batch never heard
        assertThatThrownBy(() -> importing(report)).hasMessageContaining("connection lost");
        assertThat(jdbc.queryForObject("select count(*) from settlement.payment where status_report is not null",
                Long.class)).isEqualTo(1000);
        assertThat(jdbc.queryForObject("select state from settlement.status_report", String.class)).isEqualTo("APPLYING");

        StatusImport.Counts counts = importing(report);

        assertThat(counts.paid() + counts.failed()).isEqualTo(2100);
        assertThat(counts.failed()).isEqualTo(210);
        assertThat(jdbc.queryForObject("select count(*) from settlement.payment where status_report is not null",
                Long.class)).isEqualTo(2100);
        List<String> states = jdbc.queryForList("select state from settlement.status_report", String.class);
        assertThat(states).containsExactly("APPLIED");
        assertThat(reconciliation.reconcile(next, nextOut, quiet())).isEmpty();
    }
}

package org.mekongledger.settlement.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bank simulator's reports are valid pain.002.001.10 that the reader reads back as written. */
class Pain002RoundTripTest {

    static final OffsetDateTime REPORTED = OffsetDateTime.of(2026, 12, 2, 9, 15, 0, 0, ZoneOffset.ofHours(7));

    @TempDir
    Path dir;

    @Test
    void aMixedReportIsValidAndReadsBackTransactionByTransaction() throws Exception {
        Path pain001 = pain001();
        Map<String, TransactionOutcome> outcomes = Map.of(
                Samples.claim(2), TransactionOutcome.rejected("AC04"),
                Samples.claim(4), new TransactionOutcome("ACSP", null),
                Samples.claim(5), new TransactionOutcome("RJCT", "NARR-CLOSED-BY-BANK"),
                Samples.claim(6), new TransactionOutcome("ACCC", null));
        Path report = report(pain001, id -> outcomes.getOrDefault(id, TransactionOutcome.settled()));
        Xml.validate(Iso20022Schemas.pain002(), report);

        StatusReport read = Pain002Reader.read(report);
        assertThat(read.messageId()).isEqualTo("BANK-STS-0001");
        assertThat(read.createdAt()).isEqualTo(REPORTED);
        assertThat(read.originalMessageId()).isEqualTo("MKL-20261201-SSOBKK1");
        assertThat(read.groupStatus()).isEqualTo("PART");
        assertThat(read.groupReasonCode()).isNull();
        assertThat(read.paymentInformation()).containsExactly(
                new PaymentInformationStatus("20261201-SSOBKK1-THB-20261201", "PART", null),
                new PaymentInformationStatus("20261201-SSOBKK1-MMK-20261201", "PART", null),
                new PaymentInformationStatus("20261201-SSOBKK1-VND-20261201", "ACCP", null));
        assertThat(read.transactions()).hasSize(6);
        assertThat(read.transactions()).extracting(TransactionStatus::originalEndToEndId)
                .containsExactly(Samples.claim(1), Samples.claim(2), Samples.claim(3), Samples.claim(4), Samples.claim(5),
                        Samples.claim(6));
        assertThat(read.transactions()).extracting(TransactionStatus::status)
                .containsExactly("ACSC", "RJCT", "ACSC", "ACSP", "RJCT", "ACCC");
        assertThat(read.transactions()).extracting(TransactionStatus::reasonCode)
                .containsExactly(null, "AC04", null, null, "NARR-CLOSED-BY-BANK", null);
        TransactionStatus settled = read.transactions().get(0);
        assertThat(settled.originalPaymentInformationId()).isEqualTo("20261201-SSOBKK1-THB-20261201");
        assertThat(settled.accountServicerReference())
                .isEqualTo(Pain002Writer.accountServicerReference("BANK-STS-0001", Samples.claim(1))).startsWith("BNK");
        assertThat(read.transactions().get(1).accountServicerReference()).isNull();
        assertThat(read.transactions().get(3).accountServicerReference()).as("ACSP: money has not moved").isNull();
    }

    @Test
    void theReportCountsTransactionsPerStatusAtEachLevel() throws Exception {
        Path report = report(pain001(), id -> id.equals(Samples.claim(2)) ? TransactionOutcome.rejected("AC04")
                : TransactionOutcome.settled());
        var group = Xml.pain002(Files.readAllBytes(report)).getCstmrPmtStsRpt().getOrgnlGrpInfAndSts();
        assertThat(group.getOrgnlNbOfTxs()).isEqualTo("6");
        assertThat(group.getOrgnlMsgNmId()).isEqualTo("pain.001.001.09");
        assertThat(group.getNbOfTxsPerSts()).extracting(n -> n.getDtldSts() + "=" + n.getDtldNbOfTxs() + "/" + n.getDtldCtrlSum())
                .containsExactly("ACSC=5/7436750.35", "RJCT=1/3000.50");
    }

    @Test
    void allAcceptedIsAcceptedAndAllRejectedIsRejected() throws Exception {
        Path pain001 = pain001();
        assertThat(Pain002Reader.read(report(pain001, id -> TransactionOutcome.settled())).groupStatus()).isEqualTo("ACCP");
        StatusReport rejected = Pain002Reader.read(report(pain001, id -> TransactionOutcome.rejected("AM04")));
        assertThat(rejected.groupStatus()).isEqualTo("RJCT");
        assertThat(rejected.paymentInformation()).extracting(PaymentInformationStatus::status).containsOnly("RJCT");
        assertThat(rejected.transactions()).extracting(TransactionStatus::reasonCode).containsOnly("AM04");
    }

    @Test
    void aWholeMessageRejectionHasTheReasonAndNoTransactionDetails() throws Exception {
        Path report = dir.resolve("rejection.xml");
        try (OutputStream out = Files.newOutputStream(report)) {
            Pain002Writer.writeRejection(out, "BANK-REJ-1", REPORTED, pain001(), "AM04");
        }
        Xml.validate(Iso20022Schemas.pain002(), report);
        StatusReport read = Pain002Reader.read(report);
        assertThat(read.groupStatus()).isEqualTo("RJCT");
        assertThat(read.groupReasonCode()).isEqualTo("AM04");
        assertThat(read.paymentInformation()).isEmpty();
        assertThat(read.transactions()).isEmpty();
    }

    @Test
    void theSimulatorWritesTheSameBytesForTheSameInput() throws Exception {
        Path pain001 = pain001();
        Function<String, TransactionOutcome> outcome = id -> id.endsWith("3-1") ? TransactionOutcome.rejected("AC04")
                : TransactionOutcome.settled();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        Pain002Writer.write(first, "BANK-STS-0001", REPORTED, pain001, outcome);
        Pain002Writer.write(second, "BANK-STS-0001", REPORTED, pain001, outcome);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
    }

    @Test
    void theSimulatorRefusesAFileThatIsNotAValidPain001() throws Exception {
        Path invalid = dir.resolve("invalid.xml");
        Files.writeString(invalid, new String(Samples.pain001(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>CASH</PmtMtd>"));
        assertThatThrownBy(() -> Pain002Writer.write(new ByteArrayOutputStream(), "X", REPORTED, invalid,
                id -> TransactionOutcome.settled())).isInstanceOf(IOException.class).hasMessageContaining("not a valid pain.001");
    }

    @Test
    void anOutcomeWithoutAStatusCodeIsRefused() throws Exception {
        Path pain001 = pain001();
        assertThatThrownBy(() -> Pain002Writer.write(new ByteArrayOutputStream(), "X", REPORTED, pain001,
                id -> new TransactionOutcome("paid", null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pain002Writer.write(new ByteArrayOutputStream(), "X", REPORTED, pain001,
                id -> null)).isInstanceOf(IllegalArgumentException.class);
    }

    private Path pain001() throws IOException {
        Path file = dir.resolve("pain.001.001.09-2026-12-01-SSOBKK1.xml");
        Files.write(file, Samples.pain001());
        return file;
    }

    private Path report(Path pain001, Function<String, TransactionOutcome> outcome) throws IOException {
        Path report = Files.createTempFile(dir, "pain.002-", ".xml");
        try (OutputStream out = Files.newOutputStream(report)) {
            Pain002Writer.write(out, "BANK-STS-0001", REPORTED, pain001, outcome);
        }
        return report;
    }
}

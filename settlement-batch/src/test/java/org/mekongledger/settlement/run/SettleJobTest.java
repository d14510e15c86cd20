package org.mekongledger.settlement.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;
import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import org.mekongledger.settlement.Refusal;
import org.mekongledger.settlement.ledger.LedgerUnavailable;
import org.mekongledger.settlement.bankfile.Iso20022Schemas;
import org.mekongledger.settlement.support.BatchTestBase;
import org.mekongledger.settlement.support.Payees;

class SettleJobTest extends BatchTestBase {

    static final LocalDate RUN = LocalDate.parse("2026-12-01");

    @Autowired
    SettleCommand settle;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path work;

    private List<String> approveMix(int bankPayments) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < bankPayments; i++) {
            String id = UUID.randomUUID().toString();
            String currency = switch (i % 4) {
                case 0 -> "MMK";
                case 1 -> "VND";
                case 2 -> "THB";
                default -> "KHR";
            };
            ledger.approve(id, (1000 + i) + ".55", i % 2 == 0 ? Payees.bank(country(currency), currency)
                    : Payees.bankCode(country(currency), currency));
            ids.add(id);
        }
        ids.add(ledger.approve(UUID.randomUUID().toString(), "3000.00", Payees.wallet("LAO", "LAK")).claimId());
        ids.add(ledger.approve(UUID.randomUUID().toString(), "4000.00", Payees.pickup("VNM", "VND")).claimId());
        ledger.rate(RUN, "MMK", "60.1234");
        ledger.rate(RUN, "VND", "745.5");
        ledger.rate(RUN, "KHR", "117.25");
        ledger.rate(RUN, "LAK", "610.9");
        return ids;
    }

    private static String country(String currency) {
        return switch (currency) {
            case "MMK" -> "MMR";
            case "VND" -> "VNM";
            case "KHR" -> "KHM";
            case "LAK" -> "LAO";
            default -> "THA";
        };
    }

    private String settle(LocalDate runDate, Path out) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        settle.settle(runDate, out, new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (var list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void settlesEveryPayableClaimOnceAndWritesSchemaValidFilesWithTheManifestLast() throws Exception {
        List<String> ids = approveMix(30);
        Path out = work.resolve("out");

        String summary = settle(RUN, out);

        assertThat(ledger.instructedEndToEndIds).hasSize(32).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ledger.instructedEndToEndIds)).containsAll(ids.stream()
                .map(id -> PaymentIds.endToEndId(id, 1)).toList());
        assertThat(ledger.claims.values()).allMatch(claim -> claim.status.equals("SCHEDULED"));
        assertThat(ledger.claims.values()).allMatch(claim -> claim.instruction.settlementRun().equals("SR-2026-12-01"));
        assertThat(contents(out).keySet()).containsExactly("manifest-2026-12-01.sha256",
                "pain.001.001.09-2026-12-01-FUNDFX01.xml", "pain.001.001.09-2026-12-01-FUNDTHB01.xml",
                "partner-2026-12-01.csv", "summary-2026-12-01.csv");
        for (String name : List.of("pain.001.001.09-2026-12-01-FUNDFX01.xml", "pain.001.001.09-2026-12-01-FUNDTHB01.xml")) {
            Iso20022Schemas.validator(Iso20022Schemas.pain001()).validate(new StreamSource(out.resolve(name).toFile()));
        }
        String fx = Files.readString(out.resolve("pain.001.001.09-2026-12-01-FUNDFX01.xml"));
        assertThat(fx).contains("<MsgId>MKL-20261201-FUNDFX01</MsgId>")
                .contains("<PmtInfId>20261201-FUNDFX01-MMK-20261201</PmtInfId>")
                .contains("<CreDtTm>2026-12-01T10:00:00+07:00</CreDtTm>")
                .doesNotContain("FUNDTHB01-THB");
        String partner = Files.readString(out.resolve("partner-2026-12-01.csv"));
        assertThat(partner.lines().count()).isEqualTo(3);
        assertThat(summary).contains("32 claims").contains("VND").contains("manifest-2026-12-01.sha256");
        assertThat(summary).doesNotContain("Thida").doesNotContain("0123456789012");
        assertThat(Files.readString(out.resolve("manifest-2026-12-01.sha256")).lines().count()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select state from settlement.run", String.class)).isEqualTo("WRITTEN");
    }

    @Test
    void convertsHalfUpToTheCurrencysMinorUnitsAndKeepsRateAndSource() throws Exception {
        String vnd = ledger.approve(UUID.randomUUID().toString(), "1000.01", Payees.bank("VNM", "VND")).claimId();
        String mmk = ledger.approve(UUID.randomUUID().toString(), "100.25", Payees.bank("MMR", "MMK")).claimId();
        String thb = ledger.approve(UUID.randomUUID().toString(), "99.99", Payees.bank("THA", "THB")).claimId();
        ledger.rate(RUN, "VND", "745.5");
        ledger.rate(RUN, "MMK", "60.1234");

        settle(RUN, work.resolve("out"));

        var vndInstruction = ledger.claims.get(vnd).instruction;
        assertThat(vndInstruction.paidAmount().toPlainString()).isEqualTo("745507"); // 745507.455 -> no minor unit
        assertThat(vndInstruction.rate().toPlainString()).isEqualTo("745.5");
        assertThat(vndInstruction.rateSource()).isEqualTo("BOT reference rate 2026-12-01");
        assertThat(ledger.claims.get(mmk).instruction.paidAmount().toPlainString()).isEqualTo("6027.37"); // 6027.37085
        var thbInstruction = ledger.claims.get(thb).instruction;
        assertThat(thbInstruction.paidAmount().toPlainString()).isEqualTo("99.99");
        assertThat(thbInstruction.rate().toPlainString()).isEqualTo("1");
        assertThat(thbInstruction.debtorAccount()).isEqualTo("FUNDTHB01");
        assertThat(vndInstruction.debtorAccount()).isEqualTo("FUNDFX01");
        assertThat(vndInstruction.endToEndId()).isEqualTo(vnd.replace("-", "") + "-1");
    }

    @Test
    void aSecondSettleOfTheSameRunDateRewritesTheSameBytesAndInstructsNothingNew() throws Exception {
        approveMix(12);
        Path first = work.resolve("first");
        settle(RUN, first);
        int calls = ledger.scheduleCalls.size();
        // a claim approved after the run was frozen waits for the next run
        ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("THA", "THB"));
        ledger.rate(RUN, "MMK", "99.9"); // a replaced rate never changes what was instructed

        Path second = work.resolve("second");
        String summary = settle(RUN, second);
        settle(RUN, first);

        assertThat(ledger.scheduleCalls).hasSize(calls);
        assertThat(summary).contains("frozen before").contains("0 instructed now");
        Map<String, byte[]> a = contents(first);
        Map<String, byte[]> b = contents(second);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aMissingRateRefusesNamingEveryMissingCurrencyBeforeAnythingIsWrittenOrScheduled() {
        ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("LAO", "LAK"));
        ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.wallet("VNM", "VND"));
        ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("MMR", "MMK"));
        for (int i = 0; i < 20; i++) { // more than a page: the gap is found on a later page
            ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("THA", "THB"));
        }
        ledger.rate(RUN, "MMK", "60");
        Path out = work.resolve("out");

        assertThatThrownBy(() -> settle(RUN, out)).isInstanceOf(Refusal.class)
                .hasMessageContaining("LAK, VND").hasMessageNotContaining("MMK");

        assertThat(ledger.scheduleCalls).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from settlement.payment", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from settlement.run", Long.class)).isZero();
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void theNextPageOfPayableClaimsIsReadOnItsOwnThreadWhileThisOneIsFrozen() throws Exception {
        List<String> ids = approveMix(18); // 20 claims: pages of 7, 7 and 6
        settle(RUN, work.resolve("out"));

        assertThat(ledger.payableReads).hasSize(3).allMatch(read -> read.endsWith(" on payable-claims-reader"));
        assertThat(jdbc.queryForList("select claim_id::text from settlement.payment", String.class))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aPageTheLedgerFailsToAnswerStopsTheFreezeWithNothingFrozen() {
        approveMix(18);
        ledger.failPayableAfterFirstPage = new LedgerUnavailable("the ledger did not answer", new java.io.IOException("connection refused"));

        assertThatThrownBy(() -> settle(RUN, work.resolve("out"))).hasStackTraceContaining("the ledger did not answer");

        assertThat(jdbc.queryForObject("select count(*) from settlement.payment", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from settlement.run", Long.class)).isZero();
        assertThat(ledger.scheduleCalls).isEmpty();
    }

    @Test
    void aNewRunDateInThePastIsRefused() {
        ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("THA", "THB"));
        assertThatThrownBy(() -> settle(RUN.minusDays(1), work.resolve("out"))).isInstanceOf(Refusal.class)
                .hasMessageContaining("today or later");
        assertThat(ledger.scheduleCalls).isEmpty();
    }

    @Test
    void aSettleWhileAnotherHoldsTheSettlementLockIsRefusedAndDoesNothing() throws Exception {
        ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("THA", "THB"));
        try (Connection other = dataSource.getConnection()) {
            other.createStatement().execute("select pg_advisory_lock(" + 0x4D4B4C534554544CL + ")");
            assertThatThrownBy(() -> settle(RUN, work.resolve("out"))).isInstanceOf(Refusal.class)
                    .hasMessageContaining("another settlement run");
            other.createStatement().execute("select pg_advisory_unlock_all()");
        }
        assertThat(jdbc.queryForObject("select count(*) from settlement.run", Long.class)).isZero();
        settle(RUN, work.resolve("out"));
        assertThat(ledger.instructedEndToEndIds).hasSize(1);
    }

    @Test
    void aRunStoppedMidSchedulingResumesAndInstructsEveryClaimExactlyOnce() throws Exception {
        for (int i = 0; i < 2500; i++) {
            ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("THA", "THB"));
        }
        ledger.failScheduleCallAfterRecording = 2; // the service recorded chunk 2, the batch never heard
        Path out = work.resolve("out");
        assertThatThrownBy(() -> settle(RUN, out)).hasMessageContaining("connection lost");
        assertThat(jdbc.queryForObject("select count(*) from settlement.payment where scheduled", Long.class))
                .isEqualTo(1000);
        assertThat(Files.exists(out.resolve("manifest-2026-12-01.sha256"))).isFalse();

        settle(RUN, out);

        assertThat(ledger.scheduleCalls).containsExactly(1000, 1000, 1000, 500); // chunk 2 sent again
        assertThat(ledger.instructedEndToEndIds).hasSize(2500).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from settlement.payment where not scheduled", Long.class))
                .isZero();
        assertThat(Files.exists(out.resolve("manifest-2026-12-01.sha256"))).isTrue();
    }

    @Test
    void aClaimCancelledBetweenFreezingAndSchedulingIsWithdrawnFromTheRunAndTheFiles() throws Exception {
        for (int i = 0; i < 1500; i++) {
            ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("THA", "THB"));
        }
        ledger.failScheduleCallAfterRecording = 1;
        Path out = work.resolve("out");
        assertThatThrownBy(() -> settle(RUN, out)).hasMessageContaining("connection lost");
        String cancelled = jdbc.queryForObject("select claim_id::text from settlement.payment where not scheduled"
                + " order by end_to_end_id limit 1 offset 1017", String.class); // in the chunk never sent
        ledger.claims.get(cancelled).status = "CANCELLED";

        String summary = settle(RUN, out);

        assertThat(summary).contains("withdrawn").contains("1 THB payments");
        assertThat(ledger.instructedEndToEndIds).hasSize(1499).doesNotContain(PaymentIds.endToEndId(cancelled, 1));
        assertThat(Files.readString(out.resolve("pain.001.001.09-2026-12-01-FUNDTHB01.xml")))
                .doesNotContain(PaymentIds.endToEndId(cancelled, 1)).contains("<NbOfTxs>1499</NbOfTxs>");
        assertThat(jdbc.queryForObject("select reason from settlement.withdrawn_payment", String.class))
                .contains("CANCELLED");
        // a later run does not take it either
        ledger.claims.get(cancelled).status = "APPROVED";
        settle(RUN.plusDays(1), work.resolve("next"));
        assertThat(ledger.instructedEndToEndIds).hasSize(1499);
    }

    @Test
    void aClaimFrozenInOneRunIsNeverTakenIntoAnother() throws Exception {
        String first = ledger.approve(UUID.randomUUID().toString(), "10.00", Payees.bank("THA", "THB")).claimId();
        // frozen in run 1 but (crash) not yet scheduled: still APPROVED at the ledger
        ledger.failScheduleCallAfterRecording = -1;
        jdbc.update("insert into settlement.run (run_date, settlement_run, created_at, state)"
                + " values ('2026-12-01', 'SR-2026-12-01', now(), 'FROZEN')");
        jdbc.update("insert into settlement.payment (end_to_end_id, run_date, claim_id, instruction, worker_id, scheme,"
                + " benefit, channel, debtor_account, amount, currency, paid_amount, paid_currency, rate, rate_source,"
                + " payee_name, payee_country) values (?, '2026-12-01', ?::uuid, 1, ?::uuid, 'TH_SSF_S33', 'X',"
                + " 'BANK_ACCOUNT', 'FUNDTHB01', 10.00, 'THB', 10.00, 'THB', '1', 's', 'n', 'THA')",
                PaymentIds.endToEndId(first, 1), first, UUID.randomUUID().toString());
        String second = ledger.approve(UUID.randomUUID().toString(), "20.00", Payees.bank("THA", "THB")).claimId();

        String summary = settle(RUN.plusDays(1), work.resolve("next"));

        assertThat(summary).contains("run 2026-12-01 still has 1 payments not instructed");
        assertThat(jdbc.queryForList("select claim_id::text from settlement.payment where run_date = '2026-12-02'",
                String.class)).containsExactly(second);
    }
}

package org.mekongledger.settlement.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mekongledger.settlement.it.Api.map;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mekongledger.payment.FxConversion;
import org.mekongledger.settlement.bankfile.Pain002Writer;
import org.mekongledger.settlement.bankfile.TransactionOutcome;

import net.minidev.json.JSONArray;

/**
 * The mission end to end, through the packaged service and the packaged batch: claims filed and
 * approved through the API, settled into bank and partner files that a bank's schema accepts, the
 * bank's status report imported, claims PAID and FAILED on the worker's ledger, the run reconciled;
 * and the refusals an operator meets: a missing rate, a report with unknown ids, a broken report.
 * The steps build on one another (one service, one database, in order).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementEndToEndIT {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    /** Two claims for each way of paying. */
    private static final int CLAIMS = 2 * Seeding.Payee.values().length;

    @TempDir
    static Path work;

    private static FreshDatabase database;
    private static LedgerService service;
    private static Batch batch;
    private static Api auditor;
    private static List<Seeding.Claim> claims;
    private static Map<String, Seeding.Claim> byEndToEndId;
    private static LocalDate runDate;
    private static Path out;
    private static Path report;

    @BeforeAll
    static void approvedClaims() {
        database = FreshDatabase.create("e2e");
        service = LedgerService.start("e2e", database);
        batch = new Batch("e2e", service, database);
        auditor = service.as(LedgerService.AUDITOR);
        claims = new Seeding(service, 8).approvedClaims(CLAIMS, Seeding.Payee::cycle);
        byEndToEndId = claims.stream().collect(Collectors.toMap(c -> endToEndId(c.claimId(), 1), c -> c));
        runDate = LocalDate.now(BANGKOK);
        out = work.resolve("out");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void aMissingRateStopsSettlementBeforeAnythingIsWrittenOrScheduledNamingEachMissingCurrency() throws IOException {
        Map<String, String> partial = new HashMap<>(Seeding.usualRates());
        partial.remove("LAK");
        partial.remove("VND");
        new Seeding(service, 4).fxRates(runDate, partial);
        Map<String, List<String>> before = histories();

        Batch.Result refused = batch.run("settle", "--run-date=" + runDate, "--out=" + out);

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("LAK").contains("VND");
        assertThat(!Files.exists(out) || isEmpty(out)).as("files written despite a missing rate").isTrue();
        assertThat(histories()).as("claims changed despite a missing rate").isEqualTo(before);
        for (Seeding.Claim claim : claims) {
            assertThat(status(claim)).isEqualTo("APPROVED");
        }
    }

    @Test
    @Order(2)
    void settleWritesSchemaValidFilesWhoseCountsSumsAndManifestHoldAndSchedulesEveryClaimOnce() {
        new Seeding(service, 4).fxRates(runDate, Seeding.usualRates());

        batch.run("settle", "--run-date=" + runDate, "--out=" + out).expectExit(0);

        Map<String, BigDecimal> rates = rates(runDate);
        List<Path> pain001 = SettlementFiles.pain001Files(out, runDate.toString());
        assertThat(pain001).isNotEmpty();
        Set<String> instructed = new HashSet<>();
        for (Path file : pain001) {
            SettlementFiles.validatePain001(file);
            SettlementFiles.Message message = SettlementFiles.readPain001(file);
            String debtor = file.getFileName().toString()
                    .substring(("pain.001.001.09-" + runDate + "-").length()).replace(".xml", "");
            assertThat(message.messageId()).isEqualTo("MKL-" + runDate.toString().replace("-", "") + "-" + debtor);
            assertThat(message.createdAt()).endsWith("+07:00");
            assertThat(message.statedCount()).isEqualTo(message.transfers().size());
            assertThat(message.statedSum()).isEqualByComparingTo(sum(message.transfers()));
            Set<String> blockKeys = new HashSet<>();
            for (SettlementFiles.Block block : message.blocks()) {
                assertThat(block.statedCount()).as(block.paymentInformationId()).isEqualTo(block.transfers().size());
                assertThat(block.statedSum()).as(block.paymentInformationId()).isEqualByComparingTo(sum(block.transfers()));
                assertThat(block.currency()).as("one currency per PmtInf").matches("[A-Z]{3}");
                assertThat(block.executionDate()).isEqualTo(runDate.toString());
                assertThat(blockKeys.add(block.currency() + block.executionDate())).as("one PmtInf per currency and day").isTrue();
                assertThat(block.paymentInformationId()).isEqualTo(runDate.toString().replace("-", "") + "-" + debtor
                        + "-" + block.currency() + "-" + runDate.toString().replace("-", ""));
                List<String> ids = block.transfers().stream().map(SettlementFiles.Transfer::endToEndId).toList();
                assertThat(ids).as("ordered by EndToEndId").isSorted();
                for (SettlementFiles.Transfer transfer : block.transfers()) {
                    Seeding.Claim claim = byEndToEndId.get(transfer.endToEndId());
                    assertThat(claim).as("an EndToEndId of a seeded claim: " + transfer.endToEndId()).isNotNull();
                    assertThat(claim.payee().bank()).as("a bank payee").isTrue();
                    assertThat(transfer.currency()).isEqualTo(claim.payee().currency);
                    assertThat(transfer.amount()).as(transfer.endToEndId()).isEqualByComparingTo(
                            FxConversion.convert(new BigDecimal(claim.amount()), rates.get(transfer.currency()), transfer.currency()));
                    if (transfer.currency().equals("VND")) {
                        assertThat(transfer.amount().stripTrailingZeros().scale()).as("VND has no minor unit").isLessThanOrEqualTo(0);
                    }
                    assertThat(instructed.add(transfer.endToEndId())).as("instructed twice: " + transfer.endToEndId()).isTrue();
                }
            }
        }
        List<List<String>> partner = SettlementFiles.csv(out.resolve("partner-" + runDate + ".csv"));
        int endToEndColumn = partner.get(0).indexOf("endToEndId") >= 0 ? partner.get(0).indexOf("endToEndId")
                : indexIgnoringCase(partner.get(0), "EndToEndId");
        List<String> partnerIds = partner.subList(1, partner.size()).stream().map(row -> row.get(endToEndColumn)).toList();
        assertThat(partnerIds).isSorted();
        for (String id : partnerIds) {
            assertThat(byEndToEndId.get(id).payee().bank()).as("a partner payee").isFalse();
            assertThat(instructed.add(id)).as("instructed twice: " + id).isTrue();
        }
        assertThat(instructed).as("every claim instructed once").isEqualTo(byEndToEndId.keySet());
        assertThat(SettlementFiles.csv(out.resolve("summary-" + runDate + ".csv"))).hasSizeGreaterThan(1);

        Map<String, String> manifest = SettlementFiles.manifest(out.resolve("manifest-" + runDate + ".sha256"));
        Map<String, String> files = SettlementFiles.hashes(out);
        files.remove("manifest-" + runDate + ".sha256");
        assertThat(new ArrayList<>(manifest.keySet())).as("sorted by file name").isSorted();
        assertThat(manifest).isEqualTo(files);

        for (Seeding.Claim claim : claims) {
            Api.Response read = auditor.get("/claims/" + claim.claimId()).expect(200);
            assertThat(read.text("$.status")).isEqualTo("SCHEDULED");
            assertThat(read.text("$.settlementRun")).isEqualTo("SR-" + runDate);
            assertThat(Seeding.history(auditor, claim.claimId())).filteredOn(step -> step.startsWith("SCHEDULED"))
                    .singleElement().asString().contains("by settlement");
        }
    }

    @Test
    @Order(3)
    void theSameRunDateAgainWritesTheSameBytesAndInstructsNothingNew() {
        Map<String, String> first = SettlementFiles.hashes(out);
        Map<String, List<String>> before = histories();
        Path again = work.resolve("again");

        batch.run("settle", "--run-date=" + runDate, "--out=" + again).expectExit(0);
        batch.run("settle", "--run-date=" + runDate, "--out=" + out).expectExit(0);

        assertThat(SettlementFiles.hashes(again)).isEqualTo(first);
        assertThat(SettlementFiles.hashes(out)).isEqualTo(first);
        assertThat(histories()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aReportNamingUnknownIdsOrMalformedIsRefusedWholeAndNothingChanges() throws IOException {
        Path pain001 = SettlementFiles.pain001Files(out, runDate.toString()).get(0);
        Map<String, List<String>> before = histories();
        String firstId = SettlementFiles.readPain001(pain001).transfers().get(0).endToEndId();

        // a bank's report on a message we never sent ids of: one transaction unknown, the others ours
        Path tampered = work.resolve("tampered.xml");
        Files.writeString(tampered, Files.readString(pain001).replace(firstId, "ffffffffffffffffffffffffffffffff-1"));
        Path unknownIds = work.resolve("unknown-ids.xml");
        writeReport(unknownIds, "BANK-UNKNOWN-1", tampered, id -> new TransactionOutcome("ACSC", null));
        SettlementFiles.validatePain002(unknownIds);
        Batch.Result unknown = batch.run("import-status", "--file=" + unknownIds);
        assertThat(unknown.exitCode()).as(unknown.output()).isNotZero();
        assertThat(unknown.output()).contains("ffffffffffffffffffffffffffffffff-1");

        // a report on a message we never sent
        Path otherMessage = work.resolve("other-message.xml");
        String messageId = SettlementFiles.readPain001(pain001).messageId();
        Files.writeString(otherMessage, Files.readString(pain001).replace(messageId, "MKL-19990101-NOSUCH"));
        Path unknownMessage = work.resolve("unknown-message.xml");
        writeReport(unknownMessage, "BANK-UNKNOWN-2", otherMessage, id -> new TransactionOutcome("ACSC", null));
        Batch.Result unknownOriginal = batch.run("import-status", "--file=" + unknownMessage);
        assertThat(unknownOriginal.exitCode()).as(unknownOriginal.output()).isNotZero();
        assertThat(unknownOriginal.output()).contains("MKL-19990101-NOSUCH");

        // broken XML: the good report cut short
        Path good = work.resolve("good-for-cutting.xml");
        writeReport(good, "BANK-CUT-1", pain001, id -> new TransactionOutcome("ACSC", null));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = work.resolve("cut.xml");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Batch.Result malformed = batch.run("import-status", "--file=" + cut);
        assertThat(malformed.exitCode()).as(malformed.output()).isNotZero();
        assertThat(malformed.output()).containsPattern("\\d+:\\d+");

        // well-formed but not a pain.002.001.10: a required element renamed
        Path invalid = work.resolve("schema-invalid.xml");
        Files.writeString(invalid, Files.readString(good).replaceFirst("<MsgId>", "<MsgIdent>").replaceFirst("</MsgId>", "</MsgIdent>"));
        Batch.Result schemaInvalid = batch.run("import-status", "--file=" + invalid);
        assertThat(schemaInvalid.exitCode()).as(schemaInvalid.output()).isNotZero();

        // a file that is not there
        assertThat(batch.run("import-status", "--file=" + work.resolve("nosuch.xml")).exitCode()).isNotZero();

        assertThat(histories()).as("a refused report changed claims").isEqualTo(before);
    }

    @Test
    @Order(5)
    void aReportWithAcceptedAndRejectedTransactionsPaysAndFailsTheClaimsOnTheWorkersLedger() throws IOException {
        List<Path> pain001 = SettlementFiles.pain001Files(out, runDate.toString());
        // reject one bank payment in MMK and the VND ones; the rest settled (ACSC, or ACCC for USD)
        Set<String> rejected = new HashSet<>();
        for (Seeding.Claim claim : claims) {
            if (claim.payee() == Seeding.Payee.VND_BANK_BIC) {
                rejected.add(endToEndId(claim.claimId(), 1));
            }
        }
        claims.stream().filter(c -> c.payee() == Seeding.Payee.MMK_BANK_BIC).findFirst()
                .ifPresent(c -> rejected.add(endToEndId(c.claimId(), 1)));
        int n = 0;
        for (Path file : pain001) {
            report = work.resolve("pain.002-" + (++n) + ".xml");
            writeReport(report, "BANKRPT-" + runDate.toString().replace("-", "") + "-" + n, file,
                    id -> rejected.contains(id) ? new TransactionOutcome("RJCT", "AC04")
                            : new TransactionOutcome(byEndToEndId.get(id).payee().currency.equals("USD") ? "ACCC" : "ACSC", null));
            SettlementFiles.validatePain002(report);
            Batch.Result imported = batch.run("import-status", "--file=" + report);
            imported.expectExit(0);
        }

        for (Seeding.Claim claim : claims) {
            String id = endToEndId(claim.claimId(), 1);
            Api.Response read = auditor.get("/claims/" + claim.claimId()).expect(200);
            if (!claim.payee().bank()) {
                assertThat(read.text("$.status")).as("partner payouts await the partner").isEqualTo("SCHEDULED");
            } else if (rejected.contains(id)) {
                assertThat(read.text("$.status")).isEqualTo("FAILED");
                assertThat(read.text("$.failureCode")).isEqualTo("AC04");
            } else {
                assertThat(read.text("$.status")).isEqualTo("PAID");
                assertThat(read.text("$.bankReference")).isNotBlank();
            }
        }
        Seeding.Claim paid = claims.stream().filter(c -> c.payee() == Seeding.Payee.LAK_BANK_BIC).findFirst().orElseThrow();
        awaitJournal();
        Api.Response ledger = service.as(LedgerService.ADMIN).get("/workers/" + paid.workerId() + "/ledger?size=200").expect(200);
        assertThat(ledger.body()).contains("BENEFIT_LIABILITY").contains("BANK_CLEARING/LAK");
        trialBalanceIsEven();
    }

    @Test
    @Order(6)
    void theSameReportImportedAgainChangesNothing() {
        Map<String, List<String>> before = histories();
        Batch.Result again = batch.run("import-status", "--file=" + report).expectExit(0);
        assertThat(again.output().toLowerCase()).containsAnyOf("already", "nothing");
        assertThat(histories()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void reconcileIsClean() {
        Batch.Result reconciled = batch.run("reconcile", "--run-date=" + runDate, "--out=" + out).expectExit(0);
        for (String currency : List.of("MMK", "KHR", "USD", "LAK", "VND", "THB")) {
            assertThat(reconciled.output()).contains(currency);
        }
        trialBalanceIsEven();
    }

    @Test
    @Order(8)
    void aFailedClaimApprovedAgainWithANewPayeeIsPaidInALaterRunUnderANewEndToEndId() throws IOException {
        Seeding.Claim failed = claims.stream().filter(c -> c.payee() == Seeding.Payee.VND_BANK_BIC).findFirst().orElseThrow();
        Map<String, Object> newPayee = Seeding.Payee.THB_BANK_CODE_AND_BIC.filed(failed.name(), 424242);
        Api.Response reapproved = service.as(LedgerService.APPROVER)
                .post("/claims/" + failed.claimId() + "/approval", map("newPayee", newPayee)).expect(200);
        assertThat(reapproved.text("$.status")).isEqualTo("APPROVED");
        Map<String, String> firstRun = SettlementFiles.hashes(out);

        LocalDate later = runDate.plusDays(1);
        new Seeding(service, 4).fxRates(later, Seeding.usualRates());
        Path laterOut = work.resolve("later");
        batch.run("settle", "--run-date=" + later, "--out=" + laterOut).expectExit(0);

        String secondId = endToEndId(failed.claimId(), 2);
        List<SettlementFiles.Transfer> transfers = SettlementFiles.pain001Files(laterOut, later.toString()).stream()
                .peek(SettlementFiles::validatePain001)
                .flatMap(file -> SettlementFiles.readPain001(file).transfers().stream()).toList();
        assertThat(transfers).as("only the claim approved again is payable").singleElement()
                .satisfies(t -> {
                    assertThat(t.endToEndId()).isEqualTo(secondId);
                    assertThat(t.currency()).isEqualTo("THB");
                });
        Path laterReport = work.resolve("pain.002-later.xml");
        // this time the batch's own bank simulator answers (everything settled)
        batch.run("simulate-bank", "--pain001=" + SettlementFiles.pain001Files(laterOut, later.toString()).get(0),
                "--out=" + laterReport, "--msg-id=BANKRPT-LATER-1").expectExit(0);
        SettlementFiles.validatePain002(laterReport);
        batch.run("import-status", "--file=" + laterReport).expectExit(0);
        Api.Response read = auditor.get("/claims/" + failed.claimId()).expect(200);
        assertThat(read.text("$.status")).isEqualTo("PAID");
        assertThat(read.text("$.settlementRun")).isEqualTo("SR-" + later);

        // the first run again: the same bytes, still, and nothing instructed anew
        Path firstAgain = work.resolve("first-again");
        batch.run("settle", "--run-date=" + runDate, "--out=" + firstAgain).expectExit(0);
        assertThat(SettlementFiles.hashes(firstAgain)).isEqualTo(firstRun);
        batch.run("reconcile", "--run-date=" + later).expectExit(0);
        awaitJournal();
        trialBalanceIsEven();
    }

    // ---------------------------------------------------------------------------------------------

    static String endToEndId(String claimId, int instruction) {
        return claimId.replace("-", "") + "-" + instruction;
    }

    private static void writeReport(Path report, String messageId, Path pain001,
                                     Function<String, TransactionOutcome> outcome) throws IOException {
        try (OutputStream stream = Files.newOutputStream(report)) {
            Pain002Writer.write(stream, messageId, OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0), pain001, outcome);
        }
    }

    private static Map<String, List<String>> histories() {
        Map<String, List<String>> histories = new TreeMap<>();
        for (Seeding.Claim claim : claims) {
            histories.put(claim.claimId(), Seeding.history(auditor, claim.claimId()));
        }
        return histories;
    }

    private static String status(Seeding.Claim claim) {
        return auditor.get("/claims/" + claim.claimId()).expect(200).text("$.status");
    }

    private static Map<String, BigDecimal> rates(LocalDate day) {
        Api.Response rates = service.as(LedgerService.ADMIN).get("/fx-rates?from=" + day + "&to=" + day).expect(200);
        Map<String, BigDecimal> byCurrency = new HashMap<>();
        byCurrency.put("THB", BigDecimal.ONE);
        JSONArray list = rates.read("$.rates[*]");
        for (Object entry : list) {
            @SuppressWarnings("unchecked")
            Map<String, Object> rate = (Map<String, Object>) entry;
            byCurrency.put((String) rate.get("currency"), new BigDecimal(rate.get("rate").toString()));
        }
        assertThat(byCurrency).containsKeys("MMK", "KHR", "USD", "LAK", "VND");
        return byCurrency;
    }

    private static BigDecimal sum(List<SettlementFiles.Transfer> transfers) {
        return transfers.stream().map(SettlementFiles.Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static int indexIgnoringCase(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).replace("_", "").equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new AssertionError("no " + name + " column in " + header);
    }

    /** The journal books asynchronously: wait until the run's postings are complete. */
    private static void awaitJournal() {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < giveUp) {
            Api.Response run = service.as(LedgerService.AUDITOR).get("/settlement/runs/SR-" + runDate);
            if (run.status() == 200 && "0".equals(run.text("$.journalBehind"))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the journal did not catch up in 60 s");
    }

    private static void trialBalanceIsEven() {
        Api.Response balance = service.as(LedgerService.ADMIN).get("/ledger/trial-balance").expect(200);
        assertThat(new BigDecimal(balance.text("$.totalDebit")))
                .isEqualByComparingTo(new BigDecimal(balance.text("$.totalCredit")));
    }
}

package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * The journal of settlement driven as the batch drives it, through REST: claims filed and approved,
 * instructed in a run (POST /settlement/schedulings), the bank's report recorded (POST
 * /settlement/bank-outcomes). The payment and the failure's reversal are booked once each, even when
 * the same report is recorded again; the run's summary agrees with the journal; and only the
 * settlement operator, the auditor and the fund administrator read a run.
 */
class SettlementJournalApiTest extends BenefitClaimsTestBase {

    private static final String RUN = "SR-2026-12-01";
    private static final String CONCURRENT_RUN = "SR-2026-12-15";
    private static final String LATER_RUN = "SR-2026-12-08";

    @Test
    void aRunsPaymentsAndFailuresAreBookedOnceAndItsSummaryAgreesWithTheJournal() {
        String paidWorker = insuredWorker("KHM");
        String paidClaim = approvedClaim(paidWorker);
        String failedWorker = insuredWorker("KHM");
        String failedClaim = approvedClaim(failedWorker);
        PaymentInstruction paying = instruction(RUN, paidClaim);
        PaymentInstruction failing = instruction(RUN, failedClaim);

        Response scheduled = settle("/api/v1/settlement/schedulings",
                Map.of("instructions", List.of(body(paidClaim, paying), body(failedClaim, failing))));
        assertThat(scheduled.status()).as(scheduled.raw().body()).isEqualTo(200);
        JsonNode scheduledSummary = runSummary(SETTLEMENT, RUN);
        assertThat(lines(scheduledSummary)).containsExactly("KHR SCHEDULED 2 2160.00 78840.00");
        assertThat(scheduledSummary.path("postings").size()).as("scheduling moves no money").isZero();

        Map<String, Object> report = Map.of("outcomes", List.of(
                outcome(paidClaim, paying, "PAID", Map.of("bankReference", "ABA-20261201-0001")),
                outcome(failedClaim, failing, "FAILED", Map.of("reasonCode", "AC04", "reason", "account closed"))));
        Response recorded = settle("/api/v1/settlement/bank-outcomes", report);
        assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(200);
        Response again = settle("/api/v1/settlement/bank-outcomes", report);
        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        again.json().path("results").forEach(result ->
                assertThat(result.path("recorded").asString()).isEqualTo("ALREADY_RECORDED"));

        JsonNode payment = entryOfKind(ledgerWith(paidWorker, 5), "BENEFIT_PAYMENT");
        assertThat(postings(payment)).containsExactly(
                Map.entry("TH_SSF_S33/BENEFIT_LIABILITY", "DEBIT 1080.00"),
                Map.entry("TH_SSF_S33/BANK_CLEARING/KHR", "CREDIT 1080.00"));
        assertThat(payment.path("payment").path("paidAmount").asString()).isEqualTo("39420.00");
        assertThat(payment.path("payment").path("rate").asString()).isEqualTo("36.5");
        assertThat(payment.path("payment").path("bankReference").asString()).isEqualTo("ABA-20261201-0001");
        JsonNode reversal = entryOfKind(ledgerWith(failedWorker, 5), "BENEFIT_REVERSAL");
        assertThat(postings(reversal)).containsExactly(
                Map.entry("TH_SSF_S33/BENEFIT_LIABILITY", "DEBIT 1080.00"),
                Map.entry("TH_SSF_S33/BENEFIT_EXPENSE/OLD_AGE_LUMP_SUM", "CREDIT 1080.00"));
        assertThat(reversal.path("payment").path("reasonCode").asString()).isEqualTo("AC04");
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where claim_id in (?, ?)", Long.class,
                paidClaim, failedClaim))
                .as("two approvals, one payment, one reversal: the report recorded twice is booked once")
                .isEqualTo(4);

        Response trialBalance = read("/api/v1/ledger/trial-balance?currency=THB");
        assertThat(trialBalance.json().path("totalDebit").asString())
                .isEqualTo(trialBalance.json().path("totalCredit").asString());

        for (String reader : List.of(SETTLEMENT, AUDITOR, ADMIN)) {
            JsonNode run = runSummary(reader, RUN);
            assertThat(lines(run)).as(reader).containsExactly("KHR FAILED 1 1080.00 39420.00",
                    "KHR PAID 1 1080.00 39420.00");
            Map<String, String> postings = new LinkedHashMap<>();
            run.path("postings").forEach(posting -> postings.put(posting.path("account").asString(),
                    posting.path("debit").asString() + "/" + posting.path("credit").asString()));
            assertThat(postings).as(reader).containsExactly(
                    Map.entry("TH_SSF_S33/BANK_CLEARING/KHR", "0.00/1080.00"),
                    Map.entry("TH_SSF_S33/BENEFIT_EXPENSE/OLD_AGE_LUMP_SUM", "0.00/1080.00"),
                    Map.entry("TH_SSF_S33/BENEFIT_LIABILITY", "2160.00/0.00"));
        }

        // the failed claim approved again to a wallet, instructed anew in a later run and paid
        Map<String, Object> wallet = new LinkedHashMap<>();
        wallet.put("name", "Thida Sok");
        wallet.put("channel", "MOBILE_WALLET");
        wallet.put("country", "KHM");
        wallet.put("currency", "KHR");
        wallet.put("walletProvider", "Wing");
        wallet.put("msisdn", "+85512345678");
        Response approvedAgain = api.post("/api/v1/claims/" + failedClaim + "/approval", "approver-2", "approver-2-pw",
                Map.of("newPayee", wallet));
        assertThat(approvedAgain.status()).as(approvedAgain.raw().body()).isEqualTo(200);
        PaymentInstruction second = instruction(LATER_RUN, failedClaim, 2);
        Response rescheduled = settle("/api/v1/settlement/schedulings",
                Map.of("instructions", List.of(body(failedClaim, second))));
        assertThat(rescheduled.status()).as(rescheduled.raw().body()).isEqualTo(200);
        Response paidAtLast = settle("/api/v1/settlement/bank-outcomes", Map.of("outcomes",
                List.of(outcome(failedClaim, second, "PAID", Map.of("bankReference", "WING-20261208-7")))));
        assertThat(paidAtLast.status()).as(paidAtLast.raw().body()).isEqualTo(200);
        Response ledger = ledgerWith(failedWorker, 7);
        List<String> kinds = new java.util.ArrayList<>();
        ledger.json().path("entries").path("items").forEach(entry -> kinds.add(entry.path("kind").asString()));
        assertThat(kinds).containsExactly("BENEFIT_PAYMENT", "BENEFIT_APPROVAL", "BENEFIT_REVERSAL", "BENEFIT_APPROVAL",
                "CONTRIBUTION", "CONTRIBUTION", "CONTRIBUTION");
        assertThat(lines(runSummary(AUDITOR, RUN))).as("the failure stays in its run")
                .containsExactly("KHR FAILED 1 1080.00 39420.00", "KHR PAID 1 1080.00 39420.00");
        assertThat(lines(runSummary(AUDITOR, LATER_RUN))).containsExactly("KHR PAID 1 1080.00 39420.00");
        Response balance = read("/api/v1/ledger/trial-balance?currency=THB");
        assertThat(balance.json().path("totalDebit").asString()).isEqualTo(balance.json().path("totalCredit").asString());
        Map<String, String> accounts = new LinkedHashMap<>();
        balance.json().path("accounts").forEach(account -> accounts.put(account.path("account").asString(),
                account.path("debit").asString() + "/" + account.path("credit").asString()));
        // every approval in this database is paid or reversed: nothing is owed any more
        String[] liability = accounts.get("TH_SSF_S33/BENEFIT_LIABILITY").split("/");
        assertThat(liability[0]).isEqualTo(liability[1]);
    }

    @Test
    void theSameReportSentFourTimesAtOnceBooksThePaymentOnce() throws Exception {
        String worker = insuredWorker("KHM");
        String claim = approvedClaim(worker);
        PaymentInstruction paying = instruction(CONCURRENT_RUN, claim);
        Response scheduled = settle("/api/v1/settlement/schedulings", Map.of("instructions", List.of(body(claim, paying))));
        assertThat(scheduled.status()).as(scheduled.raw().body()).isEqualTo(200);
        Map<String, Object> report = Map.of("outcomes",
                List.of(outcome(claim, paying, "PAID", Map.of("bankReference", "ABA-20261215-0001"))));

        List<Response> answers = inParallel(java.util.Collections.nCopies(4,
                () -> settle("/api/v1/settlement/bank-outcomes", report)));

        answers.forEach(answer -> assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200));
        JsonNode run = runSummary(ADMIN, CONCURRENT_RUN);
        assertThat(lines(run)).containsExactly("KHR PAID 1 1080.00 39420.00");
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where claim_id = ? and kind = 'BENEFIT_PAYMENT'",
                Long.class, claim)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%ClaimPaid'", Long.class, worker)).isEqualTo(1);
    }

    @Test
    void onlyTheSettlementOperatorTheAuditorAndTheFundAdministratorReadARun() {
        for (String user : List.of(SETTLEMENT, AUDITOR, ADMIN)) {
            Response unknown = api.get("/api/v1/settlement/runs/SR-1999-01-01", user, password(user));
            assertThat(unknown.status()).as(user + " " + unknown.raw().body()).isEqualTo(200);
            assertThat(unknown.json().path("lines").size()).isZero();
            assertThat(unknown.json().path("postings").size()).isZero();
        }
        for (String user : List.of(OFFICER, APPROVER, EMBASSY)) {
            assertThat(api.get("/api/v1/settlement/runs/" + RUN, user, password(user)).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/settlement/runs/" + RUN, SETTLEMENT, "wrong-pw").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/settlement/runs/" + RUN, null, null).status()).isEqualTo(401);
    }

    private static String password(String user) {
        return user + "-pw";
    }

    private Response settle(String path, Object body) {
        return api.post(path, SETTLEMENT, password(SETTLEMENT), body);
    }

    private static Map<String, Object> body(String claimId, PaymentInstruction instruction) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("claimId", claimId);
        body.put("settlementRun", instruction.settlementRun());
        body.put("endToEndId", instruction.endToEndId());
        body.put("debtorAccount", instruction.debtorAccount());
        body.put("amount", instruction.amount().toPlainString());
        body.put("currency", instruction.currency());
        body.put("paidAmount", instruction.paidAmount().toPlainString());
        body.put("paidCurrency", instruction.paidCurrency());
        body.put("rate", instruction.rate().toPlainString());
        body.put("rateDate", instruction.rateDate().toString());
        body.put("rateSource", instruction.rateSource());
        return body;
    }

    private static Map<String, Object> outcome(String claimId, PaymentInstruction instruction, String outcome,
                                               Map<String, String> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("claimId", claimId);
        body.put("endToEndId", instruction.endToEndId());
        body.put("outcome", outcome);
        body.put("statusReport", "PAIN002-20261202-1");
        body.putAll(details);
        return body;
    }

    private JsonNode runSummary(String user, String run) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/settlement/runs/" + run, user, password(user)),
                        r -> r.status() == 200 && r.json().path("journalBehind").asLong() == 0)
                .json();
    }

    private static List<String> lines(JsonNode run) {
        List<String> lines = new java.util.ArrayList<>();
        run.path("lines").forEach(line -> lines.add(line.path("paidCurrency").asString() + " "
                + line.path("status").asString() + " " + line.path("claims").asLong() + " "
                + line.path("amount").asString() + " " + line.path("paidAmount").asString()));
        return lines;
    }
}

package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.support.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Benefits in the journal: a claim's approval books the expense and the liability, its payment
 * settles the liability through the paid currency's bank clearing, a failed payment reverses the
 * approval; all in THB, each event booked once, the trial balance even, the reconciliation counting
 * the claim events, and the run's summary agreeing with the journal. Replayed from the event store
 * (tokens removed, or reset), the journal comes back the same.
 */
class BenefitJournalTest extends BenefitClaimsTestBase {

    private static final String RUN = "SR-2026-12-01";
    private static final String LATER_RUN = "SR-2026-12-08";
    private static final String EXPENSE = "TH_SSF_S33/BENEFIT_EXPENSE/OLD_AGE_LUMP_SUM";
    private static final String LIABILITY = "TH_SSF_S33/BENEFIT_LIABILITY";
    private static final String CLEARING_KHR = "TH_SSF_S33/BANK_CLEARING/KHR";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void approvalPaymentAndFailureAreBookedOnceAndReplayTheSame() throws Exception {
        String paidWorker = insuredWorker("KHM");
        String paidClaim = approvedClaim(paidWorker);
        String failedWorker = insuredWorker("KHM");
        String failedClaim = approvedClaim(failedWorker);

        Response approval = ledgerWith(paidWorker, 4);
        JsonNode approved = entryOfKind(approval, "BENEFIT_APPROVAL");
        assertThat(approved.path("claimId").asString()).isEqualTo(paidClaim);
        assertThat(approved.path("benefit").asString()).isEqualTo(LUMP_SUM);
        assertThat(approved.path("amount").asString()).isEqualTo("1080.00");
        assertThat(approved.path("currency").asString()).isEqualTo("THB");
        assertThat(approved.path("scheme").asString()).isEqualTo(SCHEME);
        assertThat(approved.has("filingId") && !approved.path("filingId").isNull()).isFalse();
        assertThat(approved.has("payment") && !approved.path("payment").isNull()).isFalse();
        assertThat(postings(approved)).containsExactly(Map.entry(EXPENSE, "DEBIT 1080.00"),
                Map.entry(LIABILITY, "CREDIT 1080.00"));
        assertThat(approved.path("description").asString())
                .isEqualTo("Benefit OLD_AGE_LUMP_SUM approved on claim " + paidClaim + ": 1080.00 THB owed to the payee");

        PaymentInstruction paidInstruction = instruction(RUN, paidClaim);
        scheduled(paidWorker, paidClaim, paidInstruction);
        paid(paidWorker, paidClaim, paidInstruction, "ABA-20261201-0001");
        PaymentInstruction failedInstruction = instruction(RUN, failedClaim);
        scheduled(failedWorker, failedClaim, failedInstruction);
        failed(failedWorker, failedClaim, failedInstruction, "AC04");

        JsonNode payment = entryOfKind(ledgerWith(paidWorker, 5), "BENEFIT_PAYMENT");
        assertThat(postings(payment)).containsExactly(Map.entry(LIABILITY, "DEBIT 1080.00"),
                Map.entry(CLEARING_KHR, "CREDIT 1080.00"));
        JsonNode paid = payment.path("payment");
        assertThat(paid.path("settlementRun").asString()).isEqualTo(RUN);
        assertThat(paid.path("endToEndId").asString()).isEqualTo(paidInstruction.endToEndId());
        assertThat(paid.path("debtorAccount").asString()).isEqualTo("FUNDKHR01");
        assertThat(paid.path("paidAmount").asString()).isEqualTo("39420.00");
        assertThat(paid.path("paidCurrency").asString()).isEqualTo("KHR");
        assertThat(paid.path("rate").asString()).isEqualTo("36.5");
        assertThat(paid.path("rateDate").asString()).isEqualTo("2026-12-01");
        assertThat(paid.path("rateSource").asString()).isEqualTo("BOT reference rate");
        assertThat(paid.path("bankReference").asString()).isEqualTo("ABA-20261201-0001");
        assertThat(paid.path("statusReport").asString()).isEqualTo("PAIN002-OK-1");
        assertThat(payment.path("description").asString()).isEqualTo("Benefit OLD_AGE_LUMP_SUM paid on claim "
                + paidClaim + ": 1080.00 THB as 39420.00 KHR at 36.5 KHR per THB (BOT reference rate, 2026-12-01), run "
                + RUN + ", bank reference ABA-20261201-0001");

        Response failedLedger = ledgerWith(failedWorker, 5);
        JsonNode reversal = entryOfKind(failedLedger, "BENEFIT_REVERSAL");
        assertThat(postings(reversal)).containsExactly(Map.entry(LIABILITY, "DEBIT 1080.00"),
                Map.entry(EXPENSE, "CREDIT 1080.00"));
        assertThat(reversal.path("payment").path("reasonCode").asString()).isEqualTo("AC04");
        assertThat(reversal.path("description").asString()).isEqualTo("Approval of benefit OLD_AGE_LUMP_SUM on claim "
                + failedClaim + " reversed: the bank could not pay 39420.00 KHR (run " + RUN + ", reason AC04); "
                + "1080.00 THB no longer owed");
        // the worker's balances are a filing line's: a benefit adds no scheme balance of its own
        assertThat(failedLedger.json().path("schemes").size()).isEqualTo(1);

        // approved again after failing, paid in a later run: a new approval, a new payment
        approvedAgain(failedWorker, failedClaim);
        PaymentInstruction secondInstruction = instruction(LATER_RUN, failedClaim, 2);
        scheduled(failedWorker, failedClaim, secondInstruction);
        paid(failedWorker, failedClaim, secondInstruction, "WING-20261208-7");
        Response paidAtLast = ledgerWith(failedWorker, 7);
        List<String> kinds = new java.util.ArrayList<>();
        paidAtLast.json().path("entries").path("items").forEach(entry -> kinds.add(entry.path("kind").asString()));
        assertThat(kinds).containsExactly("BENEFIT_PAYMENT", "BENEFIT_APPROVAL", "BENEFIT_REVERSAL", "BENEFIT_APPROVAL",
                "CONTRIBUTION", "CONTRIBUTION", "CONTRIBUTION");
        assertThat(entryOfKind(paidAtLast, "BENEFIT_PAYMENT").path("payment").path("endToEndId").asString())
                .isEqualTo(secondInstruction.endToEndId());

        Map<String, String> trialBalance = trialBalance();
        assertThat(trialBalance.get(EXPENSE)).isEqualTo("3240.00/1080.00");
        assertThat(trialBalance.get(LIABILITY)).isEqualTo("3240.00/3240.00");
        assertThat(trialBalance.get(CLEARING_KHR)).isEqualTo("0.00/2160.00");

        JsonNode reconciliation = reconciledAndBalanced();
        assertThat(count(reconciliation, "ClaimApproved", "BENEFIT_APPROVAL")).isEqualTo("3/3");
        assertThat(count(reconciliation, "ClaimPaid", "BENEFIT_PAYMENT")).isEqualTo("2/2");
        assertThat(count(reconciliation, "ClaimFailed", "BENEFIT_REVERSAL")).isEqualTo("1/1");

        JsonNode run = runSummary(RUN);
        assertThat(run.path("settlementRun").asString()).isEqualTo(RUN);
        assertThat(lines(run)).containsExactly("KHR FAILED 1 1080.00 39420.00", "KHR PAID 1 1080.00 39420.00");
        assertThat(runPostings(run)).containsExactly(Map.entry(CLEARING_KHR, "0.00/1080.00"),
                Map.entry(EXPENSE, "0.00/1080.00"), Map.entry(LIABILITY, "2160.00/0.00"));
        // the failure stays in the run that instructed it; the later run has the payment
        JsonNode later = runSummary(LATER_RUN);
        assertThat(lines(later)).containsExactly("KHR PAID 1 1080.00 39420.00");
        assertThat(runPostings(later)).containsExactly(Map.entry(CLEARING_KHR, "0.00/1080.00"),
                Map.entry(LIABILITY, "1080.00/0.00"));

        // every event again: tokens removed, the processor reads the whole store once more
        List<Map<String, Object>> journal = journal();
        List<Map<String, Object>> totals = accountTotals();
        String paidPage = read("/api/v1/workers/" + paidWorker + "/ledger").raw().body();
        PooledStreamingEventProcessor ledger =
                processing.eventProcessor("ledger", PooledStreamingEventProcessor.class).orElseThrow();
        ledger.shutdownAsync().get(30, TimeUnit.SECONDS);
        owner().update("delete from token_entry where processor_name = 'ledger'");
        ledger.start();
        awaitCaughtUp(ledger);
        assertThat(journal()).isEqualTo(journal);
        assertThat(accountTotals()).isEqualTo(totals);
        assertThat(read("/api/v1/workers/" + paidWorker + "/ledger").raw().body()).isEqualTo(paidPage);
        assertThat(lines(runSummary(RUN))).containsExactly("KHR FAILED 1 1080.00 39420.00", "KHR PAID 1 1080.00 39420.00");
        reconciledAndBalanced();

        // a reset replays into an emptied journal: the same entries (new entry ids), totals and run
        ledger.shutdownAsync().get(30, TimeUnit.SECONDS);
        ledger.resetTokens();
        ledger.start();
        awaitCaughtUp(ledger);
        assertThat(journal()).isEqualTo(journal);
        assertThat(accountTotals()).isEqualTo(totals);
        assertThat(runPostings(runSummary(RUN))).containsExactly(Map.entry(CLEARING_KHR, "0.00/1080.00"),
                Map.entry(EXPENSE, "0.00/1080.00"), Map.entry(LIABILITY, "2160.00/0.00"));
        reconciledAndBalanced();
        assertThat(jdbc.queryForList("select cause_type, cause_message from dead_letter_entry")).isEmpty();
    }

    @Test
    void anUnknownRunIsEmptyAndAMalformedRunIdIsRefused() {
        Response unknown = api.get("/api/v1/settlement/runs/SR-1999-01-01", ADMIN, ADMIN_PW);
        assertThat(unknown.status()).as(unknown.raw().body()).isEqualTo(200);
        assertThat(unknown.json().path("settlementRun").asString()).isEqualTo("SR-1999-01-01");
        assertThat(unknown.json().path("lines").size()).isZero();
        assertThat(unknown.json().path("postings").size()).isZero();
        assertThat(unknown.json().path("journalBehind").isNumber()).isTrue();

        Response malformed = api.get("/api/v1/settlement/runs/SR%202026'--", ADMIN, ADMIN_PW);
        assertThat(malformed.status()).as(malformed.raw().body()).isIn(400, 422);
        Response tooLong = api.get("/api/v1/settlement/runs/" + "R".repeat(65), ADMIN, ADMIN_PW);
        assertThat(tooLong.status()).as(tooLong.raw().body()).isIn(400, 422);
    }

    private void awaitCaughtUp(PooledStreamingEventProcessor ledger) {
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                ledger.processingStatus().size() == 2 && ledger.processingStatus().values().stream()
                        .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head));
    }

    /** Every entry as booked, without its entry id (a replay into an emptied journal draws new ones). */
    private List<Map<String, Object>> journal() {
        List<Map<String, Object>> entries = jdbc.queryForList("select * from ledger_entry order by event_id");
        entries.forEach(entry -> entry.remove("entry_id"));
        return entries;
    }

    private List<Map<String, Object>> accountTotals() {
        return jdbc.queryForList("select account, currency, debit, credit from ledger_account_total order by 1, 2");
    }

    /** Account -> "debit/credit" in THB; debits equal credits. */
    private Map<String, String> trialBalance() {
        Response balance = read("/api/v1/ledger/trial-balance?currency=THB");
        assertThat(balance.status()).as(balance.raw().body()).isEqualTo(200);
        assertThat(balance.json().path("totalDebit").asString())
                .isEqualTo(balance.json().path("totalCredit").asString());
        Map<String, String> accounts = new java.util.LinkedHashMap<>();
        balance.json().path("accounts").forEach(account -> accounts.put(account.path("account").asString(),
                account.path("debit").asString() + "/" + account.path("credit").asString()));
        return accounts;
    }

    private JsonNode reconciledAndBalanced() {
        Response response = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/ledger/reconciliation", ADMIN, ADMIN_PW),
                        r -> r.status() == 200 && r.json().path("projectionLag").asLong() == 0);
        assertThat(response.json().path("balanced").asBoolean()).as(response.raw().body()).isTrue();
        assertThat(response.json().path("differenceCount").asLong()).isZero();
        return response.json();
    }

    private static String count(JsonNode reconciliation, String eventType, String entryKind) {
        for (JsonNode count : reconciliation.path("counts")) {
            if (count.path("eventType").asString().equals(eventType)) {
                assertThat(count.path("entryKind").asString()).isEqualTo(entryKind);
                return count.path("events").asLong() + "/" + count.path("entries").asLong();
            }
        }
        throw new AssertionError("no count of " + eventType + " in " + reconciliation);
    }

    private JsonNode runSummary(String run) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/settlement/runs/" + run, ADMIN, ADMIN_PW),
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

    private static Map<String, String> runPostings(JsonNode run) {
        Map<String, String> postings = new java.util.LinkedHashMap<>();
        run.path("postings").forEach(posting -> postings.put(posting.path("account").asString(),
                posting.path("debit").asString() + "/" + posting.path("credit").asString()));
        return postings;
    }
}

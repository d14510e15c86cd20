package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mekongledger.api.ClaimEvents.ClaimApproved;
import org.mekongledger.api.ClaimEvents.ClaimFailed;
import org.mekongledger.api.ClaimEvents.ClaimPaid;
import org.mekongledger.api.ClaimEvents.ClaimScheduled;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentChannel;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Benefit claims as the journal's tests need them: a worker with three insured months, a claim for
 * the old-age lump sum filed and approved through REST, and (until the settlement endpoints are in)
 * its settlement events appended to the worker's stream as the aggregate would append them.
 */
abstract class BenefitClaimsTestBase extends ApiTestBase {

    static final String OFFICER = "claims-officer";
    static final String APPROVER = "approver";
    static final String SETTLEMENT = "settlement";
    static final String SCHEME = "TH_SSF_S33";
    static final String LUMP_SUM = "OLD_AGE_LUMP_SUM";
    /** Three months at 12,000: the employee's old-age share 360 a month. */
    static final BigDecimal THREE_MONTHS = new BigDecimal("1080.00");

    @Autowired
    EventStore eventStore;

    /** A worker of the nationality with three months filed, no longer insured, the months booked. */
    String insuredWorker(String nationality) {
        String workerId = registerWorker(nationality);
        String employer = registerEmployer();
        for (String period : List.of("2025-01", "2025-02", "2025-03")) {
            Response filed = file(employer, period, workerId, "12000.00");
            assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        }
        assertThat(admin("/api/v1/workers/" + workerId + "/events",
                Map.of("type", "INSURED_STATUS_ENDED", "date", "2025-03-31")).status()).isEqualTo(201);
        // the engine counts the months once the ledger has booked them and the history followed
        eventually("/api/v1/workers/" + workerId + "/entitlements?asOf=2026-01-01&event=PERMANENT_DEPARTURE",
                r -> r.status() == 200 && lumpSumMonths(r) == 3);
        return workerId;
    }

    private static int lumpSumMonths(Response entitlements) {
        for (JsonNode entitlement : entitlements.json().path("entitlements")) {
            if (entitlement.path("scheme").asString().equals(SCHEME)
                    && entitlement.path("benefit").asString().equals(LUMP_SUM)) {
                return entitlement.path("contributionMonths").asInt();
            }
        }
        return 0;
    }

    /** Files the lump-sum claim (claims officer) and approves it (approver): its id. */
    String approvedClaim(String workerId) {
        Map<String, Object> payee = new LinkedHashMap<>();
        payee.put("name", "Thida Sok");
        payee.put("channel", "BANK_ACCOUNT");
        payee.put("country", "KHM");
        payee.put("currency", "KHR");
        payee.put("bankBic", "ABAAKHPP");
        payee.put("accountNumber", "000123456");
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("workerId", workerId);
        claim.put("scheme", SCHEME);
        claim.put("benefit", LUMP_SUM);
        claim.put("asOf", "2026-01-01");
        claim.put("ground", Map.of("type", "PERMANENT_DEPARTURE", "date", "2025-12-20", "country", "KHM"));
        claim.put("payee", payee);
        Response filed = api.post("/api/v1/claims", OFFICER, OFFICER + "-pw", claim);
        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        String claimId = filed.json().path("claimId").asString();
        Response approved = api.post("/api/v1/claims/" + claimId + "/approval", APPROVER, APPROVER + "-pw", Map.of());
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        assertThat(approved.json().path("amount").asString()).isEqualTo(THREE_MONTHS.toPlainString());
        return claimId;
    }

    /** 1,080.00 THB at 36.5 KHR a baht: 39,420 KHR (KHR has two minor-unit digits in ISO 4217). */
    static PaymentInstruction instruction(String run, String claimId) {
        return instruction(run, claimId, 1);
    }

    /** The claim's n-th instruction (a claim approved again after failing is instructed anew). */
    static PaymentInstruction instruction(String run, String claimId, int n) {
        return new PaymentInstruction(run, claimId.replace("-", "") + "-" + n, "FUNDKHR01", THREE_MONTHS, "THB",
                new BigDecimal("39420.00"), "KHR", new BigDecimal("36.5"), LocalDate.parse(run.substring(3)),
                "BOT reference rate");
    }

    /** Approved again after failing, to a new payee, as the account would record it. */
    void approvedAgain(String workerId, String claimId) {
        append(workerId, new ClaimApproved(workerId, claimId, THREE_MONTHS, "THB", null,
                new Payee("Thida Sok", PaymentChannel.MOBILE_WALLET, "KHM", "KHR", null, null, null, "Wing",
                        "+85512345678", null), true, "approver-2"));
    }

    void scheduled(String workerId, String claimId, PaymentInstruction instruction) {
        append(workerId, new ClaimScheduled(workerId, claimId, instruction.settlementRun(), instruction, SETTLEMENT));
    }

    void paid(String workerId, String claimId, PaymentInstruction instruction, String bankReference) {
        append(workerId, new ClaimPaid(workerId, claimId, bankReference, "PAIN002-OK-1", instruction, SETTLEMENT));
    }

    void failed(String workerId, String claimId, PaymentInstruction instruction, String reasonCode) {
        append(workerId, new ClaimFailed(workerId, claimId, reasonCode, "account closed", "PAIN002-RJ-1", instruction,
                THREE_MONTHS, "THB", SETTLEMENT));
    }

    /** Next in the worker's stream, as the account would apply it (no more commands go to that worker). */
    private void append(String workerId, Object event) {
        long next = jdbc.queryForObject(
                "select max(sequence_number) + 1 from domain_event_entry where aggregate_identifier = ?",
                Long.class, workerId);
        eventStore.publish(new GenericDomainEventMessage<>("WorkerAccount", workerId, next, event));
    }

    /** The worker's ledger page once it holds so many entries. */
    Response ledgerWith(String workerId, long entries) {
        return eventually("/api/v1/workers/" + workerId + "/ledger",
                r -> r.status() == 200 && r.json().path("entries").path("totalEntries").asLong() == entries);
    }

    static JsonNode entryOfKind(Response ledger, String kind) {
        for (JsonNode entry : ledger.json().path("entries").path("items")) {
            if (entry.path("kind").asString().equals(kind)) {
                return entry;
            }
        }
        throw new AssertionError("no " + kind + " entry in " + ledger.raw().body());
    }

    /** Account -> [side, amount] of an entry's postings. */
    static Map<String, String> postings(JsonNode entry) {
        Map<String, String> postings = new LinkedHashMap<>();
        entry.path("postings").forEach(posting -> postings.put(posting.path("account").asString(),
                posting.path("side").asString() + " " + posting.path("amount").asString()));
        return postings;
    }
}

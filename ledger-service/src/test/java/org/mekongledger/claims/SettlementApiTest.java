package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The settlement batch's side of the ledger: what it may pay, the instructions it sends (all or
 * nothing, resends recording nothing) and the bank's outcomes, checked before any is recorded.
 */
class SettlementApiTest extends ClaimsApiTestBase {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Bangkok")).toString();

    private String approvedClaim() {
        String claimId = fileClaim(insuredWorker("KHM").workerId());
        assertOk(approve(APPROVER, claimId), "APPROVED");
        return claimId;
    }

    private Response payable(String query) {
        return api.get("/api/v1/settlement/payable-claims?" + query, SETTLEMENT, SETTLEMENT + "-pw");
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("claims").forEach(claim -> ids.add(claim.path("claimId").asString()));
        return ids;
    }

    private static Map<String, Object> outcome(String claimId, String endToEndId, String outcome, String reasonCode) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("claimId", claimId);
        item.put("endToEndId", endToEndId);
        item.put("outcome", outcome);
        item.put("statusReport", "STS-20261201-1");
        if (reasonCode != null) {
            item.put("reasonCode", reasonCode);
        }
        return item;
    }

    @Test
    void approvedClaimsArePagedByIdWithThePayeeInFullAndTheirNextInstructionNumber() {
        String filedOnly = fileClaim(insuredWorker("KHM").workerId());
        List<String> approved = new ArrayList<>(List.of(approvedClaim(), approvedClaim()));
        approved.sort(String::compareTo);

        Response all = payable("approvedUpTo=" + TODAY);
        assertThat(all.status()).as(all.raw().body()).isEqualTo(200);
        List<String> listed = ids(all);
        assertThat(listed).containsAll(approved).doesNotContain(filedOnly).isSorted();
        JsonNode first = all.json().path("claims").get(listed.indexOf(approved.get(0)));
        assertThat(first.path("payee").path("accountNumber").asString()).isNotEmpty();
        assertThat(first.path("instruction").asInt()).isEqualTo(1);
        assertThat(first.path("amount").asString()).isEqualTo(THREE_MONTHS);

        assertThat(ids(payable("approvedUpTo=" + TODAY + "&limit=1"))).containsExactly(listed.get(0));
        assertThat(ids(payable("approvedUpTo=" + TODAY + "&limit=1&after=" + listed.get(0))))
                .containsExactly(listed.get(1));
        assertThat(ids(payable("approvedUpTo=" + LocalDate.parse(TODAY).minusDays(1)))).isEmpty();
        assertThat(payable("approvedUpTo=" + TODAY + "&limit=5001").errorFields()).containsExactly("limit");
        assertThat(payable("approvedUpTo=yesterday").status()).isEqualTo(422);
        assertThat(payable("").status()).isIn(400, 422);
    }

    @Test
    void anApprovedClaimKeepsItsAssessmentsOutOfLineAndAStatusChangeLeavesThemThere() {
        JdbcTemplate owner = owner();
        String toast = owner.queryForObject("select reltoastrelid::regclass::text from pg_class where oid = 'claim_view'::regclass",
                String.class);
        String valuesOutOfLine = "select count(distinct chunk_id) from " + toast;
        String workerId = insuredWorker("MMR").workerId();
        long before = owner.queryForObject(valuesOutOfLine, Long.class);
        String claimId = fileClaim(workerId);
        JsonNode filed = getAs(SETTLEMENT, claimId).json().path("filedAssessment");

        assertOk(approve(APPROVER, claimId), "APPROVED");
        long approved = owner.queryForObject(valuesOutOfLine, Long.class);
        assertOk(schedule(claimId, "SR-TOAST-1"), "SCHEDULED");

        assertThat(approved - before).as("both assessments out of the row once approved").isEqualTo(2);
        assertThat(owner.queryForObject(valuesOutOfLine, Long.class)).as("scheduling rewrote neither").isEqualTo(approved);
        JsonNode claim = getAs(SETTLEMENT, claimId).json();
        assertThat(claim.path("filedAssessment")).isEqualTo(filed);
        assertThat(claim.path("approvalAssessment").path("explanation").size()).isGreaterThan(1);
        assertThat(claim.path("instruction").path("endToEndId").asString()).isEqualTo(endToEndId(claimId, "SR-TOAST-1"));
    }

    @Test
    void aFailedClaimApprovedAgainIsPayableUnderItsSecondInstruction() {
        String claimId = approvedClaim();
        assertOk(schedule(claimId, "SR-2026-12-01"), "SCHEDULED");
        assertThat(ids(payable("approvedUpTo=" + TODAY))).doesNotContain(claimId);
        assertOk(failed(claimId, "AC04", "account closed"), "FAILED");
        assertOk(act(APPROVER, claimId, "approval", Map.of("newPayee", walletPayee("Thida Sok"))), "APPROVED");
        JsonNode again = null;
        for (JsonNode payableClaim : payable("approvedUpTo=" + TODAY).json().path("claims")) {
            if (payableClaim.path("claimId").asString().equals(claimId)) {
                again = payableClaim;
            }
        }
        assertThat(again).as("approved again, payable again").isNotNull();
        assertThat(again.path("instruction").asInt()).isEqualTo(2);
        assertThat(again.path("payee").path("channel").asString()).isEqualTo("MOBILE_WALLET");
    }

    @Test
    void aRequestWithOneBadInstructionRecordsNoneAndNamesIt() {
        String a = approvedClaim();
        String b = approvedClaim();
        Map<String, Object> tampered = new LinkedHashMap<>(instructionFor(b, "SR-2026-12-01"));
        tampered.put("paidAmount", "2700.01");
        long events = eventCount();

        Response refused = scheduleAll(List.of(instructionFor(a, "SR-2026-12-01"), tampered));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("instructions[1].paidAmount");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(getAs(AUDITOR, a).json().path("status").asString()).isEqualTo("APPROVED");

        Map<String, Object> moreThanApproved = new LinkedHashMap<>(instructionFor(b, "SR-2026-12-01"));
        moreThanApproved.put("amount", "1080.01");
        assertThat(scheduleAll(List.of(moreThanApproved)).errorFields()).contains("instructions[0].amount");
        assertThat(scheduleAll(List.of(instructionFor(a, "SR-1"), instructionFor(a, "SR-1"))).errorFields())
                .containsExactly("instructions[1].claimId");
        assertThat(scheduleAll(List.of()).errorFields()).containsExactly("instructions");
        Map<String, Object> unknown = new LinkedHashMap<>(instructionFor(a, "SR-2026-12-01"));
        unknown.put("claimId", randomId());
        Response unknownClaim = scheduleAll(List.of(instructionFor(a, "SR-2026-12-01"), unknown));
        assertThat(unknownClaim.status()).isEqualTo(422);
        assertThat(unknownClaim.errorFields()).containsExactly("instructions[1].claimId");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void eachBadFieldOfAnInstructionIsNamedAndNothingIsRecorded() {
        String claimId = approvedClaim();
        Map<String, Object> good = instructionFor(claimId, "SR-2026-12-01");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("endToEndId", "has space");
        bad.put("debtorAccount", "");
        bad.put("settlementRun", "x".repeat(65));
        bad.put("currency", "KHR");
        bad.put("paidCurrency", "THB");
        bad.put("paidAmount", "2700.001");
        bad.put("rate", "0");
        bad.put("rateSource", "");
        bad.put("rateDate", "2026-13-01");
        bad.put("amount", "-1.00");
        long events = eventCount();
        for (Map.Entry<String, Object> field : bad.entrySet()) {
            Response refused = scheduleAll(List.of(with(good, field.getKey(), field.getValue())));
            assertThat(refused.status()).as(field.getKey() + ": " + refused.raw().body()).isIn(400, 422);
            if (refused.status() == 422) {
                assertThat(refused.errorFields()).as(field.getKey())
                        .anySatisfy(named -> assertThat(named).startsWith("instructions[0]"));
            }
        }
        Response missing = scheduleAll(List.of(with(good, "endToEndId", null)));
        assertThat(missing.errorFields()).containsExactly("instructions[0].endToEndId");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(getAs(AUDITOR, claimId).json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(scheduleAll(List.of(good)).status()).isEqualTo(200);
    }

    @Test
    void moreThanAThousandInstructionsAreRefusedBeforeAnyIsRead() {
        List<Map<String, Object>> many = new ArrayList<>();
        Map<String, Object> one = new LinkedHashMap<>(Map.of("claimId", randomId(), "settlementRun", "SR-1",
                "endToEndId", "e2e-1", "debtorAccount", "D1", "amount", "1.00", "currency", "THB", "paidAmount", "1.00",
                "paidCurrency", "THB", "rate", "1", "rateDate", "2026-12-01"));
        one.put("rateSource", "x");
        for (int i = 0; i < 1001; i++) {
            many.add(one);
        }
        assertThat(scheduleAll(many).errorFields()).containsExactly("instructions");
    }

    @Test
    void aKeyedChunkRefusedRecordsNothingAndItsKeyReplaysTheAnswer() {
        String a = approvedClaim();
        String b = approvedClaim();
        Map<String, Object> tampered = new LinkedHashMap<>(instructionFor(b, "SR-2026-12-01"));
        tampered.put("rate", "2.6");
        long events = eventCount();
        Map<String, Object> bad = Map.of("instructions", List.of(instructionFor(a, "SR-2026-12-01"), tampered));
        Response refused = api.post("/api/v1/settlement/schedulings", SETTLEMENT, SETTLEMENT + "-pw", bad,
                Map.of("Idempotency-Key", "chunk-" + a));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).contains("instructions[1].paidAmount");
        assertThat(eventCount()).as("the savepoint inside the keyed request rolled back whole").isEqualTo(events);

        Map<String, Object> good = Map.of("instructions", List.of(instructionFor(a, "SR-2026-12-01"),
                instructionFor(b, "SR-2026-12-01")));
        Map<String, String> key = Map.of("Idempotency-Key", "chunk-ok-" + a);
        Response first = api.post("/api/v1/settlement/schedulings", SETTLEMENT, SETTLEMENT + "-pw", good, key);
        Response replay = api.post("/api/v1/settlement/schedulings", SETTLEMENT, SETTLEMENT + "-pw", good, key);
        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("results").get(0).path("recorded").asString()).isEqualTo("RECORDED");
        assertThat(eventCount()).isEqualTo(events + 2);
    }

    @Test
    void moreThanAThousandOutcomesAreRefusedWhole() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(outcome(randomId(), "e2e-" + i, "PAID", null));
        }
        assertThat(outcomes(many, false).errorFields()).containsExactly("outcomes");
        assertThat(outcomes(many, true).errorFields()).containsExactly("outcomes");
    }

    @Test
    void theSameInstructionsSentAgainOrAtOnceAreRecordedOnce() throws Exception {
        String a = approvedClaim();
        String b = approvedClaim();
        List<Map<String, Object>> instructions = List.of(instructionFor(a, "SR-2026-12-01"),
                instructionFor(b, "SR-2026-12-01"));
        long events = eventCount();
        List<Callable<Response>> twice = List.of(() -> scheduleAll(instructions), () -> scheduleAll(instructions),
                () -> scheduleAll(instructions));
        List<Response> answers = inParallel(twice);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200));
        assertThat(eventCount()).as("one ClaimScheduled per claim").isEqualTo(events + 2);
        for (int item = 0; item < 2; item++) {
            List<String> said = new ArrayList<>();
            for (Response answer : answers) {
                said.add(answer.json().path("results").get(item).path("recorded").asString());
            }
            assertThat(said).as("only the request that made the event says so")
                    .containsExactlyInAnyOrder("RECORDED", "ALREADY_RECORDED", "ALREADY_RECORDED");
        }

        Response resent = scheduleAll(instructions);
        assertThat(resent.json().path("results").get(0).path("recorded").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(resent.json().path("results").get(0).path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(eventCount()).isEqualTo(events + 2);
        assertThat(getAs(AUDITOR, a).json().path("instruction").path("paidAmount").asString()).isEqualTo("2700.00");

        Map<String, Object> otherRun = instructionFor(a, "SR-2026-12-02");
        Response again = scheduleAll(List.of(otherRun));
        assertThat(again.status()).as("never instructed twice").isEqualTo(409);
        assertThat(again.json().path("currentState").asString()).isEqualTo("SCHEDULED");
        assertThat(again.errorFields()).as("the item at fault is named").containsExactly("instructions[0]");
        assertThat(again.json().path("claimId").asString()).isEqualTo(a);
        assertThat(eventCount()).isEqualTo(events + 2);
    }

    @Test
    void aStatusReportIsCheckedWholeBeforeAnyOfItIsRecorded() {
        String paid = approvedClaim();
        String bounced = approvedClaim();
        String notInstructed = approvedClaim();
        assertThat(scheduleAll(List.of(instructionFor(paid, "SR-1"), instructionFor(bounced, "SR-1"))).status())
                .isEqualTo(200);
        String paidAs = instructedAs(paid);
        String bouncedAs = instructedAs(bounced);
        long events = eventCount();

        Response checked = outcomes(List.of(outcome(paid, paidAs, "PAID", null),
                outcome(bounced, bouncedAs, "FAILED", "AC04")), true);
        assertThat(checked.status()).as(checked.raw().body()).isEqualTo(200);
        assertThat(checked.json().path("results").get(0).path("recorded").asString()).isEqualTo("CHECKED");
        assertThat(eventCount()).as("checking records nothing").isEqualTo(events);

        Response unknownId = outcomes(List.of(outcome(paid, paidAs, "PAID", null),
                outcome(bounced, "not-ours-1", "FAILED", "AC04")), false);
        assertThat(unknownId.errorFields()).containsExactly("outcomes[1].endToEndId");
        Response noCode = outcomes(List.of(outcome(bounced, bouncedAs, "FAILED", null)), false);
        assertThat(noCode.errorFields()).containsExactly("outcomes[0].reasonCode");
        Response wrongState = outcomes(List.of(outcome(paid, paidAs, "PAID", null),
                outcome(notInstructed, "x-1", "PAID", null)), false);
        assertThat(wrongState.status()).isEqualTo(409);
        assertThat(wrongState.json().path("currentState").asString()).isEqualTo("APPROVED");
        assertThat(wrongState.errorFields()).containsExactly("outcomes[1]");
        assertThat(wrongState.json().path("claimId").asString()).isEqualTo(notInstructed);
        Response unknownClaim = outcomes(List.of(outcome(paid, paidAs, "PAID", null),
                outcome(randomId(), "x-1", "PAID", null)), false);
        assertThat(unknownClaim.status()).isEqualTo(422);
        assertThat(unknownClaim.errorFields()).containsExactly("outcomes[1].claimId");
        Response twiceInOne = outcomes(List.of(outcome(paid, paidAs, "PAID", null),
                outcome(paid, paidAs, "PAID", null)), false);
        assertThat(twiceInOne.errorFields()).containsExactly("outcomes[1].claimId");
        assertThat(eventCount()).as("every refusal recorded nothing").isEqualTo(events);

        Response applied = outcomes(List.of(outcome(paid, paidAs, "PAID", null),
                outcome(bounced, bouncedAs, "FAILED", "AC04")), false);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(getAs(AUDITOR, paid).json().path("statusReport").asString()).isEqualTo("STS-20261201-1");
        assertThat(getAs(AUDITOR, bounced).json().path("failureCode").asString()).isEqualTo("AC04");
        long after = eventCount();
        assertThat(after).isEqualTo(events + 2);

        Response reimported = outcomes(List.of(outcome(paid, paidAs, "PAID", null),
                outcome(bounced, bouncedAs, "FAILED", "AC04")), false);
        assertThat(reimported.status()).isEqualTo(200);
        reimported.json().path("results").forEach(result ->
                assertThat(result.path("recorded").asString()).isEqualTo("ALREADY_RECORDED"));
        assertThat(eventCount()).as("a report imported twice changes nothing").isEqualTo(after);
    }

    @Test
    void onlyTheSettlementOperatorReportsAndTheEventsNameIt() {
        String claimId = approvedClaim();
        Response asApprover = api.post("/api/v1/settlement/bank-outcomes", APPROVER, APPROVER + "-pw",
                Map.of("outcomes", List.of(outcome(claimId, "x-1", "PAID", null))));
        assertThat(asApprover.status()).isEqualTo(403);
        assertOk(schedule(claimId, "SR-9"), "SCHEDULED");
        JsonNode history = getAs(AUDITOR, claimId).json().path("history");
        assertThat(history.get(history.size() - 1).path("actor").asString()).isEqualTo(SETTLEMENT);
    }
}

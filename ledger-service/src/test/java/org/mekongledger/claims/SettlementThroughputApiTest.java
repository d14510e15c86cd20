package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mekongledger.api.Assessment;
import org.mekongledger.api.ClaimCommands.ApproveClaim;
import org.mekongledger.api.ClaimCommands.FileClaim;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentChannel;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.payment.FxConversion;
import org.mekongledger.support.ApiClient.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A full chunk as the batch sends it: 1,000 instructions in one request, then 1,000 outcomes. The
 * time is logged, not asserted (the floor is the batch's, measured by the bench); what is asserted
 * is that one request records one event per claim and a resend none.
 */
class SettlementThroughputApiTest extends ClaimsApiTestBase {

    private static final Logger log = LoggerFactory.getLogger(SettlementThroughputApiTest.class);
    private static final int CHUNK = 1000;
    private static final BigDecimal APPROVED = new BigDecimal("1080.00");

    @Autowired
    private LedgerCommands commands;

    /** Approved claims made through the commands the desk sends (the HTTP desk is tested elsewhere), one per worker. */
    private List<Map<String, Object>> approvedInstructions() {
        Assessment assessment = new Assessment(true, APPROVED, "THB", "three months at 12,000",
                LocalDate.parse(AS_OF), null, List.of(), List.of("test"));
        Payee payee = new Payee("Thida Sok", PaymentChannel.BANK_ACCOUNT, "KHM", "KHR", "ABAAKHPP", null,
                "000123456", null, null, null);
        List<Map<String, Object>> instructions = new ArrayList<>();
        for (int i = 0; i < CHUNK; i++) {
            String workerId = registerWorker("KHM");
            String claimId = UUID.randomUUID().toString();
            commands.sendAs(OFFICER, new FileClaim(workerId, claimId, "TH_SSF_S33", LUMP_SUM, LocalDate.parse(AS_OF),
                    null, payee, assessment));
            commands.sendAs(APPROVER, new ApproveClaim(workerId, claimId, assessment, null));
            Map<String, Object> instruction = new LinkedHashMap<>();
            instruction.put("claimId", claimId);
            instruction.put("settlementRun", "SR-2026-12-01");
            instruction.put("endToEndId", claimId.replace("-", "") + "-1");
            instruction.put("debtorAccount", "TESTBANK01");
            instruction.put("amount", "1080.00");
            instruction.put("currency", "THB");
            instruction.put("paidAmount", FxConversion.convert(APPROVED, TEST_RATE, "KHR").toPlainString());
            instruction.put("paidCurrency", "KHR");
            instruction.put("rate", TEST_RATE.toPlainString());
            instruction.put("rateDate", "2026-12-01");
            instruction.put("rateSource", "test rate");
            instructions.add(instruction);
        }
        return instructions;
    }

    @Test
    void aChunkOfAThousandIsOneRequestRecordedOnce() {
        List<Map<String, Object>> instructions = approvedInstructions();
        long events = eventCount();

        long started = System.nanoTime();
        Response scheduled = scheduleAll(instructions);
        long scheduling = (System.nanoTime() - started) / 1_000_000;
        assertThat(scheduled.status()).as(scheduled.raw().body()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(events + CHUNK);

        started = System.nanoTime();
        Response resent = scheduleAll(instructions);
        long resending = (System.nanoTime() - started) / 1_000_000;
        assertThat(resent.status()).isEqualTo(200);
        resent.json().path("results").forEach(result ->
                assertThat(result.path("recorded").asString()).isEqualTo("ALREADY_RECORDED"));
        assertThat(eventCount()).isEqualTo(events + CHUNK);

        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < CHUNK; i++) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("claimId", instructions.get(i).get("claimId"));
            outcome.put("endToEndId", instructions.get(i).get("endToEndId"));
            outcome.put("statusReport", "STS-20261201-1");
            outcome.put("outcome", i % 10 == 0 ? "FAILED" : "PAID");
            if (i % 10 == 0) {
                outcome.put("reasonCode", "AC04");
            }
            outcomes.add(outcome);
        }
        started = System.nanoTime();
        Response reported = outcomes(outcomes, false);
        long reporting = (System.nanoTime() - started) / 1_000_000;
        assertThat(reported.status()).as(reported.raw().body()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(events + 2 * CHUNK);

        log.info("settlement chunk of {}: scheduling {} ms, resending {} ms, bank outcomes {} ms", CHUNK, scheduling,
                resending, reporting);
    }
}

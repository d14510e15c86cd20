package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mekongledger.support.ApiClient.Response;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Bad claims are refused naming the field, recording nothing; the payee's personal payment data
 * never reaches the log, even with the service's own logging at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
// an operator chasing a fault turns on DEBUG, Spring's web layer included (it prints request bodies at DEBUG)
@TestPropertySource(properties = {"logging.level.org.mekongledger=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.axonframework=DEBUG"})
class ClaimRequestsApiTest extends ClaimsApiTestBase {

    private static final String PAYEE_NAME = "Sokunthea Vannak";
    private static final String ACCOUNT = "998877665544";
    private static final String MSISDN = "+85599887766";

    @Test
    void malformedAndInvalidClaimsAreRefusedNamingTheFieldAndRecordNothing() {
        InsuredWorker worker = insuredWorker("KHM");
        Map<String, Object> good = claim(worker.workerId());
        long events = eventCount();

        assertInvalid(with(good, "workerId", null), "workerId");
        assertInvalid(with(good, "scheme", null), "scheme");
        assertInvalid(with(good, "benefit", null), "benefit");
        assertInvalid(with(good, "asOf", null), "asOf");
        assertInvalid(with(good, "payee", null), "payee");
        assertInvalid(with(good, "scheme", "TH_SSF_S99"), "scheme");
        assertInvalid(with(good, "workerId", "12"), "workerId");
        assertInvalid(with(good, "benefit", "old age"), "benefit");
        assertInvalid(with(good, "benefit", "B".repeat(65)), "benefit");
        assertInvalid(with(good, "asOf", "2026-13-01"), "asOf");
        assertInvalid(with(good, "asOf", "1900-01-01"), "asOf");
        assertInvalid(with(good, "ground", Map.of("type", "ABDUCTED", "date", "2025-12-20")), "ground.type");
        assertInvalid(with(good, "ground", Map.of("type", "PERMANENT_DEPARTURE", "date", "2025-12-20")), "ground.country");
        assertInvalid(with(good, "ground", Map.of("type", "PERMANENT_DEPARTURE", "date", "2026-02-01", "country", "KHM")),
                "ground.date");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "channel", "PIGEON")), "payee.channel");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "name", "T".repeat(141))), "payee.name");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "name", " ")), "payee.name");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "country", "Cambodia")), "payee.country");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "currency", "riel")), "payee.currency");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "bankBic", "ABA")), "payee.bankBic");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "accountNumber", "1".repeat(35))),
                "payee.accountNumber");
        assertInvalid(with(good, "payee", with(walletPayee("Thida Sok"), "msisdn", "012 345 678")), "payee.msisdn");
        // per channel, as the worker's account checks a payee
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "bankBic", null)), "payee.bankBic");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "bankBic", "AYABMMMY")), "payee.bankBic");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "accountNumber", null)), "payee.accountNumber");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "currency", "EUR")), "payee.currency");
        assertInvalid(with(good, "payee", with(bankPayee("Thida Sok"), "msisdn", "+85512345678")), "payee.msisdn");
        assertInvalid(with(good, "payee", with(walletPayee("Thida Sok"), "msisdn", null)), "payee.msisdn");
        assertInvalid(with(good, "payee", with(walletPayee("Thida Sok"), "walletProvider", null)), "payee.walletProvider");
        assertInvalid(with(good, "payee", Map.of("name", "Thida Sok", "channel", "CASH_PICKUP", "country", "KHM",
                "currency", "KHR")), "payee.pickupPoint");
        // the engine names no such benefit for this worker (a pension needs 180 months)
        assertInvalid(with(good, "benefit", "MOON_PENSION"), "benefit");
        assertInvalid(with(good, "benefit", "OLD_AGE_PENSION"), "benefit");

        Response broken = api.post("/api/v1/claims", OFFICER, OFFICER + "-pw", "{\"workerId\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(fileAs(OFFICER, with(good, "workerId", randomId())).status()).isEqualTo(404);

        assertThat(eventCount()).as("nothing recorded").isEqualTo(events);
        assertThat(api.get("/api/v1/claims?workerId=" + worker.workerId(), AUDITOR, AUDITOR_PW)
                .json().path("total").asLong()).isZero();
    }

    @Test
    void aPensionIsNotClaimableYet() {
        String workerId = registerWorker("KHM");
        String employer = registerEmployer();
        for (int month = 1; month <= 12; month++) {
            assertThat(file(employer, String.format("2024-%02d", month), workerId, "12000.00").status()).isEqualTo(201);
        }
        // sixteen years in Cambodia's scheme count under the agreement: a pension, no longer a lump sum
        assertThat(admin("/api/v1/workers/" + workerId + "/insurance-periods", Map.of("scheme", "KH_NSSF_PENSION",
                "from", "2005-01", "to", "2020-12", "source", "NSSF certificate 2026/114")).status()).isEqualTo(201);
        eventually("/api/v1/workers/" + workerId + "/entitlements?asOf=" + AS_OF,
                r -> r.status() == 200 && r.raw().body().contains("\"benefit\":\"OLD_AGE_PENSION\""));
        long events = eventCount();

        Response pension = fileAs(OFFICER, with(with(claim(workerId), "benefit", "OLD_AGE_PENSION"), "ground", null));

        assertThat(pension.status()).as(pension.raw().body()).isEqualTo(422);
        assertThat(pension.errorFields()).containsExactly("benefit");
        assertThat(pension.raw().body()).contains("pensions are not claimable yet");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void stepsWithBadBodiesAreRefusedNamingTheField() {
        InsuredWorker worker = insuredWorker("KHM");
        String claimId = fileClaim(worker.workerId());
        long events = eventCount();

        assertThat(act(APPROVER, claimId, "rejection", Map.of()).errorFields()).containsExactly("reason");
        assertThat(act(APPROVER, claimId, "rejection", Map.of("reason", "x".repeat(501))).errorFields())
                .containsExactly("reason");
        assertThat(act(OFFICER, claimId, "cancellation", Map.of("reason", "  ")).errorFields()).containsExactly("reason");
        assertThat(act(APPROVER, claimId, "approval", Map.of("newPayee", with(walletPayee("Thida Sok"), "msisdn", "5")))
                .errorFields()).containsExactly("newPayee.msisdn");
        assertThat(act(APPROVER, claimId, "approval", Map.of("newPayee", walletPayee("Thida Sok"))).errorFields())
                .as("a new payee only when a failed claim is approved again").containsExactly("newPayee");
        Map<String, Object> badRun = new java.util.LinkedHashMap<>(instructionFor(claimId, "RUN-1"));
        badRun.put("settlementRun", "run 1");
        assertThat(scheduleAll(List.of(badRun)).errorFields()).containsExactly("instructions[0].settlementRun");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(getAs(AUDITOR, claimId).json().path("status").asString()).isEqualTo("FILED");
    }

    @Test
    void personalPaymentDataIsNeverLogged(CapturedOutput output) {
        InsuredWorker worker = insuredWorker("KHM");
        Map<String, Object> payee = bankPayee(PAYEE_NAME);
        payee.put("accountNumber", ACCOUNT);
        Response filed = fileAs(OFFICER_APPROVER, with(claim(worker.workerId()), "payee", payee));
        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        String claimId = filed.json().path("claimId").asString();
        assertThat(filed.json().path("payeeNameMatches").asBoolean()).as("flagged for the approver").isFalse();

        // refusals: maker-checker, a wrong state, a bad payee
        assertThat(approve(OFFICER_APPROVER, claimId).status()).isEqualTo(403);
        assertThat(schedule(claimId, "RUN-1").status()).isEqualTo(409);
        Map<String, Object> badWallet = walletPayee(PAYEE_NAME);
        badWallet.put("msisdn", MSISDN + "999999");
        assertThat(fileAs(OFFICER, with(claim(worker.workerId()), "payee", badWallet)).errorFields())
                .containsOnly("payee.msisdn");
        Map<String, Object> noBank = with(payee, "bankBic", null);
        assertThat(fileAs(OFFICER, with(claim(worker.workerId()), "payee", noBank)).status()).isIn(409, 422);
        assertOk(approve(APPROVER, claimId), "APPROVED");
        assertOk(schedule(claimId, "RUN-1"), "SCHEDULED");
        assertOk(failed(claimId, "AC04", "account closed"), "FAILED");
        Map<String, Object> wallet = walletPayee(PAYEE_NAME);
        wallet.put("msisdn", MSISDN);
        assertOk(act(APPROVER, claimId, "approval", Map.of("newPayee", wallet)), "APPROVED");

        assertThat(output.getAll()).doesNotContain(PAYEE_NAME).doesNotContain(ACCOUNT).doesNotContain(MSISDN)
                .doesNotContain("Sokunthea");
    }

    private void assertInvalid(Map<String, Object> claim, String field) {
        Response refused = fileAs(OFFICER, claim);
        assertThat(refused.status()).as(field + ": " + refused.raw().body()).isEqualTo(422);
        assertThat(refused.errorFields()).as(field + ": " + refused.raw().body()).contains(field);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }
}

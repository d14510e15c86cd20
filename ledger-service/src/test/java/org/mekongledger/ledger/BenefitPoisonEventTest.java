package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mekongledger.api.ClaimEvents.ClaimApproved;
import org.mekongledger.api.ClaimEvents.ClaimPaid;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentChannel;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A benefit event the journal cannot book truthfully is dead-lettered with its cause, never booked
 * on a guess: an approval of a claim the ledger never saw filed (its scheme and benefit unknown), a
 * payment that carries no instruction (its paid currency unknown). The ledger goes on with other
 * workers, and the reconciliation names the claims whose events have no entry.
 */
class BenefitPoisonEventTest extends ApiTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void aBenefitEventThatCannotBeBookedIsDeadLetteredAndTheLedgerGoesOn() {
        String strangerWorker = randomId();
        String strangerClaim = randomId();
        deskKnows(strangerClaim, strangerWorker);
        eventStore.publish(new GenericDomainEventMessage<>("WorkerAccount", strangerWorker, 0,
                new ClaimApproved(strangerWorker, strangerClaim, new BigDecimal("1080.00"), "THB", null,
                        new Payee("Thida Sok", PaymentChannel.BANK_ACCOUNT, "KHM", "KHR", "ABAAKHPP", null, "000123456",
                                null, null, null), true,
                        "approver")));
        String bareWorker = randomId();
        String bareClaim = randomId();
        deskKnows(bareClaim, bareWorker);
        // known to the journal as filed, so only the missing instruction stops its payment
        owner().update("insert into ledger_claim (claim_id, worker_id, scheme, benefit) values (?, ?, ?, ?)",
                bareClaim, bareWorker, "TH_SSF_S33", "OLD_AGE_LUMP_SUM");
        eventStore.publish(new GenericDomainEventMessage<>("WorkerAccount", bareWorker, 0,
                new ClaimPaid(bareWorker, bareClaim, "ABA-1", "P2-1", null, "settlement")));

        String employer = registerEmployer();
        String worker = registerWorker("MMR");
        assertThat(file(employer, "2025-06", worker, "15000.00").status()).isEqualTo(201);
        eventually("/api/v1/workers/" + worker + "/ledger",
                r -> r.status() == 200 && r.json().path("entries").path("totalEntries").asLong() == 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from dead_letter_entry where processing_group = 'ledger'", Long.class) == 2);
        List<Map<String, Object>> dead = jdbc.queryForList("""
                select sequence_identifier, cause_message from dead_letter_entry
                where processing_group = 'ledger' order by sequence_identifier""");
        assertThat(dead).extracting(row -> row.get("sequence_identifier"))
                .containsExactlyInAnyOrder(strangerWorker, bareWorker);
        assertThat(dead).extracting(row -> (String) row.get("cause_message")).anySatisfy(cause ->
                assertThat(cause).contains(strangerClaim).contains("never filed"));
        assertThat(dead).extracting(row -> (String) row.get("cause_message")).anySatisfy(cause ->
                assertThat(cause).contains(bareClaim).contains("no payment instruction"));
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where line_kind = 'BENEFIT'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from run_instruction", Long.class)).isZero();

        Response reconciliation = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/ledger/reconciliation", ADMIN, ADMIN_PW),
                r -> r.status() == 200 && r.json().path("projectionLag").asLong() == 0);
        assertThat(reconciliation.json().path("balanced").asBoolean()).isFalse();
        assertThat(reconciliation.json().path("differenceCount").asLong()).isEqualTo(2);
        Map<String, String> missing = new java.util.HashMap<>();
        for (JsonNode difference : reconciliation.json().path("differences")) {
            assertThat(difference.path("eventStored").asBoolean()).isTrue();
            assertThat(difference.path("entriesFound").asLong()).isZero();
            missing.put(difference.path("claimId").asString(),
                    difference.path("eventType").asString() + " " + difference.path("entryKind").asString());
        }
        assertThat(missing).containsOnly(Map.entry(strangerClaim, "ClaimApproved BENEFIT_APPROVAL"),
                Map.entry(bareClaim, "ClaimPaid BENEFIT_PAYMENT"));
    }

    /** The claims desk's row (its projection records each step against it); the journal is the test's subject. */
    private void deskKnows(String claimId, String workerId) {
        owner().update("""
                insert into claim_view (claim_id, worker_id, worker_name, nationality, scheme, benefit, as_of, status,
                    amount, currency, payee, payee_name_matches, filed_assessment, filed_by, filed_at)
                values (?, ?, 'Thida Sok', 'KHM', 'TH_SSF_S33', 'OLD_AGE_LUMP_SUM', '2026-01-01', 'FILED', 1080.00,
                        'THB', '{}', true, '{}', 'claims-officer', now())""", claimId, workerId);
    }
}

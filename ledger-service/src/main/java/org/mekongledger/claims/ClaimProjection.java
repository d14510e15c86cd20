package org.mekongledger.claims;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mekongledger.api.ClaimEvents.ClaimApproved;
import org.mekongledger.api.ClaimEvents.ClaimCancelled;
import org.mekongledger.api.ClaimEvents.ClaimFailed;
import org.mekongledger.api.ClaimEvents.ClaimFiled;
import org.mekongledger.api.ClaimEvents.ClaimPaid;
import org.mekongledger.api.ClaimEvents.ClaimRejected;
import org.mekongledger.api.ClaimEvents.ClaimScheduled;
import org.mekongledger.api.ClaimStatus;
import org.mekongledger.registry.WorkerQueries;
import org.mekongledger.web.contract.model.Worker;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the claims read model: each claim's state now and every step taken. A subscribing
 * processor ({@link ClaimsConfiguration}): written in the command's transaction, so the claim is
 * there when its command returns, and a failure here fails the command instead of hiding a gap.
 */
@Component
@ProcessingGroup(ClaimProjection.PROCESSING_GROUP)
class ClaimProjection {

    static final String PROCESSING_GROUP = "claims";
    /** The fund's day: a claim approved at 00:30 in Bangkok was approved that day, whatever UTC says. */
    static final ZoneId FUND_DAY = ZoneId.of("Asia/Bangkok");

    private final JdbcClient jdbc;
    private final WorkerQueries workers;

    ClaimProjection(JdbcClient jdbc, WorkerQueries workers) {
        this.jdbc = jdbc;
        this.workers = workers;
    }

    @EventHandler
    void on(ClaimFiled event, @org.axonframework.eventhandling.Timestamp Instant at) {
        // the directory is written in the registration's transaction: the worker is always there
        Worker worker = workers.worker(event.workerId())
                .orElseThrow(() -> new IllegalStateException("a claim on an unregistered worker " + event.workerId()));
        jdbc.sql("""
                        insert into claim_view (claim_id, worker_id, worker_name, nationality, scheme, benefit, as_of,
                            ground, status, amount, currency, payee, payee_name_matches, filed_assessment, filed_by,
                            filed_at)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?)
                        on conflict (claim_id) do nothing""")
                .params(event.claimId(), event.workerId(), nameOf(worker), worker.getNationality(), event.scheme(),
                        event.benefit(), event.asOf(), ClaimJson.write(event.ground()), ClaimStatus.FILED.name(),
                        event.assessment().amount(), event.assessment().currency(), ClaimJson.write(event.payee()),
                        event.payeeNameMatches(), ClaimJson.write(event.assessment()), event.actor(), Timestamp.from(at))
                .update();
        step(event.claimId(), ClaimStatus.FILED, event.actor(), at, null);
    }

    @EventHandler
    void on(ClaimApproved event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        update claim_view set status = ?, amount = ?, currency = ?, approval_assessment = cast(? as jsonb),
                            payee = cast(? as jsonb), payee_name_matches = ?, decided_by = ?, decided_at = ?,
                            approved_on = ?, reason = null, failure_code = null
                        where claim_id = ?""")
                .params(ClaimStatus.APPROVED.name(), event.amount(), event.currency(),
                        ClaimJson.write(event.reassessment()), ClaimJson.write(event.payee()), event.payeeNameMatches(),
                        event.actor(), Timestamp.from(at), LocalDate.ofInstant(at, FUND_DAY), event.claimId())
                .update();
        step(event.claimId(), ClaimStatus.APPROVED, event.actor(), at, null);
    }

    @EventHandler
    void on(ClaimRejected event, @org.axonframework.eventhandling.Timestamp Instant at) {
        decided(event.claimId(), ClaimStatus.REJECTED, event.actor(), at, event.reason());
    }

    @EventHandler
    void on(ClaimCancelled event, @org.axonframework.eventhandling.Timestamp Instant at) {
        decided(event.claimId(), ClaimStatus.CANCELLED, event.actor(), at, event.reason());
    }

    @EventHandler
    void on(ClaimScheduled event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        update claim_view set status = ?, settlement_run = ?, instruction = cast(? as jsonb),
                            end_to_end_id = ?, instructions = instructions + 1, bank_reference = null,
                            status_report = null
                        where claim_id = ?""")
                .params(ClaimStatus.SCHEDULED.name(), event.settlementRun(), ClaimJson.write(event.instruction()),
                        event.instruction() == null ? null : event.instruction().endToEndId(), event.claimId())
                .update();
        step(event.claimId(), ClaimStatus.SCHEDULED, event.actor(), at, null);
    }

    @EventHandler
    void on(ClaimPaid event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("update claim_view set status = ?, bank_reference = ?, status_report = ? where claim_id = ?")
                .params(ClaimStatus.PAID.name(), event.bankReference(), event.statusReport(), event.claimId())
                .update();
        step(event.claimId(), ClaimStatus.PAID, event.actor(), at, null);
    }

    @EventHandler
    void on(ClaimFailed event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("update claim_view set status = ?, failure_code = ?, reason = ?, status_report = ? where claim_id = ?")
                .params(ClaimStatus.FAILED.name(), event.reasonCode(), event.reason(), event.statusReport(),
                        event.claimId())
                .update();
        step(event.claimId(), ClaimStatus.FAILED, event.actor(), at, event.reason());
    }

    private void decided(String claimId, ClaimStatus status, String actor, Instant at, String reason) {
        jdbc.sql("update claim_view set status = ?, decided_by = ?, decided_at = ?, reason = ? where claim_id = ?")
                .params(status.name(), actor, Timestamp.from(at), reason, claimId)
                .update();
        step(claimId, status, actor, at, reason);
    }

    private void step(String claimId, ClaimStatus status, String actor, Instant at, String reason) {
        jdbc.sql("insert into claim_history (claim_id, status, actor, at, reason) values (?, ?, ?, ?, ?)")
                .params(claimId, status.name(), actor, Timestamp.from(at), reason)
                .update();
    }

    private static String nameOf(Worker worker) {
        return (worker.getGivenName() + " " + worker.getFamilyName()).strip();
    }
}

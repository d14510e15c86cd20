package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.axon.Savepoints;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mekongledger.api.ClaimEvents.ClaimApproved;
import org.mekongledger.api.ClaimEvents.ClaimFailed;
import org.mekongledger.api.ClaimEvents.ClaimFiled;
import org.mekongledger.api.ClaimEvents.ClaimPaid;
import org.mekongledger.api.ClaimEvents.ClaimScheduled;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.ContributionReversed;
import org.mekongledger.api.ContributionsFiled;
import org.mekongledger.api.FilingReversed;
import org.mekongledger.api.WelfareFeeRecorded;
import org.mekongledger.api.WelfareFeeReversed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Books every filing line and its reversal, and every benefit's approval, payment and failure, as a
 * journal entry, and keeps the filing register and the claims it books benefits for.
 * Every kind of line (wage, fee, benefit) takes the one path: its event becomes a {@link Booking} (one small
 * class per kind maps it), and entries of one processor batch are written with one COPY per kind
 * when the batch commits, in the same transaction as the processor's token: nothing is lost. An
 * event delivered again (the processor is at-least-once: a token update lost after its entries
 * committed, a segment taken over by another replica mid-batch) is booked once only: the journal
 * holds one entry per event (unique event_id, migrations V15 and V16), and an event already booked
 * is skipped with its amounts.
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
class LedgerProjection {

    static final String PROCESSING_GROUP = "ledger";
    private static final String PENDING_ENTRIES = LedgerProjection.class.getName() + ".pending";
    /** The columns every entry has, before its kind's own; booked_at follows them. */
    private static final List<String> ENTRY_COLUMNS = List.of("event_id", "kind", "line_kind", "worker_id", "scheme",
            "filing_id", "employer_account", "period", "rule_set_version", "currency");
    private static final String ADD_TO_ACCOUNT = """
            insert into ledger_account_total (account, currency, debit, credit) values (?, ?, ?, ?)
            on conflict (account, currency)
            do update set debit = ledger_account_total.debit + excluded.debit,
                          credit = ledger_account_total.credit + excluded.credit""";

    private static final String INSTRUCTED = """
            insert into run_instruction (end_to_end_id, settlement_run, claim_id, worker_id, amount, currency,
                paid_amount, paid_currency, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (end_to_end_id)""";

    private final JdbcTemplate jdbc;

    LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // Axon dispatches by payload type: one line per event, the kind's class does the mapping

    @EventHandler
    void on(ContributionRecorded event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, at, WageEntry.recorded(event));
    }

    @EventHandler
    void on(ContributionReversed event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, at, WageEntry.reversed(event));
    }

    @EventHandler
    void on(WelfareFeeRecorded event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, at, FeeEntry.recorded(event));
    }

    @EventHandler
    void on(WelfareFeeReversed event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, at, FeeEntry.reversed(event));
    }

    /** The claim's scheme and benefit, which its approval, payment and failure do not name. */
    @EventHandler
    void on(ClaimFiled event) {
        Savepoints.run(jdbc.getDataSource(), () -> jdbc.update("""
                        insert into ledger_claim (claim_id, worker_id, scheme, benefit) values (?, ?, ?, ?)
                        on conflict (claim_id) do nothing""",
                event.claimId(), event.workerId(), event.scheme(), event.benefit()));
    }

    @EventHandler
    void on(ClaimApproved event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, at, BenefitEntry.approved(event, claim(event.claimId())));
    }

    /** Scheduling books nothing (no money moved); the run's instruction is kept for its summary. */
    @EventHandler
    void on(ClaimScheduled event) {
        if (event.instruction() == null) {
            throw new IllegalStateException("ClaimScheduled of claim " + event.claimId() + " carries no instruction");
        }
        pendingBookings().instructions.putIfAbsent(event.instruction().endToEndId(),
                instruction(event.workerId(), event.claimId(), event.instruction(), "SCHEDULED"));
    }

    @EventHandler
    void on(ClaimPaid event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, at, BenefitEntry.paid(event, claim(event.claimId())));
        pendingBookings().outcomes.put(event.instruction().endToEndId(),
                instruction(event.workerId(), event.claimId(), event.instruction(), "PAID"));
    }

    @EventHandler
    void on(ClaimFailed event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, at, BenefitEntry.failed(event, claim(event.claimId())));
        pendingBookings().outcomes.put(event.instruction().endToEndId(),
                instruction(event.workerId(), event.claimId(), event.instruction(), "FAILED"));
    }

    private static Object[] instruction(String workerId, String claimId, PaymentInstruction instruction, String status) {
        return new Object[] {instruction.endToEndId(), instruction.settlementRun(), claimId, workerId,
                instruction.amount(), instruction.currency(), instruction.paidAmount(), instruction.paidCurrency(),
                status};
    }

    @EventHandler
    void on(ContributionsFiled event, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(LedgerCommands.ACTOR) String actor) {
        Savepoints.run(jdbc.getDataSource(), () -> jdbc.update("""
                        insert into contribution_filing_view (filing_id, scheme, employer_account, period,
                            rule_set_version, currency, status, filed_at, filed_by, worker_ids, employer_province,
                            version_reason)
                        values (?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?) on conflict (filing_id) do nothing""",
                event.filingId(), event.scheme(), event.employerAccount(), event.period().toString(),
                event.ruleSetVersion(), event.currency(), Timestamp.from(at), actor,
                event.workerIds().toArray(String[]::new), event.employerProvince(), event.versionReason()));
    }

    @EventHandler
    void on(FilingReversed event, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(LedgerCommands.ACTOR) String actor) {
        Savepoints.run(jdbc.getDataSource(), () -> jdbc.update("""
                        update contribution_filing_view
                        set status = 'REVERSED', reversal_reason = ?, reversed_at = ?, reversed_by = ?
                        where filing_id = ?""",
                event.reason(), Timestamp.from(at), actor, event.filingId()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate ledger_entry, ledger_account_total, contribution_filing_view, ledger_claim, run_instruction");
    }

    /**
     * The claim as its ClaimFiled named it, booked earlier in this transaction or before: a worker's
     * events reach one segment in order. A claim the ledger never saw filed is an error (the event
     * is dead-lettered), never booked under a guessed scheme.
     */
    private BenefitEntry.Claim claim(String claimId) {
        List<BenefitEntry.Claim> claims = jdbc.query("select scheme, benefit from ledger_claim where claim_id = ?",
                (row, n) -> new BenefitEntry.Claim(claimId, row.getString("scheme"), row.getString("benefit")), claimId);
        if (claims.isEmpty()) {
            throw new IllegalStateException("claim " + claimId + " was never filed as far as the ledger knows");
        }
        return claims.get(0);
    }

    /** Every entry, whatever its kind: collected for the batch's commit, once per event. */
    private void book(String eventId, Instant at, Booking booking) {
        List<Object> row = new ArrayList<>(ENTRY_COLUMNS.size() + 16);
        row.addAll(Arrays.asList(eventId, booking.kind().name(), booking.line().lineKind().name(), booking.workerId(),
                booking.scheme(), booking.filingId(), booking.employerAccount(),
                booking.period() == null ? null : booking.period().toString(),
                booking.ruleSetVersion(), booking.currency()));
        row.addAll(booking.line().values());
        row.add(at);
        pendingBookings().entries.putIfAbsent(eventId, new PendingEntry(booking.line().lineKind(), row.toArray(),
                booking.workerId(), booking.currency(), booking.line().postings(booking.kind(), booking.scheme())));
    }

    private static List<String> columns(LineKind kind) {
        List<String> columns = new ArrayList<>(ENTRY_COLUMNS);
        columns.addAll(kind.columns());
        columns.add("booked_at");
        return columns;
    }

    private static void addTo(PendingBookings pending, String account, String currency, boolean debit, BigDecimal amount) {
        BigDecimal[] debitCredit = pending.accountTotals.computeIfAbsent(List.of(account, currency),
                key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        int side = debit ? 0 : 1;
        debitCredit[side] = debitCredit[side].add(amount);
    }

    /** Which of these events have an entry in the journal already (committed before this batch). */
    private Set<String> bookedBefore(Set<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList("select event_id from ledger_entry where event_id = any (?)",
                String.class, (Object) eventIds.toArray(String[]::new)));
    }

    /** An entry waiting for the batch's commit, with what it adds to the accounts. */
    private record PendingEntry(LineKind lineKind, Object[] row, String workerId, String currency,
                                List<ChartOfAccounts.Posting> postings) {
    }

    /** What one processor batch books: its journal entries and what they add to each account. */
    private static final class PendingBookings {
        /** By event id: an event delivered twice within one batch is one entry too. */
        final Map<String, PendingEntry> entries = new LinkedHashMap<>();
        final Set<String> workerIds = new HashSet<>();
        /** Settlement runs' instructions scheduled, and their outcomes, by end-to-end id. */
        final Map<String, Object[]> instructions = new LinkedHashMap<>();
        final Map<String, Object[]> outcomes = new LinkedHashMap<>();
        /** Sorted, so concurrent writers would lock accounts in one order. */
        final Map<List<String>, BigDecimal[]> accountTotals = new TreeMap<>(
                Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
    }

    /** Bookings collected during the processor's unit of work, written once just before it commits. */
    private PendingBookings pendingBookings() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("ledger entries are booked inside a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING_ENTRIES, key -> {
            PendingBookings pending = new PendingBookings();
            root.onPrepareCommit(unitOfWork -> write(pending));
            return pending;
        });
    }

    private void write(PendingBookings pending) {
        Set<String> bookedBefore = bookedBefore(pending.entries.keySet());
        // one COPY per kind of line, each with its kind's columns: a batch of wage lines is one COPY
        Map<LineKind, List<Object[]>> rowsByKind = new LinkedHashMap<>();
        for (Map.Entry<String, PendingEntry> entry : pending.entries.entrySet()) {
            if (bookedBefore.contains(entry.getKey())) {
                continue; // delivered again: booked once, with its amounts, in an earlier transaction
            }
            PendingEntry booking = entry.getValue();
            rowsByKind.computeIfAbsent(booking.lineKind(), kind -> new ArrayList<>(pending.entries.size()))
                    .add(booking.row());
            pending.workerIds.add(booking.workerId());
            for (ChartOfAccounts.Posting posting : booking.postings()) {
                addTo(pending, posting.account(), booking.currency(), posting.side() == ChartOfAccounts.Side.DEBIT,
                        posting.amount());
            }
        }
        // a replica booking the same events concurrently commits first: this COPY then fails on the
        // unique event_id, the batch rolls back, and the processor retries it, skipping them
        rowsByKind.forEach((kind, rows) -> CopyIn.rows(jdbc, "ledger_entry", columns(kind), rows));
        WorkerChanges.announce(jdbc, pending.workerIds);
        List<Object[]> totals = new ArrayList<>();
        pending.accountTotals.forEach((key, debitCredit) ->
                totals.add(new Object[] {key.get(0), key.get(1), debitCredit[0], debitCredit[1]}));
        jdbc.batchUpdate(ADD_TO_ACCOUNT, totals);
        // idempotent, so an event delivered again changes nothing: a scheduling never undoes an
        // outcome, and an outcome carries its whole instruction, so it stands without its scheduling
        if (!pending.instructions.isEmpty()) {
            jdbc.batchUpdate(INSTRUCTED + " do nothing", new ArrayList<>(pending.instructions.values()));
        }
        if (!pending.outcomes.isEmpty()) {
            jdbc.batchUpdate(INSTRUCTED + " do update set status = excluded.status",
                    new ArrayList<>(pending.outcomes.values()));
        }
    }
}

package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.ContributionReversed;
import org.mekongledger.api.ContributionsFiled;
import org.mekongledger.api.FilingReversed;
import org.mekongledger.api.WelfareFeeRecorded;
import org.mekongledger.api.WelfareFeeReversed;
import org.mekongledger.vocabulary.FeePayer;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Books every contribution and reversal as a journal entry, and keeps the filing register.
 * Entries of one processor batch are written with a single JDBC batch when the batch commits,
 * in the same transaction as the processor's token: nothing is lost. An event delivered again (the
 * processor is at-least-once: a token update lost after its entries committed, a segment taken over
 * by another replica mid-batch) is booked once only: each journal holds one entry per event
 * (unique event_id, migration V15), and an event already booked is skipped with its amounts.
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
class LedgerProjection {

    static final String PROCESSING_GROUP = "ledger";
    private static final String PENDING_ENTRIES = LedgerProjection.class.getName() + ".pending";
    private static final List<String> ENTRY_COLUMNS = entryColumns();
    private static final String ADD_TO_ACCOUNT = """
            insert into ledger_account_total (account, currency, debit, credit) values (?, ?, ?, ?)
            on conflict (account, currency)
            do update set debit = ledger_account_total.debit + excluded.debit,
                          credit = ledger_account_total.credit + excluded.credit""";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    LedgerProjection(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventHandler
    void on(ContributionRecorded event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, EntryKind.CONTRIBUTION, event.workerId(), event.scheme(), event.filingId(), event.employerAccount(),
                event.period(), event.ruleSetVersion(), event.currency(), event.wage(), event.insurableWage(),
                event.shares(), at);
    }

    @EventHandler
    void on(ContributionReversed event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        book(eventId, EntryKind.REVERSAL, event.workerId(), event.scheme(), event.filingId(), event.employerAccount(),
                event.period(), null, event.currency(), event.wage(), event.insurableWage(), event.shares(), at);
    }

    @EventHandler
    void on(ContributionsFiled event, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(LedgerCommands.ACTOR) String actor) {
        Savepoints.run(jdbc.getDataSource(), () -> jdbc.update("""
                        insert into contribution_filing_view (filing_id, scheme, employer_account, period,
                            rule_set_version, currency, status, filed_at, filed_by, worker_ids)
                        values (?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?) on conflict (filing_id) do nothing""",
                event.filingId(), event.scheme(), event.employerAccount(), event.period().toString(),
                event.ruleSetVersion(), event.currency(), Timestamp.from(at), actor,
                event.workerIds().toArray(String[]::new)));
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

    private static List<String> entryColumns() {
        List<String> columns = new ArrayList<>(List.of("event_id", "kind", "worker_id", "scheme", "filing_id",
                "employer_account", "period", "rule_set_version", "currency", "wage", "insurable_wage"));
        columns.addAll(AmountColumns.columns());
        columns.add("booked_at");
        return List.copyOf(columns);
    }

    @EventHandler
    void on(WelfareFeeRecorded event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        bookFee(eventId, EntryKind.CONTRIBUTION, event.workerId(), event.scheme(), event.filingId(),
                event.employerAccount(), event.period(), event.ruleSetVersion(), event.payer(), event.currency(),
                event.amount(), at);
    }

    @EventHandler
    void on(WelfareFeeReversed event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        bookFee(eventId, EntryKind.REVERSAL, event.workerId(), event.scheme(), event.filingId(),
                event.employerAccount(), event.period(), null, event.payer(), event.currency(), event.amount(), at);
    }

    /** Fees are few (one per contract): written as they come, their account totals with the batch. */
    private void bookFee(String eventId, EntryKind kind, String workerId, String scheme, String filingId,
                         String employerAccount, YearMonth period, String ruleSetVersion, FeePayer payer,
                         String currency, BigDecimal amount, Instant at) {
        int[] booked = new int[1];
        // an entry of this event already there (or being committed by another replica) is kept, not doubled
        Savepoints.run(jdbc.getDataSource(), () -> booked[0] = jdbc.update("""
                        insert into welfare_fee_entry (event_id, kind, worker_id, scheme, filing_id, employer_account,
                            period, rule_set_version, payer, currency, amount, booked_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (event_id) do nothing""",
                eventId, kind.name(), workerId, scheme, filingId, employerAccount, period.toString(), ruleSetVersion,
                payer.name(), currency, amount, Timestamp.from(at)));
        if (booked[0] == 0) {
            return; // booked before: its amounts are in the account totals already
        }
        PendingBookings pending = pendingBookings();
        pending.workerIds.add(workerId);
        boolean contribution = kind == EntryKind.CONTRIBUTION;
        addTo(pending, ChartOfAccounts.feeReceivable(scheme, payer.name()), currency, contribution, amount);
        addTo(pending, ChartOfAccounts.fundOf(scheme, payer.name()), currency, !contribution, amount);
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

    @ResetHandler
    void reset() {
        jdbc.update("truncate ledger_entry, welfare_fee_entry, ledger_account_total, contribution_filing_view");
    }

    private void book(String eventId, EntryKind kind, String workerId, String scheme, String filingId,
                      String employerAccount, YearMonth period, String ruleSetVersion, String currency,
                      BigDecimal wage, BigDecimal insurableWage, Map<Party, PartyShare> shares, Instant at) {
        List<Object> row = new ArrayList<>(List.of(eventId, kind.name(), workerId, scheme, filingId, employerAccount,
                period.toString()));
        row.add(ruleSetVersion);
        row.addAll(List.of(currency, wage, insurableWage));
        row.addAll(AmountColumns.values(shares));
        row.add(at);
        pendingBookings().entries.putIfAbsent(eventId, new PendingEntry(row.toArray(), workerId, currency,
                ChartOfAccounts.postings(kind, scheme, AmountColumns.amounts(shares))));
    }

    /** A contribution or reversal waiting for the batch's commit, with what it adds to the accounts. */
    private record PendingEntry(Object[] row, String workerId, String currency, List<ChartOfAccounts.Posting> postings) {
    }

    /** What one processor batch books: its journal entries and what they add to each account. */
    private static final class PendingBookings {
        /** By event id: an event delivered twice within one batch is one entry too. */
        final Map<String, PendingEntry> entries = new java.util.LinkedHashMap<>();
        final java.util.Set<String> workerIds = new java.util.HashSet<>();
        /** Sorted, so concurrent writers would lock accounts in one order. */
        final Map<List<String>, BigDecimal[]> accountTotals = new TreeMap<>(
                java.util.Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
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
        List<Object[]> rows = new ArrayList<>(pending.entries.size());
        for (Map.Entry<String, PendingEntry> entry : pending.entries.entrySet()) {
            if (bookedBefore.contains(entry.getKey())) {
                continue; // delivered again: booked once, with its amounts, in an earlier transaction
            }
            PendingEntry booking = entry.getValue();
            rows.add(booking.row());
            pending.workerIds.add(booking.workerId());
            for (ChartOfAccounts.Posting posting : booking.postings()) {
                addTo(pending, posting.account(), booking.currency(), posting.side() == ChartOfAccounts.Side.DEBIT,
                        posting.amount());
            }
        }
        // a replica booking the same events concurrently commits first: this COPY then fails on the
        // unique event_id, the batch rolls back, and the processor retries it, skipping them
        CopyIn.rows(jdbc, "ledger_entry", ENTRY_COLUMNS, rows);
        WorkerChanges.announce(jdbc, pending.workerIds);
        List<Object[]> totals = new ArrayList<>();
        pending.accountTotals.forEach((key, debitCredit) ->
                totals.add(new Object[] {key.get(0), key.get(1), debitCredit[0], debitCredit[1]}));
        jdbc.batchUpdate(ADD_TO_ACCOUNT, totals);
    }
}

package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import org.mekongledger.filing.FilingReceipt;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the journal: a worker's balances and entries (benefits among them), a filing's lines, the trial balance. */
@Component
public class LedgerQueries {

    /** The worker's reversed filings: a small set, read once through the worker index. */
    static final String REVERSED_FILINGS =
            "select r.filing_id from ledger_entry r where r.worker_id = ? and r.kind = 'REVERSAL'";

    /** Entries of wage lines, of fee lines: the journal holds every kind of line in one table. */
    static final String WAGE = "line_kind = '" + WageEntry.KIND.name() + "'";
    static final String FEE = "line_kind = '" + FeeEntry.KIND.name() + "'";

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per scheme, the months with a standing line of the kind. Two employers in one month count once;
     * a reversed filing's month counts only if another standing filing covers it.
     */
    static Map<String, Integer> monthsWithStandingLines(JdbcClient jdbc, String workerId, LineKind kind) {
        Map<String, Integer> months = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.scheme, count(distinct c.period) as months from ledger_entry c
                        where c.worker_id = ? and c.kind = 'CONTRIBUTION' and c.line_kind = ?
                          and c.filing_id not in (""" + REVERSED_FILINGS + """
                        ) group by c.scheme""")
                .params(workerId, kind.name(), workerId)
                .query(row -> {
                    months.put(row.getString("scheme"), row.getInt("months"));
                });
        return months;
    }

    /**
     * A scheme's balances on the worker's account, as its kind of line keeps them (a wage scheme's by
     * party and branch, a welfare fund's by payer), and the months with a standing line.
     */
    public record SchemeBalance(String scheme, String currency, int months, List<Balance> balances) {
    }

    /** One balance: of a party's branch, or of a payer's fees. */
    public record Balance(Party party, Branch branch, String payer, BigDecimal amount) {
    }

    /** A journal entry: what every entry has, and its kind of line (a Section 33 person-month, a fee, a benefit). */
    public record Entry(long entryId, EntryKind kind, String scheme, String period, String filingId,
                        String employerAccount, String currency, String workerId, Instant bookedAt,
                        JournalLine line) {

        public List<ChartOfAccounts.Posting> postings() {
            return line.postings(kind, scheme);
        }

        /** The entry's kind as the ledger page names it, e.g. CONTRIBUTION or FEE. */
        public String journalKind() {
            return line.journalKind(kind);
        }
    }

    public record AccountTotal(String account, BigDecimal debit, BigDecimal credit) {
    }

    /** Everything the worker's ledger page shows, read from one snapshot so its parts agree. */
    public record WorkerLedger(List<SchemeBalance> balances, List<Entry> entries, long entryCount) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WorkerLedger workerLedger(String workerId, int page, int size) {
        return new WorkerLedger(balances(workerId), entries(workerId, page, size), entryCount(workerId));
    }

    /** Every scheme's balances, kind of line by kind of line, each kind's schemes in order. */
    public List<SchemeBalance> balances(String workerId) {
        List<SchemeBalance> balances = new ArrayList<>();
        for (LineKind kind : LineKinds.ALL) {
            balances.addAll(kind.balances().of(jdbc, workerId));
        }
        return balances;
    }

    /** One standing month of a scheme: employers' wages and old-age shares summed for the month. */
    /** @param ruleSetVersions the versions the month's lines were priced under, joined by {@code +} */
    public record StandingMonth(String period, BigDecimal insurableWage, BigDecimal employeeOldAge,
                                BigDecimal employerOldAge, String ruleSetVersions) {
    }

    public List<StandingMonth> standingMonths(String workerId, String scheme) {
        return jdbc.sql("""
                        select c.period, sum(c.insurable_wage) as insurable_wage,
                               sum(c.employee_caoa) as employee_caoa, sum(c.employer_caoa) as employer_caoa,
                               string_agg(distinct c.rule_set_version, '+' order by c.rule_set_version) as versions
                        from ledger_entry c
                        where c.worker_id = ? and c.scheme = ? and c.kind = 'CONTRIBUTION'
                          and c.""" + WAGE + """
                          and c.filing_id not in (""" + REVERSED_FILINGS + """
                        ) group by c.period order by c.period""")
                .params(workerId, scheme, workerId)
                .query((row, n) -> new StandingMonth(row.getString("period"), row.getBigDecimal("insurable_wage"),
                        row.getBigDecimal("employee_caoa"), row.getBigDecimal("employer_caoa"), row.getString("versions")))
                .list();
    }

    /** A standing fee month of a welfare fund: what was paid towards membership that month. */
    public record FeeMonth(String scheme, String period, BigDecimal amount) {
    }

    public List<FeeMonth> standingFees(String workerId) {
        return jdbc.sql("""
                        select f.scheme, f.period, f.fee from ledger_entry f
                        where f.worker_id = ? and f.kind = 'CONTRIBUTION' and f.""" + FEE + """
                          and f.filing_id not in (""" + REVERSED_FILINGS + """
                        ) order by f.scheme, f.period, f.entry_id""")
                .params(workerId, workerId)
                .query((row, n) -> new FeeMonth(row.getString("scheme"), row.getString("period"),
                        row.getBigDecimal("fee")))
                .list();
    }

    /** Entries of every kind, newest first. */
    public List<Entry> entries(String workerId, int page, int size) {
        return jdbc.sql("select * from ledger_entry where worker_id = ? order by entry_id desc limit ? offset ?")
                .params(workerId, size, (long) page * size)
                .query((row, n) -> entry(row))
                .list();
    }

    public long entryCount(String workerId) {
        return jdbc.sql("select count(*) from ledger_entry where worker_id = ?")
                .param(workerId)
                .query(Long.class).single();
    }

    /** The filing's lines as booked, of whatever kind, as the intake answered them. */
    public List<FilingReceipt.Line> filingLines(String filingId) {
        // in the filing's own line order, which the header keeps (entries are booked in parallel)
        return jdbc.sql("""
                        select e.*, f.rule_set_version as filed_under
                        from ledger_entry e join contribution_filing_view f on f.filing_id = e.filing_id
                        where e.filing_id = ? and e.kind = 'CONTRIBUTION'
                        order by array_position(f.worker_ids, e.worker_id::text), e.entry_id""")
                .param(filingId)
                .query((row, n) -> {
                    Entry entry = entry(row);
                    return entry.line().filed(entry, row.getString("filed_under"));
                })
                .list();
    }

    /** Debit and credit per account in one currency, from the running totals the projection keeps. */
    public List<AccountTotal> trialBalance(String currency) {
        return jdbc.sql("select account, debit, credit from ledger_account_total where currency = ? order by account")
                .param(currency)
                .query((row, n) -> new AccountTotal(row.getString("account"), row.getBigDecimal("debit"),
                        row.getBigDecimal("credit")))
                .list();
    }

    private static Entry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Entry(row.getLong("entry_id"), EntryKind.valueOf(row.getString("kind")), row.getString("scheme"),
                row.getString("period"), row.getString("filing_id"), row.getString("employer_account"),
                row.getString("currency"), row.getString("worker_id"), row.getTimestamp("booked_at").toInstant(),
                LineKinds.read(row));
    }
}

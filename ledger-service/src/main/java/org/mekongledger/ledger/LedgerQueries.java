package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the journal: a worker's balances and entries, a filing's lines, the trial balance. */
@Component
public class LedgerQueries {

    /** Signed sum of one amount column: contributions add, reversals subtract. */
    private static final String SIGNED_SUMS = String.join(", ", AmountColumns.columns().stream()
            .map(c -> "sum(case when kind = 'CONTRIBUTION' then " + c + " else -" + c + " end) as " + c)
            .toList());

    /** The worker's reversed filings: a small set, read once through the worker index. */
    private static final String REVERSED_FILINGS =
            "select r.filing_id from ledger_entry r where r.worker_id = ? and r.kind = 'REVERSAL'";

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SchemeBalance(String scheme, String currency, int contributionMonths,
                                Map<Party, Map<Branch, BigDecimal>> balances) {
    }

    /** A journal entry: a Section 33 person-month (amounts by party and branch) or a fee (payer). */
    public record Entry(long entryId, EntryKind kind, String scheme, String period, String filingId,
                        String employerAccount, String currency, String workerId, BigDecimal wage,
                        BigDecimal insurableWage, Map<Party, Map<Branch, BigDecimal>> amounts, Instant bookedAt,
                        String payer, BigDecimal fee) {

        public boolean isFee() {
            return payer != null;
        }

        public List<ChartOfAccounts.Posting> postings() {
            return isFee() ? ChartOfAccounts.feePostings(kind, scheme, payer, fee)
                    : ChartOfAccounts.postings(kind, scheme, amounts);
        }

        public Map<Party, PartyShare> shares() {
            return AmountColumns.shares(amounts);
        }
    }

    public record AccountTotal(String account, BigDecimal debit, BigDecimal credit) {
    }

    /** Everything the worker's ledger page shows, read from one snapshot so its parts agree. */
    public record WorkerLedger(List<SchemeBalance> balances, List<FeeBalance> feeBalances, List<Entry> entries,
                               long entryCount) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WorkerLedger workerLedger(String workerId, int page, int size) {
        return new WorkerLedger(balances(workerId), feeBalances(workerId), entries(workerId, page, size),
                entryCount(workerId));
    }

    public List<SchemeBalance> balances(String workerId) {
        Map<String, Integer> months = contributionMonths(workerId);
        return jdbc.sql("select scheme, currency, " + SIGNED_SUMS
                        + " from ledger_entry where worker_id = ? group by scheme, currency order by scheme")
                .param(workerId)
                .query((row, n) -> new SchemeBalance(row.getString("scheme"), row.getString("currency"),
                        months.getOrDefault(row.getString("scheme"), 0), AmountColumns.read(row, "")))
                .list();
    }

    /**
     * Months with a standing contribution. Two employers in one month count once; a reversed
     * filing's month counts only if another standing filing covers it.
     */
    private Map<String, Integer> contributionMonths(String workerId) {
        Map<String, Integer> months = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.scheme, count(distinct c.period) as months from ledger_entry c
                        where c.worker_id = ? and c.kind = 'CONTRIBUTION'
                          and c.filing_id not in (""" + REVERSED_FILINGS + """
                        ) group by c.scheme""")
                .params(workerId, workerId)
                .query(row -> {
                    months.put(row.getString("scheme"), row.getInt("months"));
                });
        return months;
    }

    /** One standing month of a scheme: employers' wages and old-age shares summed for the month. */
    public record StandingMonth(String period, BigDecimal insurableWage, BigDecimal employeeOldAge,
                                BigDecimal employerOldAge) {
    }

    public List<StandingMonth> standingMonths(String workerId, String scheme) {
        return jdbc.sql("""
                        select c.period, sum(c.insurable_wage) as insurable_wage,
                               sum(c.employee_caoa) as employee_caoa, sum(c.employer_caoa) as employer_caoa
                        from ledger_entry c
                        where c.worker_id = ? and c.scheme = ? and c.kind = 'CONTRIBUTION'
                          and c.filing_id not in (""" + REVERSED_FILINGS + """
                        ) group by c.period order by c.period""")
                .params(workerId, scheme, workerId)
                .query((row, n) -> new StandingMonth(row.getString("period"), row.getBigDecimal("insurable_wage"),
                        row.getBigDecimal("employee_caoa"), row.getBigDecimal("employer_caoa")))
                .list();
    }

    /** A welfare-fund fee line of a filing. */
    public record FeeLine(String workerId, String payer, BigDecimal amount, String currency) {
    }

    public List<FeeLine> filingFees(String filingId) {
        return jdbc.sql("""
                        select worker_id, payer, amount, currency from welfare_fee_entry
                        where filing_id = ? and kind = 'CONTRIBUTION' order by entry_id""")
                .param(filingId)
                .query((row, n) -> new FeeLine(row.getString("worker_id"), row.getString("payer"),
                        row.getBigDecimal("amount"), row.getString("currency")))
                .list();
    }

    /** A standing fee month of a welfare fund: what was paid towards membership that month. */
    public record FeeMonth(String scheme, String period, BigDecimal amount) {
    }

    public List<FeeMonth> standingFees(String workerId) {
        return jdbc.sql("""
                        select f.scheme, f.period, f.amount from welfare_fee_entry f
                        where f.worker_id = ? and f.kind = 'CONTRIBUTION'
                          and f.filing_id not in (select r.filing_id from welfare_fee_entry r
                                                  where r.worker_id = ? and r.kind = 'REVERSAL')
                        order by f.scheme, f.period, f.entry_id""")
                .params(workerId, workerId)
                .query((row, n) -> new FeeMonth(row.getString("scheme"), row.getString("period"),
                        row.getBigDecimal("amount")))
                .list();
    }

    /** Contributions and fees together, newest first (both tables draw ids from one sequence). */
    public List<Entry> entries(String workerId, int page, int size) {
        String nullAmounts = String.join(", ", AmountColumns.columns().stream().map(c -> "null::numeric as " + c).toList());
        String amounts = String.join(", ", AmountColumns.columns());
        return jdbc.sql("select entry_id, kind, scheme, period, filing_id, employer_account, currency, worker_id, wage, "
                        + "insurable_wage, " + amounts + ", booked_at, null::varchar as payer, null::numeric as fee "
                        + "from ledger_entry where worker_id = ? "
                        + "union all select entry_id, kind, scheme, period, filing_id, employer_account, currency, "
                        + "worker_id, null::numeric, null::numeric, " + nullAmounts + ", booked_at, payer, amount "
                        + "from welfare_fee_entry where worker_id = ? "
                        + "order by entry_id desc limit ? offset ?")
                .params(workerId, workerId, size, (long) page * size)
                .query((row, n) -> entry(row))
                .list();
    }

    public long entryCount(String workerId) {
        return jdbc.sql("select (select count(*) from ledger_entry where worker_id = ?)"
                        + " + (select count(*) from welfare_fee_entry where worker_id = ?)")
                .params(workerId, workerId)
                .query(Long.class).single();
    }

    /** A welfare fund's balance per payer for the worker, and the months with a standing fee. */
    public record FeeBalance(String scheme, String currency, int feeMonths, Map<String, BigDecimal> byPayer) {
    }

    public List<FeeBalance> feeBalances(String workerId) {
        Map<String, FeeBalance> balances = new LinkedHashMap<>();
        jdbc.sql("""
                        select scheme, currency, payer,
                               sum(case when kind = 'CONTRIBUTION' then amount else -amount end) as balance
                        from welfare_fee_entry where worker_id = ? group by scheme, currency, payer order by scheme, payer""")
                .param(workerId)
                .query(row -> {
                    String currency = row.getString("currency");
                    FeeBalance balance = balances.computeIfAbsent(row.getString("scheme"),
                            scheme -> new FeeBalance(scheme, currency, 0, new LinkedHashMap<>()));
                    balance.byPayer().put(row.getString("payer"), row.getBigDecimal("balance"));
                });
        Map<String, Integer> months = new LinkedHashMap<>();
        for (FeeMonth month : standingFees(workerId)) {
            months.merge(month.scheme() + "/" + month.period(), 1, Integer::sum);
        }
        List<FeeBalance> result = new ArrayList<>();
        balances.values().forEach(balance -> result.add(new FeeBalance(balance.scheme(), balance.currency(),
                (int) months.keySet().stream().filter(key -> key.startsWith(balance.scheme() + "/")).count(),
                balance.byPayer())));
        return result;
    }

    public List<Entry> filingLines(String filingId) {
        // in the filing's own line order, which the header keeps (entries are booked in parallel)
        return jdbc.sql("""
                        select e.*, null::varchar as payer, null::numeric as fee
                        from ledger_entry e join contribution_filing_view f on f.filing_id = e.filing_id
                        where e.filing_id = ? and e.kind = 'CONTRIBUTION'
                        order by array_position(f.worker_ids, e.worker_id::text), e.entry_id""")
                .param(filingId)
                .query((row, n) -> entry(row))
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
        String payer = row.getString("payer");
        return new Entry(row.getLong("entry_id"), EntryKind.valueOf(row.getString("kind")), row.getString("scheme"),
                row.getString("period"), row.getString("filing_id"), row.getString("employer_account"),
                row.getString("currency"), row.getString("worker_id"), row.getBigDecimal("wage"),
                row.getBigDecimal("insurable_wage"), payer == null ? AmountColumns.read(row, "") : Map.of(),
                row.getTimestamp("booked_at").toInstant(), payer, row.getBigDecimal("fee"));
    }

}

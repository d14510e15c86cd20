package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A settlement run as the ledger sees it: its instructions per paid currency and outcome, and what
 * the journal booked for its payments and failures, per account. Both are kept by the ledger
 * projection, read from one snapshot, so they agree with each other; they are complete once the
 * projection has caught up ({@link JournalLag}).
 */
@Component
public class SettlementRuns {

    /** Instructions of one paid currency and outcome (SCHEDULED, PAID, FAILED); amounts in THB and paid. */
    public record Line(String paidCurrency, String status, long claims, BigDecimal amount, String currency,
                       BigDecimal paidAmount) {
    }

    /** What the run's entries posted to one account, in THB. */
    public record AccountPostings(String account, BigDecimal debit, BigDecimal credit, String currency) {
    }

    public record Summary(List<Line> lines, List<AccountPostings> postings) {
    }

    private final JdbcClient jdbc;

    SettlementRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An unknown run has no instructions and no postings: an empty summary, not an error. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Summary of(String settlementRun) {
        List<Line> lines = jdbc.sql("""
                        select paid_currency, status, currency, count(*) as claims, sum(amount) as amount,
                               sum(paid_amount) as paid_amount
                        from run_instruction where settlement_run = ?
                        group by paid_currency, status, currency order by paid_currency, status""")
                .param(settlementRun)
                .query((row, n) -> new Line(row.getString("paid_currency"), row.getString("status"),
                        row.getLong("claims"), row.getBigDecimal("amount"), row.getString("currency"),
                        row.getBigDecimal("paid_amount")))
                .list();
        // the entries summed by what decides their postings, then posted as one entry each would
        Map<List<String>, BigDecimal[]> byAccount = new TreeMap<>(
                java.util.Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
        jdbc.sql("""
                        select kind, scheme, benefit, paid_currency, currency, sum(amount) as amount
                        from ledger_entry where settlement_run = ? and line_kind = ?
                        group by kind, scheme, benefit, paid_currency, currency""")
                .params(settlementRun, BenefitEntry.KIND.name())
                .query(row -> {
                    String currency = row.getString("currency");
                    for (ChartOfAccounts.Posting posting : ChartOfAccounts.benefitPostings(
                            EntryKind.valueOf(row.getString("kind")), row.getString("scheme"), row.getString("benefit"),
                            row.getString("paid_currency"), row.getBigDecimal("amount"))) {
                        BigDecimal[] debitCredit = byAccount.computeIfAbsent(List.of(posting.account(), currency),
                                key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        int side = posting.side() == ChartOfAccounts.Side.DEBIT ? 0 : 1;
                        debitCredit[side] = debitCredit[side].add(posting.amount());
                    }
                });
        List<AccountPostings> postings = byAccount.entrySet().stream()
                .map(entry -> new AccountPostings(entry.getKey().get(0), entry.getValue()[0], entry.getValue()[1],
                        entry.getKey().get(1)))
                .toList();
        return new Summary(lines, postings);
    }
}

package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.ContributionReversed;
import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.filing.FilingReceipt;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A wage line's entry: a Section 33 person-month with its wage, insurable wage and nine amounts
 * (party x branch). It debits the parties' receivables and credits the member fund.
 */
record WageEntry(BigDecimal wage, BigDecimal insurableWage, Map<Party, Map<Branch, BigDecimal>> amounts)
        implements JournalLine {

    static final LineKind KIND = new LineKind("WAGE", List.of(
            new LineKind.Journalled(ContributionRecorded.class, EntryKind.CONTRIBUTION),
            new LineKind.Journalled(ContributionReversed.class, EntryKind.REVERSAL)),
            columns(), WageEntry::read, WageEntry::balances);

    /** Signed sum of one amount column: contributions add, reversals subtract. */
    private static final String SIGNED_SUMS = String.join(", ", AmountColumns.columns().stream()
            .map(c -> "sum(case when kind = 'CONTRIBUTION' then " + c + " else -" + c + " end) as " + c)
            .toList());

    static Booking recorded(ContributionRecorded event) {
        return new Booking(EntryKind.CONTRIBUTION, event.workerId(), event.scheme(), event.filingId(),
                event.employerAccount(), event.period(), event.ruleSetVersion(), event.currency(),
                of(event.wage(), event.insurableWage(), event.shares()));
    }

    static Booking reversed(ContributionReversed event) {
        return new Booking(EntryKind.REVERSAL, event.workerId(), event.scheme(), event.filingId(),
                event.employerAccount(), event.period(), null, event.currency(),
                of(event.wage(), event.insurableWage(), event.shares()));
    }

    private static WageEntry of(BigDecimal wage, BigDecimal insurableWage, Map<Party, PartyShare> shares) {
        return new WageEntry(wage, insurableWage, AmountColumns.amounts(shares));
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("wage", "insurable_wage"));
        columns.addAll(AmountColumns.columns());
        return columns;
    }

    /** Per scheme, the worker's balance of each party's branch, and the months with a standing contribution. */
    private static List<LedgerQueries.SchemeBalance> balances(JdbcClient jdbc, String workerId) {
        Map<String, Integer> months = LedgerQueries.monthsWithStandingLines(jdbc, workerId, KIND);
        return jdbc.sql("select scheme, currency, " + SIGNED_SUMS
                        + " from ledger_entry where worker_id = ? and " + LedgerQueries.WAGE
                        + " group by scheme, currency order by scheme")
                .param(workerId)
                .query((row, n) -> {
                    List<LedgerQueries.Balance> balances = new ArrayList<>();
                    AmountColumns.read(row, "").forEach((party, branches) -> branches.forEach((branch, amount) ->
                            balances.add(new LedgerQueries.Balance(party, branch, null, amount))));
                    return new LedgerQueries.SchemeBalance(row.getString("scheme"), row.getString("currency"),
                            months.getOrDefault(row.getString("scheme"), 0), balances);
                })
                .list();
    }

    private static WageEntry read(ResultSet row) throws SQLException {
        return new WageEntry(row.getBigDecimal("wage"), row.getBigDecimal("insurable_wage"), AmountColumns.read(row, ""));
    }

    @Override
    public LineKind lineKind() {
        return KIND;
    }

    /** In {@link AmountColumns#columns()} order after the wages: parties, then branches, as the enums declare them. */
    @Override
    public List<Object> values() {
        List<Object> values = new ArrayList<>(11);
        values.add(wage);
        values.add(insurableWage);
        for (Party party : Party.values()) {
            for (Branch branch : Branch.values()) {
                values.add(amounts.get(party).get(branch));
            }
        }
        return values;
    }

    @Override
    public List<ChartOfAccounts.Posting> postings(EntryKind kind, String scheme) {
        return ChartOfAccounts.postings(kind, scheme, amounts);
    }

    @Override
    public String journalKind(EntryKind kind) {
        return kind.name();
    }

    @Override
    public String description(LedgerQueries.Entry entry) {
        String what = entry.kind() == EntryKind.CONTRIBUTION ? "Contribution" : "Reversal of contribution";
        return what + " " + entry.period() + " from employer " + entry.employerAccount();
    }

    @Override
    public FilingReceipt.Line filed(LedgerQueries.Entry entry, String ruleSetVersion) {
        return new FilingReceipt.WageLine(entry.workerId(), new PersonMonthContribution(YearMonth.parse(entry.period()),
                entry.scheme(), ruleSetVersion, Currency.getInstance(entry.currency()), wage, insurableWage,
                AmountColumns.shares(amounts)));
    }
}

package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.api.WelfareFeeRecorded;
import org.mekongledger.api.WelfareFeeReversed;
import org.mekongledger.filing.FilingReceipt;
import org.mekongledger.vocabulary.FeePayer;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fee line's entry: a welfare-fund fee and who paid it. It debits the payer's receivable and credits the fund. */
record FeeEntry(FeePayer payer, BigDecimal fee) implements JournalLine {

    static final LineKind KIND = new LineKind("FEE", List.of(
            new LineKind.Journalled(WelfareFeeRecorded.class, EntryKind.CONTRIBUTION),
            new LineKind.Journalled(WelfareFeeReversed.class, EntryKind.REVERSAL)),
            List.of("payer", "fee"), FeeEntry::read, FeeEntry::balances);

    static Booking recorded(WelfareFeeRecorded event) {
        return new Booking(EntryKind.CONTRIBUTION, event.workerId(), event.scheme(), event.filingId(),
                event.employerAccount(), event.period(), event.ruleSetVersion(), event.currency(),
                new FeeEntry(event.payer(), event.amount()));
    }

    static Booking reversed(WelfareFeeReversed event) {
        return new Booking(EntryKind.REVERSAL, event.workerId(), event.scheme(), event.filingId(),
                event.employerAccount(), event.period(), null, event.currency(),
                new FeeEntry(event.payer(), event.amount()));
    }

    /** Per welfare fund, the worker's balance of each payer's fees, and the months with a standing fee. */
    private static List<LedgerQueries.SchemeBalance> balances(JdbcClient jdbc, String workerId) {
        Map<String, Integer> months = LedgerQueries.monthsWithStandingLines(jdbc, workerId, KIND);
        Map<String, String> currencies = new LinkedHashMap<>();
        Map<String, List<LedgerQueries.Balance>> byScheme = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.scheme, f.currency, f.payer,
                               sum(case when f.kind = 'CONTRIBUTION' then f.fee else -f.fee end) as balance
                        from ledger_entry f where f.worker_id = ? and f.""" + LedgerQueries.FEE + """
                        group by f.scheme, f.currency, f.payer order by f.scheme, f.payer""")
                .param(workerId)
                .query(row -> {
                    currencies.putIfAbsent(row.getString("scheme"), row.getString("currency"));
                    byScheme.computeIfAbsent(row.getString("scheme"), scheme -> new ArrayList<>())
                            .add(new LedgerQueries.Balance(null, null, row.getString("payer"),
                                    row.getBigDecimal("balance")));
                });
        List<LedgerQueries.SchemeBalance> balances = new ArrayList<>();
        byScheme.forEach((scheme, payers) -> balances.add(new LedgerQueries.SchemeBalance(scheme,
                currencies.get(scheme), months.getOrDefault(scheme, 0), payers)));
        return balances;
    }

    private static FeeEntry read(ResultSet row) throws SQLException {
        return new FeeEntry(FeePayer.valueOf(row.getString("payer")), row.getBigDecimal("fee"));
    }

    @Override
    public LineKind lineKind() {
        return KIND;
    }

    @Override
    public List<Object> values() {
        return Arrays.asList(payer.name(), fee);
    }

    @Override
    public List<ChartOfAccounts.Posting> postings(EntryKind kind, String scheme) {
        return ChartOfAccounts.feePostings(kind, scheme, payer.name(), fee);
    }

    @Override
    public String journalKind(EntryKind kind) {
        return kind == EntryKind.CONTRIBUTION ? "FEE" : "FEE_REVERSAL";
    }

    @Override
    public String description(LedgerQueries.Entry entry) {
        String what = entry.scheme() + " fee paid by " + payer;
        return (entry.kind() == EntryKind.CONTRIBUTION ? what : "Reversal of " + what.toLowerCase(java.util.Locale.ROOT))
                + " " + entry.period();
    }

    @Override
    public FilingReceipt.Line filed(LedgerQueries.Entry entry, String ruleSetVersion) {
        return new FilingReceipt.FeeLine(entry.workerId(), payer, fee);
    }
}

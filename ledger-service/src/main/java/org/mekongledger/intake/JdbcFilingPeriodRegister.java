package org.mekongledger.intake;

import java.time.YearMonth;
import java.util.Optional;

import org.mekongledger.filing.FilingPeriodRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Runs inside the command's transaction; the primary key settles concurrent filings for one period. */
@Component
class JdbcFilingPeriodRegister implements FilingPeriodRegister {

    private final JdbcClient jdbc;

    JdbcFilingPeriodRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement: it inserts the claim, or locks the standing row and answers its filing. A
     * reversal deleting the row concurrently cannot slip between a failed insert and a read.
     */
    @Override
    public Optional<String> claim(String scheme, String employerAccount, YearMonth period, String filingId) {
        String standing = jdbc.sql("""
                        insert into filing_period_register (scheme, employer_account, period, filing_id)
                        values (?, ?, ?, ?)
                        on conflict (scheme, employer_account, period)
                        do update set filing_id = filing_period_register.filing_id
                        returning filing_id""")
                .params(scheme, employerAccount, period.toString(), filingId)
                .query(String.class)
                .single();
        return standing.equals(filingId) ? Optional.empty() : Optional.of(standing);
    }

    @Override
    public void release(String scheme, String employerAccount, YearMonth period, String filingId) {
        jdbc.sql("""
                        delete from filing_period_register
                        where scheme = ? and employer_account = ? and period = ? and filing_id = ?""")
                .params(scheme, employerAccount, period.toString(), filingId)
                .update();
    }
}

package org.mekongledger.filings;

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

    @Override
    public Optional<String> claim(String scheme, String employerAccount, YearMonth period, String filingId) {
        int inserted = jdbc.sql("""
                        insert into filing_period_register (scheme, employer_account, period, filing_id)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(scheme, employerAccount, period.toString(), filingId)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select filing_id from filing_period_register
                        where scheme = ? and employer_account = ? and period = ?""")
                .params(scheme, employerAccount, period.toString())
                .query(String.class)
                .optional();
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

package org.mekongledger.intake;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the filing headers the ledger projection keeps. */
@Component
class FilingHeaders {

    record FilingHeader(String filingId, String scheme, String employerAccount, String period, String ruleSetVersion,
                        String currency, String status, Instant filedAt, String filedBy, String reversalReason,
                        Instant reversedAt, String reversedBy, String employerProvince, String versionReason) {
    }

    private final JdbcClient jdbc;

    FilingHeaders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FilingHeader> header(String filingId) {
        return jdbc.sql("select * from contribution_filing_view where filing_id = ?")
                .param(filingId)
                .query((row, n) -> new FilingHeader(row.getString("filing_id"), row.getString("scheme"),
                        row.getString("employer_account"), row.getString("period"), row.getString("rule_set_version"),
                        row.getString("currency"), row.getString("status"), row.getTimestamp("filed_at").toInstant(),
                        row.getString("filed_by"), row.getString("reversal_reason"),
                        row.getTimestamp("reversed_at") == null ? null : row.getTimestamp("reversed_at").toInstant(),
                        row.getString("reversed_by"), row.getString("employer_province"),
                        row.getString("version_reason")))
                .optional();
    }
}

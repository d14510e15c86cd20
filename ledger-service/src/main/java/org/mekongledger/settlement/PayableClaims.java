package org.mekongledger.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.mekongledger.api.Payee;
import org.mekongledger.claims.ClaimJson;
import org.mekongledger.claims.ClaimMessages;
import org.mekongledger.web.MoneyFormat;
import org.mekongledger.web.contract.model.PayableClaim;
import org.mekongledger.web.contract.model.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Approved claims a run may take, a keyset page at a time by claim id: the partial index on
 * approved claims (V20) answers the ten-thousandth page as fast as the first.
 */
@Component
class PayableClaims {

    private final JdbcClient jdbc;

    PayableClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PayableClaim> page(LocalDate approvedUpTo, String after, int limit) {
        return jdbc.sql("""
                        select claim_id, worker_id, scheme, benefit, amount, currency, payee, decided_at, instructions
                        from claim_view
                        where status = 'APPROVED' and approved_on <= ? and claim_id > ?
                        order by claim_id limit ?""")
                .params(approvedUpTo, after == null ? "" : after.toLowerCase(java.util.Locale.ROOT), limit)
                .query(PayableClaims::claim).list();
    }

    private static PayableClaim claim(ResultSet row, int rowNumber) throws SQLException {
        return new PayableClaim()
                .claimId(row.getString("claim_id"))
                .workerId(row.getString("worker_id"))
                .scheme(Scheme.fromValue(row.getString("scheme")))
                .benefit(row.getString("benefit"))
                .amount(MoneyFormat.format(row.getBigDecimal("amount"), row.getString("currency")))
                .currency(row.getString("currency"))
                .payee(ClaimMessages.payee(ClaimJson.read(row.getString("payee"), Payee.class)))
                .approvedAt(row.getTimestamp("decided_at").toInstant().atOffset(ZoneOffset.UTC))
                .instruction(row.getInt("instructions") + 1);
    }
}

package org.mekongledger.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mekongledger.api.Assessment;
import org.mekongledger.api.ClaimGround;
import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentInstruction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the claims read model; it is never behind, being written in each command's transaction. */
@Component
class ClaimQueries {

    private final JdbcClient jdbc;

    ClaimQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClaimView> claim(String claimId) {
        return jdbc.sql("select * from claim_view where claim_id = ?").param(claimId)
                .query((row, n) -> claim(row)).optional()
                .map(claim -> claim.withHistory(historyOf(List.of(claimId)).getOrDefault(claimId, List.of())));
    }

    /**
     * Claims matching every filter given (null: any), newest first. {@code scope} is the one
     * nationality the reader may see, or null: a filter for another nationality finds nothing.
     */
    ClaimView.Page page(ClaimStatus status, String workerId, String nationality, String scope, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        if (workerId != null) {
            where.append(" and worker_id = ?");
            params.add(workerId);
        }
        if (nationality != null) {
            where.append(" and nationality = ?");
            params.add(nationality);
        }
        if (scope != null) {
            where.append(" and nationality = ?");
            params.add(scope);
        }
        long total = jdbc.sql("select count(*) from claim_view" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<ClaimView> claims = jdbc.sql("select * from claim_view" + where
                        + " order by filing_order desc limit ? offset ?")
                .params(pageParams).query((row, n) -> claim(row)).list();
        Map<String, List<ClaimView.Step>> histories = historyOf(claims.stream().map(ClaimView::claimId).toList());
        return new ClaimView.Page(claims.stream()
                .map(claim -> claim.withHistory(histories.getOrDefault(claim.claimId(), List.of()))).toList(), total);
    }

    private Map<String, List<ClaimView.Step>> historyOf(List<String> claimIds) {
        Map<String, List<ClaimView.Step>> steps = new LinkedHashMap<>();
        if (claimIds.isEmpty()) {
            return steps;
        }
        jdbc.sql("select * from claim_history where claim_id = any(?) order by step_order")
                .param(claimIds.toArray(String[]::new))
                .query(row -> {
                    steps.computeIfAbsent(row.getString("claim_id"), id -> new ArrayList<>())
                            .add(new ClaimView.Step(ClaimStatus.valueOf(row.getString("status")), row.getString("actor"),
                                    row.getTimestamp("at").toInstant(), row.getString("reason")));
                });
        return steps;
    }

    private static ClaimView claim(ResultSet row) throws SQLException {
        return new ClaimView(row.getString("claim_id"), row.getString("worker_id"), row.getString("worker_name"),
                row.getString("nationality"), row.getString("scheme"), row.getString("benefit"),
                row.getObject("as_of", LocalDate.class), ClaimJson.read(row.getString("ground"), ClaimGround.class),
                ClaimStatus.valueOf(row.getString("status")), row.getBigDecimal("amount"), row.getString("currency"),
                ClaimJson.read(row.getString("payee"), Payee.class), row.getBoolean("payee_name_matches"),
                ClaimJson.read(row.getString("filed_assessment"), Assessment.class),
                ClaimJson.read(row.getString("approval_assessment"), Assessment.class),
                row.getString("filed_by"), instant(row.getTimestamp("filed_at")), row.getString("decided_by"),
                instant(row.getTimestamp("decided_at")), row.getString("reason"), row.getString("settlement_run"),
                row.getString("bank_reference"), row.getString("failure_code"),
                ClaimJson.read(row.getString("instruction"), PaymentInstruction.class), row.getInt("instructions"),
                row.getString("status_report"), List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package org.mekongledger.settlement.run;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import org.mekongledger.settlement.ledger.Payee;

/** The batch's runs and frozen payments in schema {@code settlement}: the SQL in one place. */
public class Payments {

    static final String COLUMNS = "end_to_end_id, run_date, claim_id, instruction, worker_id, scheme, benefit, channel, "
            + "debtor_account, amount, currency, paid_amount, paid_currency, rate, rate_source, payee_name, payee_country, "
            + "bank_bic, bank_code, account_number, wallet_provider, msisdn, pickup_point";

    public static final RowMapper<FrozenPayment> ROW = Payments::payment;

    private final JdbcTemplate jdbc;

    public Payments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Run(LocalDate runDate, String settlementRun, Instant createdAt, String state) {
    }

    public Optional<Run> run(LocalDate runDate) {
        return jdbc.query("select run_date, settlement_run, created_at, state from settlement.run where run_date = ?",
                (rs, n) -> new Run(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)), runDate).stream().findFirst();
    }

    public void insertRun(LocalDate runDate, String settlementRun, Instant createdAt) {
        jdbc.update("insert into settlement.run (run_date, settlement_run, created_at, state) values (?, ?, ?, 'FROZEN')",
                runDate, settlementRun, Timestamp.from(createdAt));
    }

    public void runState(LocalDate runDate, String state) {
        jdbc.update("update settlement.run set state = ? where run_date = ?", state, runDate);
    }

    /** Of these (claim id, instruction) pairs, the ones already frozen in some run, as end-to-end ids. */
    public Set<String> alreadyFrozen(Collection<String> endToEndIds) {
        String[] ids = endToEndIds.toArray(String[]::new);
        return new HashSet<>(jdbc.queryForList("select end_to_end_id from settlement.payment where end_to_end_id = any(?)"
                + " union select end_to_end_id from settlement.withdrawn_payment where end_to_end_id = any(?)",
                String.class, ids, ids));
    }

    /** Takes a payment the ledger refused to instruct out of its run, keeping it and why. */
    public void withdraw(FrozenPayment payment, String reason) {
        jdbc.update("insert into settlement.withdrawn_payment (end_to_end_id, run_date, claim_id, instruction, amount,"
                + " paid_amount, paid_currency, reason, withdrawn_at) values (?, ?, ?::uuid, ?, ?, ?, ?, ?, now())",
                payment.endToEndId(), payment.runDate(), payment.claimId(), payment.instruction(), payment.amount(),
                payment.paidAmount(), payment.paidCurrency(), reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        jdbc.update("delete from settlement.payment where end_to_end_id = ?", payment.endToEndId());
    }

    public void insert(List<FrozenPayment> payments) {
        jdbc.batchUpdate("insert into settlement.payment (" + COLUMNS + ") values "
                + "(?, ?, ?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", payments, 1000,
                (statement, p) -> {
                    int i = 1;
                    statement.setString(i++, p.endToEndId());
                    statement.setDate(i++, Date.valueOf(p.runDate()));
                    statement.setString(i++, p.claimId());
                    statement.setInt(i++, p.instruction());
                    statement.setString(i++, p.workerId());
                    statement.setString(i++, p.scheme());
                    statement.setString(i++, p.benefit());
                    statement.setString(i++, p.channel());
                    statement.setString(i++, p.debtorAccount());
                    statement.setBigDecimal(i++, p.amount());
                    statement.setString(i++, p.currency());
                    statement.setBigDecimal(i++, p.paidAmount());
                    statement.setString(i++, p.paidCurrency());
                    statement.setString(i++, p.rate());
                    statement.setString(i++, p.rateSource());
                    Payee payee = p.payee();
                    statement.setString(i++, payee.name());
                    statement.setString(i++, payee.country());
                    statement.setString(i++, payee.bankBic());
                    statement.setString(i++, payee.bankCode());
                    statement.setString(i++, payee.accountNumber());
                    statement.setString(i++, payee.walletProvider());
                    statement.setString(i++, payee.msisdn());
                    statement.setString(i, payee.pickupPoint());
                });
    }

    /** The next unscheduled payments of a run after {@code after} (exclusive), by end-to-end id. */
    public List<FrozenPayment> unscheduled(LocalDate runDate, String after, int limit) {
        return jdbc.query("select " + COLUMNS + " from settlement.payment where run_date = ? and not scheduled"
                + " and end_to_end_id > ? order by end_to_end_id limit ?", ROW, runDate, after, limit);
    }

    public void markScheduled(Collection<String> endToEndIds) {
        jdbc.update("update settlement.payment set scheduled = true where end_to_end_id = any(?)",
                (Object) endToEndIds.toArray(String[]::new));
    }

    public long count(LocalDate runDate, boolean scheduledOnly) {
        return jdbc.queryForObject("select count(*) from settlement.payment where run_date = ?"
                + (scheduledOnly ? " and scheduled" : ""), Long.class, runDate);
    }

    private static FrozenPayment payment(ResultSet rs, int row) throws SQLException {
        return new FrozenPayment(rs.getString("end_to_end_id"), rs.getObject("run_date", LocalDate.class),
                rs.getObject("claim_id", UUID.class).toString(), rs.getInt("instruction"),
                rs.getObject("worker_id", UUID.class).toString(), rs.getString("scheme"), rs.getString("benefit"),
                rs.getString("channel"), rs.getString("debtor_account"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getBigDecimal("paid_amount"), rs.getString("paid_currency"),
                rs.getString("rate"), rs.getString("rate_source"),
                new Payee(rs.getString("payee_name"), rs.getString("channel"), rs.getString("payee_country"),
                        rs.getString("paid_currency"), rs.getString("bank_bic"), rs.getString("bank_code"),
                        rs.getString("account_number"), rs.getString("wallet_provider"), rs.getString("msisdn"),
                        rs.getString("pickup_point")));
    }
}

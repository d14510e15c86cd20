package org.mekongledger.settlement.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.mekongledger.settlement.Refusal;
import org.mekongledger.settlement.SettlementLock;
import org.mekongledger.settlement.bankfile.MalformedStatusReport;
import org.mekongledger.settlement.bankfile.Pain002Reader;
import org.mekongledger.settlement.bankfile.PaymentInformationStatus;
import org.mekongledger.settlement.bankfile.StatusReport;
import org.mekongledger.settlement.bankfile.TransactionStatus;
import org.mekongledger.settlement.ledger.Ledger;
import org.mekongledger.settlement.run.PaymentIds;

/**
 * {@code import-status --file=F}: a bank's pain.002 into the ledger, all or nothing.
 *
 * <p>The report is read and schema-checked whole ({@link Pain002Reader}); its original message must
 * be one of ours and every EndToEndId a payment of that message, else it is refused naming the
 * unknown ids. Then the whole of it is checked by the service ({@code checkOnly}, 1,000 at a time)
 * before any of it is applied. Applying goes chunk by chunk, each chunk marked on the batch's
 * payments when the service has recorded it, so an import killed midway resumes where it stopped
 * (the service answers ALREADY_RECORDED for a chunk sent twice). A report imported again (same
 * MsgId, same SHA-256) changes nothing; the same MsgId with other bytes is refused.
 */
public class StatusImport {

    private static final int CHUNK = 1000;
    private static final Pattern BANK_REFERENCE = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
    private static final Pattern REASON_CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Ledger ledger;

    public StatusImport(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction, Ledger ledger) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.ledger = ledger;
    }

    /** Counts of what the report said, once applied. */
    public record Counts(int paid, int failed, int pending, boolean alreadyImported) {
    }

    private record Payment(String endToEndId, String claimId, String currency, String appliedBy, String outcome) {
    }

    private record Decision(Payment payment, StatusMapping.Effect effect, String reasonCode, String reason,
                            String bankReference) {
    }

    public Counts importReport(Path file, PrintStream report) {
        if (!Files.isRegularFile(file)) {
            throw new Refusal("no status report at " + file);
        }
        String sha256 = sha256(file);
        StatusReport status;
        try {
            status = Pain002Reader.read(file);
        } catch (MalformedStatusReport malformed) {
            throw new Refusal("status report " + file.getFileName() + " refused as a whole, nothing changed: "
                    + malformed.getMessage());
        }
        try (SettlementLock lock = SettlementLock.take(dataSource, "import-status " + file.getFileName())) {
            return importLocked(status, sha256, file, report);
        }
    }

    private Counts importLocked(StatusReport status, String sha256, Path file, PrintStream report) {
        String messageId = status.messageId();
        Optional<Map<String, Object>> before = jdbc.queryForList(
                "select sha256, state from settlement.status_report where msg_id = ?", messageId).stream().findFirst();
        if (before.isPresent()) {
            if (!before.get().get("sha256").equals(sha256)) {
                throw new Refusal("status report " + messageId + " was imported before with other content; "
                        + file.getFileName() + " refused, nothing changed");
            }
            if ("APPLIED".equals(before.get().get("state"))) {
                Map<String, Object> counts = jdbc.queryForMap(
                        "select paid, failed, pending from settlement.status_report where msg_id = ?", messageId);
                report.println("status report " + messageId + " already imported, nothing changed (paid "
                        + counts.get("paid") + ", failed " + counts.get("failed") + ", pending " + counts.get("pending") + ")");
                return new Counts((Integer) counts.get("paid"), (Integer) counts.get("failed"),
                        (Integer) counts.get("pending"), true);
            }
        }
        List<Decision> decisions = decide(status);
        int paid = 0;
        int failed = 0;
        int pending = 0;
        List<Ledger.Outcome> toApply = new ArrayList<>();
        List<Decision> toMark = new ArrayList<>();
        for (Decision decision : decisions) {
            switch (decision.effect()) {
                case PAID -> paid++;
                case FAILED -> failed++;
                case NONE -> pending++;
            }
            // a cumulative report repeats final statuses an earlier one brought: nothing to send for those
            boolean alreadyThere = messageId.equals(decision.payment().appliedBy())
                    || decision.effect().name().equals(decision.payment().outcome());
            if (decision.effect() != StatusMapping.Effect.NONE && !alreadyThere) {
                toApply.add(new Ledger.Outcome(decision.payment().claimId(), decision.payment().endToEndId(),
                        decision.effect() == StatusMapping.Effect.PAID, messageId, decision.bankReference(),
                        decision.reasonCode(), decision.reason()));
                toMark.add(decision);
            }
        }
        for (int from = 0; from < toApply.size(); from += CHUNK) {
            ledger.outcomes(toApply.subList(from, Math.min(toApply.size(), from + CHUNK)), true);
        }
        if (before.isEmpty()) {
            jdbc.update("insert into settlement.status_report (msg_id, sha256, original_msg_id, imported_at, state)"
                    + " values (?, ?, ?, ?, 'APPLYING')", messageId, sha256, status.originalMessageId(),
                    Timestamp.from(Instant.now()));
        }
        for (int from = 0; from < toApply.size(); from += CHUNK) {
            int to = Math.min(toApply.size(), from + CHUNK);
            ledger.outcomes(toApply.subList(from, to), false);
            List<Decision> applied = toMark.subList(from, to);
            transaction.executeWithoutResult(tx -> jdbc.batchUpdate("update settlement.payment set outcome = ?,"
                    + " reason_code = ?, bank_reference = ?, status_report = ? where end_to_end_id = ?", applied, CHUNK,
                    (statement, decision) -> {
                        statement.setString(1, decision.effect().name());
                        statement.setString(2, decision.reasonCode());
                        statement.setString(3, decision.bankReference());
                        statement.setString(4, messageId);
                        statement.setString(5, decision.payment().endToEndId());
                    }));
        }
        jdbc.update("update settlement.status_report set state = 'APPLIED', paid = ?, failed = ?, pending = ?"
                + " where msg_id = ?", paid, failed, pending, messageId);
        report.println("status report " + messageId + " on " + status.originalMessageId() + " imported: paid " + paid
                + ", failed " + failed + ", pending " + pending);
        return new Counts(paid, failed, pending, false);
    }

    /** What the report says of each payment it covers; refuses the whole report on anything unknown. */
    private List<Decision> decide(StatusReport status) {
        PaymentIds.Message message = PaymentIds.parseMessageId(status.originalMessageId()).orElseThrow(() -> new Refusal(
                "status report " + status.messageId() + " is on message " + status.originalMessageId()
                        + ", which is not one of ours; refused as a whole, nothing changed"));
        Map<String, Payment> payments = new LinkedHashMap<>();
        jdbc.query("select end_to_end_id, claim_id, paid_currency, status_report, outcome from settlement.payment"
                        + " where run_date = ? and debtor_account = ? order by end_to_end_id",
                row -> {
                    payments.put(row.getString(1), new Payment(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5)));
                }, message.runDate(), message.account());
        if (payments.isEmpty()) {
            throw new Refusal("status report " + status.messageId() + " is on message " + status.originalMessageId()
                    + ", which is not one of ours (no such run and account); refused as a whole, nothing changed");
        }
        Map<String, String> blockCurrency = new LinkedHashMap<>();
        for (Payment payment : payments.values()) {
            blockCurrency.putIfAbsent(PaymentIds.paymentInformationId(message.runDate(), message.account(),
                    payment.currency(), message.runDate()), payment.currency());
        }
        List<String> unknown = new ArrayList<>();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        String fallbackReference = status.messageId();
        for (TransactionStatus transaction : status.transactions()) {
            Payment payment = payments.get(transaction.originalEndToEndId());
            if (payment == null || (transaction.originalPaymentInformationId() != null
                    && !transaction.originalPaymentInformationId().equals(PaymentIds.paymentInformationId(
                    message.runDate(), message.account(), payment.currency(), message.runDate())))) {
                unknown.add(transaction.originalEndToEndId());
                continue;
            }
            decisions.put(payment.endToEndId(), decision(payment, transaction.status(), transaction.reasonCode(),
                    transaction.additionalInformation(), transaction.accountServicerReference(), fallbackReference));
        }
        if (!unknown.isEmpty()) {
            throw new Refusal("status report " + status.messageId() + " names " + unknown.size()
                    + " payments that are not in " + status.originalMessageId() + " (first "
                    + Math.min(20, unknown.size()) + ": " + String.join(", ", unknown.subList(0, Math.min(20, unknown.size())))
                    + "); refused as a whole, nothing changed");
        }
        List<String> unknownBlocks = new ArrayList<>();
        for (PaymentInformationStatus block : status.paymentInformation()) {
            String currency = blockCurrency.get(block.originalPaymentInformationId());
            if (currency == null) {
                unknownBlocks.add(block.originalPaymentInformationId());
                continue;
            }
            if (block.status() == null || "PART".equals(block.status())) {
                continue; // a partly accepted block: its transactions say which
            }
            for (Payment payment : payments.values()) {
                if (payment.currency().equals(currency) && !decisions.containsKey(payment.endToEndId())) {
                    decisions.put(payment.endToEndId(), decision(payment, block.status(), block.reasonCode(), null, null,
                            fallbackReference));
                }
            }
        }
        if (!unknownBlocks.isEmpty()) {
            throw new Refusal("status report " + status.messageId() + " names payment blocks that are not in "
                    + status.originalMessageId() + ": " + String.join(", ", unknownBlocks.subList(0,
                    Math.min(20, unknownBlocks.size()))) + "; refused as a whole, nothing changed");
        }
        if ("RJCT".equals(status.groupStatus())) {
            for (Payment payment : payments.values()) {
                decisions.computeIfAbsent(payment.endToEndId(), id -> decision(payment, status.groupStatus(),
                        status.groupReasonCode(), null, null, fallbackReference));
            }
        }
        return List.copyOf(decisions.values());
    }

    private static Decision decision(Payment payment, String status, String reasonCode, String information,
                                     String accountServicerReference, String fallbackReference) {
        StatusMapping.Effect effect = StatusMapping.effect(status);
        String reference = accountServicerReference != null && BANK_REFERENCE.matcher(accountServicerReference).matches()
                ? accountServicerReference : fallbackReference;
        if (effect != StatusMapping.Effect.FAILED) {
            return new Decision(payment, effect, null, null, effect == StatusMapping.Effect.PAID ? reference : null);
        }
        String code = reasonCode != null && REASON_CODE.matcher(reasonCode).matches() ? reasonCode : "NARR";
        String reason = "rejected by the bank (" + status + " " + code + ")"
                + (information == null ? "" : ": " + information);
        return new Decision(payment, effect, code, reason.length() > 500 ? reason.substring(0, 500) : reason, null);
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException failed) {
            throw new Refusal("status report " + file + " cannot be read: " + failed.getMessage());
        }
    }

}

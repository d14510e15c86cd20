package org.mekongledger.settlement.run;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.mekongledger.settlement.Refusal;
import org.mekongledger.settlement.bankfile.DebtorAccount;
import org.mekongledger.settlement.bankfile.InitiatingParty;
import org.mekongledger.settlement.bankfile.Manifest;
import org.mekongledger.settlement.bankfile.MessageHeader;
import org.mekongledger.settlement.bankfile.Pain001Writer;
import org.mekongledger.settlement.bankfile.PartnerFileWriter;
import org.mekongledger.settlement.bankfile.PaymentBlock;
import org.mekongledger.settlement.bankfile.SummaryFileWriter;
import org.mekongledger.settlement.bankfile.SummaryLine;
import org.mekongledger.settlement.config.SettlementProperties;

/**
 * Writes a frozen run's files from the batch's tables alone (never from the ledger, which moves on):
 * one pain.001 per debtor account with bank payments, blocks per currency and execution date from
 * SQL aggregates, transactions streamed through a database cursor by EndToEndId; the partner CSV;
 * the summary CSV; the manifest last. Same tables, same bytes: a re-run rewrites identical files.
 */
public class RunFiles {

    private static final int FETCH = 1000;

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final Payments payments;
    private final SettlementProperties configuration;

    public RunFiles(JdbcTemplate jdbc, TransactionTemplate readOnly, Payments payments,
                    SettlementProperties configuration) {
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(FETCH);
        this.readOnly = readOnly;
        this.payments = payments;
        this.configuration = configuration;
    }

    public static String pain001Name(LocalDate runDate, String debtor) {
        return "pain.001.001.09-" + runDate + "-" + debtor + ".xml";
    }

    public static String partnerName(LocalDate runDate) {
        return "partner-" + runDate + ".csv";
    }

    public static String summaryName(LocalDate runDate) {
        return "summary-" + runDate + ".csv";
    }

    public static String manifestName(LocalDate runDate) {
        return "manifest-" + runDate + ".sha256";
    }

    /** Writes every file of the run into {@code out}; the names written, manifest last. */
    public List<String> write(LocalDate runDate, Path out) throws IOException {
        Payments.Run run = payments.run(runDate).orElseThrow(() -> new Refusal("there is no run for " + runDate));
        OffsetDateTime createdAt = run.createdAt().atZone(RunSelection.FUND_ZONE).toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS);
        List<String> names = new ArrayList<>();
        List<String> debtors = cursor.queryForList("select debtor_account from settlement.payment where run_date = ?"
                + " and channel = 'BANK_ACCOUNT' group by debtor_account order by debtor_account", String.class, runDate);
        for (String debtor : debtors) {
            String name = pain001Name(runDate, debtor);
            writePain001(runDate, debtor, createdAt, out.resolve(name));
            names.add(name);
        }
        names.add(partnerName(runDate));
        writePartner(runDate, out.resolve(partnerName(runDate)));
        names.add(summaryName(runDate));
        writeSummary(runDate, out.resolve(summaryName(runDate)));
        Manifest.write(out, names, manifestName(runDate));
        names.add(manifestName(runDate));
        return names;
    }

    private void writePain001(LocalDate runDate, String debtorId, OffsetDateTime createdAt, Path file) throws IOException {
        SettlementProperties.DebtorAccountConfig account = configuration.debtor(debtorId).orElseThrow(() -> new Refusal(
                "debtor account " + debtorId + " of the run of " + runDate + " is no longer configured"));
        List<PaymentBlock> blocks = cursor.query("select paid_currency, run_date, count(*), sum(paid_amount)"
                        + " from settlement.payment where run_date = ? and debtor_account = ? and channel = 'BANK_ACCOUNT'"
                        + " group by paid_currency, run_date order by paid_currency, run_date",
                (rs, n) -> {
                    LocalDate execution = rs.getObject(2, LocalDate.class);
                    return new PaymentBlock(PaymentIds.paymentInformationId(runDate, debtorId, rs.getString(1), execution),
                            execution, rs.getString(1), rs.getLong(3), rs.getBigDecimal(4));
                }, runDate, debtorId);
        long transactions = blocks.stream().mapToLong(PaymentBlock::numberOfTransactions).sum();
        BigDecimal controlSum = blocks.stream().map(PaymentBlock::controlSum).reduce(BigDecimal.ZERO, BigDecimal::add);
        MessageHeader header = new MessageHeader(PaymentIds.messageId(runDate, debtorId), createdAt,
                new InitiatingParty(configuration.getInitiatingParty().getName(), configuration.getInitiatingParty().getId()),
                transactions, controlSum);
        DebtorAccount debtor = new DebtorAccount(account.getId(), account.getName(), account.getIban(),
                account.getOtherId(), account.getBic(), account.getCountry());
        inTransaction(() -> AtomicFiles.write(file, stream -> Pain001Writer.write(stream, header, debtor, blocks,
                (block, sink) -> cursor.query("select " + Payments.COLUMNS + " from settlement.payment"
                                + " where run_date = ? and debtor_account = ? and channel = 'BANK_ACCOUNT'"
                                + " and paid_currency = ? order by end_to_end_id",
                        row -> {
                            FrozenPayment payment = Payments.ROW.mapRow(row, 0);
                            sink.accept(BankRecords.transfer(payment));
                        }, runDate, debtorId, block.currency()))));
    }

    private void writePartner(LocalDate runDate, Path file) throws IOException {
        inTransaction(() -> AtomicFiles.write(file, stream -> {
            Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            try (PartnerFileWriter partner = new PartnerFileWriter(text)) {
                cursor.query("select " + Payments.COLUMNS + " from settlement.payment where run_date = ?"
                        + " and channel <> 'BANK_ACCOUNT' order by end_to_end_id", row -> {
                    FrozenPayment p = Payments.ROW.mapRow(row, 0);
                    partner.write(BankRecords.payout(p));
                }, runDate);
            }
        }));
    }

    private void writeSummary(LocalDate runDate, Path file) throws IOException {
        List<SummaryLine> lines = cursor.query("select channel, debtor_account, paid_currency, count(*), sum(amount),"
                        + " sum(paid_amount), rate, rate_source from settlement.payment where run_date = ?"
                        + " group by channel, debtor_account, paid_currency, rate, rate_source"
                        + " order by channel, debtor_account, paid_currency, rate, rate_source",
                (rs, n) -> new SummaryLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), new BigDecimal(rs.getString(7)), rs.getString(8)),
                runDate);
        AtomicFiles.write(file, stream -> {
            Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            SummaryFileWriter.write(text, lines);
            text.flush();
        });
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    /** A PostgreSQL cursor streams (fetch size honoured) only inside a transaction. */
    private void inTransaction(Work work) throws IOException {
        try {
            readOnly.executeWithoutResult(status -> {
                try {
                    work.run();
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
    }
}

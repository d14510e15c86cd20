package org.mekongledger.settlement.run;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.JdbcTemplate;

import org.mekongledger.settlement.Refusal;
import org.mekongledger.settlement.SettlementLock;

/**
 * {@code settle --run-date=D --out=DIR}: under the settlement lock, runs the {@link SettleJob} of the
 * run date and prints a short summary (claims, per currency counts and amounts, files).
 */
public class SettleCommand {

    private final DataSource dataSource;
    private final JobOperator jobs;
    private final SettleJob settleJob;
    private final JdbcTemplate jdbc;

    public SettleCommand(DataSource dataSource, JobOperator jobs, SettleJob settleJob, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.settleJob = settleJob;
        this.jdbc = jdbc;
    }

    public SettleJob.Outcome settle(LocalDate runDate, Path out, PrintStream report) throws Exception {
        SettleJob.Outcome outcome = new SettleJob.Outcome();
        try (SettlementLock lock = SettlementLock.take(dataSource, "settle " + runDate)) {
            JobParameters parameters = new JobParametersBuilder()
                    .addLocalDate("runDate", runDate, true)
                    .addString("invocation", UUID.randomUUID().toString(), true)
                    .addString("out", out.toAbsolutePath().toString(), false)
                    .toJobParameters();
            JobExecution execution = jobs.start(settleJob.job(runDate, out, outcome), parameters);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw failure(execution);
            }
        }
        print(runDate, out, outcome, report);
        return outcome;
    }

    /** The refusal that stopped the job if there was one (exit 1 with its message), else the failure. */
    private static RuntimeException failure(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refusal refusal) {
                    return refusal;
                }
            }
        }
        Throwable first = failures.isEmpty() ? null : failures.get(0);
        Throwable root = first;
        while (root != null && root.getCause() != null && root.getClass().getName().startsWith("org.springframework.batch")) {
            root = root.getCause(); // Spring Batch wraps the step's own failure ("Unable to process chunk")
        }
        return new IllegalStateException("settlement job ended " + execution.getStatus()
                + (root == null ? "" : ": " + root.getMessage()), first);
    }

    private void print(LocalDate runDate, Path out, SettleJob.Outcome outcome, PrintStream report) {
        long claims = jdbc.queryForObject("select count(*) from settlement.payment where run_date = ?", Long.class, runDate);
        report.println("settlement run " + PaymentIds.settlementRun(runDate) + ": " + claims + " claims"
                + (outcome.frozen >= 0 ? " (frozen now)" : " (frozen before)") + ", " + outcome.scheduledNow
                + " instructed now");
        jdbc.query("select paid_currency, count(*), sum(amount), sum(paid_amount) from settlement.payment"
                + " where run_date = ? group by paid_currency order by paid_currency", row -> {
                    report.println("  " + row.getString(1) + ": " + row.getLong(2) + " payments, "
                            + plain(row.getBigDecimal(4)) + " " + row.getString(1) + " (THB " + plain(row.getBigDecimal(3))
                            + ")");
                }, runDate);
        outcome.millis.forEach((step, millis) -> report.println("  step " + step + ": " + millis + " ms"));
        jdbc.query("select paid_currency, count(*) from settlement.withdrawn_payment where run_date = ?"
                + " group by paid_currency order by paid_currency", row -> {
                    report.println("  withdrawn (the ledger would not instruct them; not in the files): "
                            + row.getLong(2) + " " + row.getString(1) + " payments");
                }, runDate);
        report.println("files in " + out.toAbsolutePath() + ":");
        outcome.files.forEach(name -> report.println("  " + name));
        // claims frozen in an earlier run that was stopped before instructing them wait for that run
        jdbc.query("select run_date, count(*) from settlement.payment where run_date <> ? and not scheduled"
                + " group by run_date order by run_date", row -> {
                    report.println("note: run " + row.getObject(1, LocalDate.class) + " still has " + row.getLong(2)
                            + " payments not instructed: settle " + row.getObject(1, LocalDate.class) + " again");
                }, runDate);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}

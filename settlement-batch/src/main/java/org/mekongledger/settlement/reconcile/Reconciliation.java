package org.mekongledger.settlement.reconcile;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import org.mekongledger.settlement.bankfile.Manifest;
import org.mekongledger.settlement.ledger.Ledger;
import org.mekongledger.settlement.run.PaymentIds;
import org.mekongledger.settlement.run.RunFiles;

/**
 * {@code reconcile --run-date=D [--out=DIR]}: the run as the batch recorded it (instructed,
 * confirmed PAID, rejected FAILED, outstanding still SCHEDULED, per paid currency, counts and
 * amounts) against the ledger's view of the same run (its claims' states now, and the journal's
 * postings: bank clearing credited per currency for what was paid, the benefit liability debited for
 * what was paid or failed), and with {@code --out} every file against the manifest. Prints the
 * table and every difference; clean means exit 0.
 */
public class Reconciliation {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final Duration journalWait;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /**
     * @param journalWait how long the ledger's journal may stand still (it books events
     *                    asynchronously) before postings still to come are called a mismatch
     */
    public Reconciliation(JdbcTemplate jdbc, Ledger ledger, Duration journalWait) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.journalWait = journalWait;
    }

    /**
     * The run once the journal has booked everything, waiting while it makes headway: the deadline
     * moves on each time it is fewer events behind, so a journal booking a large import is waited
     * for, and only one that stands still for {@code journalWait} is given up on.
     */
    private Ledger.RunView caughtUp(String settlementRun, Ledger.RunView view, PrintStream report) {
        long behind = view.journalBehind();
        long deadline = System.nanoTime() + journalWait.toNanos();
        long nextWord = System.nanoTime();
        while (view.journalBehind() > 0 && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextWord) {
                report.println("waiting for the ledger's journal: " + view.journalBehind() + " events still to book");
                nextWord = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            view = ledger.run(settlementRun);
            if (view.journalBehind() < behind) {
                behind = view.journalBehind();
                deadline = System.nanoTime() + journalWait.toNanos();
            }
        }
        return view;
    }

    /** Counts and amounts: THB and the paid currency. */
    record Tally(long count, BigDecimal amount, BigDecimal paidAmount) {
        static final Tally NONE = new Tally(0, BigDecimal.ZERO, BigDecimal.ZERO);

        Tally plus(Tally other) {
            return new Tally(count + other.count, amount.add(other.amount), paidAmount.add(other.paidAmount));
        }

        boolean sameAs(Tally other) {
            return count == other.count && amount.compareTo(other.amount) == 0
                    && paidAmount.compareTo(other.paidAmount) == 0;
        }

        @Override
        public String toString() {
            return count + " / THB " + amount.toPlainString() + " / " + paidAmount.toPlainString();
        }
    }

    /** The differences found; empty when the run reconciles. */
    public List<String> reconcile(LocalDate runDate, Path out, PrintStream report) {
        List<String> differences = new ArrayList<>();
        if (jdbc.queryForObject("select count(*) from settlement.run where run_date = ?", Long.class, runDate) == 0) {
            differences.add("there is no settlement run for " + runDate);
            return differences;
        }
        Map<String, Map<String, Tally>> ours = new TreeMap<>();
        jdbc.query("select paid_currency, case when outcome is not null then outcome when scheduled then 'OUTSTANDING'"
                + " else 'UNSCHEDULED' end, count(*), sum(amount), sum(paid_amount) from settlement.payment"
                + " where run_date = ? group by 1, 2", row -> {
                    ours.computeIfAbsent(row.getString(1), c -> new TreeMap<>()).put(row.getString(2),
                            new Tally(row.getLong(3), row.getBigDecimal(4), row.getBigDecimal(5)));
                }, runDate);
        String settlementRun = PaymentIds.settlementRun(runDate);
        Ledger.RunView view = ledger.run(settlementRun);
        view = caughtUp(settlementRun, view, report);
        Map<String, Map<String, Tally>> theirs = new TreeMap<>();
        for (Ledger.RunLine line : view.lines()) {
            String state = switch (line.status()) {
                case "PAID" -> "PAID";
                case "SCHEDULED" -> "OUTSTANDING";
                default -> "FAILED"; // FAILED, or failed then approved again / cancelled: no longer this run's to pay
            };
            theirs.computeIfAbsent(line.paidCurrency(), c -> new TreeMap<>()).merge(state,
                    new Tally(line.claims(), line.amount(), line.paidAmount()), Tally::plus);
        }
        report.println("settlement run " + settlementRun + " (count / THB amount / paid amount)");
        TreeSet<String> currencies = new TreeSet<>(ours.keySet());
        currencies.addAll(theirs.keySet());
        for (String currency : currencies) {
            Map<String, Tally> mine = ours.getOrDefault(currency, Map.of());
            Map<String, Tally> ledgers = theirs.getOrDefault(currency, Map.of());
            Tally unscheduled = mine.getOrDefault("UNSCHEDULED", Tally.NONE);
            Tally confirmed = mine.getOrDefault("PAID", Tally.NONE);
            Tally rejected = mine.getOrDefault("FAILED", Tally.NONE);
            Tally outstanding = mine.getOrDefault("OUTSTANDING", Tally.NONE);
            Tally instructed = confirmed.plus(rejected).plus(outstanding);
            report.println("  " + currency + ": instructed " + instructed + "; confirmed " + confirmed + "; rejected "
                    + rejected + "; outstanding " + outstanding);
            if (unscheduled.count() > 0) {
                differences.add(currency + ": " + unscheduled.count() + " frozen payments are not instructed yet"
                        + " (run settle again for " + runDate + ")");
            }
            compare(differences, currency, "confirmed (PAID)", confirmed, ledgers.getOrDefault("PAID", Tally.NONE));
            compare(differences, currency, "rejected (FAILED)", rejected, ledgers.getOrDefault("FAILED", Tally.NONE));
            compare(differences, currency, "outstanding (SCHEDULED)", outstanding,
                    ledgers.getOrDefault("OUTSTANDING", Tally.NONE));
        }
        jdbc.query("select paid_currency, count(*), sum(amount) from settlement.withdrawn_payment where run_date = ?"
                + " group by paid_currency order by paid_currency", row -> {
                    report.println("  " + row.getString(1) + ": withdrawn before instruction (not in the files) "
                            + row.getLong(2) + " / THB " + row.getBigDecimal(3).toPlainString());
                }, runDate);
        journal(view, ours, differences);
        if (out != null) {
            files(runDate, out, differences);
        }
        return differences;
    }

    private static void compare(List<String> differences, String currency, String what, Tally ours, Tally ledgers) {
        if (!ours.sameAs(ledgers)) {
            differences.add(currency + " " + what + ": batch " + ours + ", ledger " + ledgers);
        }
    }

    /** The journal must have booked what was paid (bank clearing per currency) and paid or failed (liability). */
    private static void journal(Ledger.RunView view, Map<String, Map<String, Tally>> ours, List<String> differences) {
        if (view.journalBehind() > 0) {
            differences.add("the ledger's journal has " + view.journalBehind()
                    + " events still to book; postings cannot be compared yet (reconcile again shortly)");
            return;
        }
        BigDecimal liabilityDebits = BigDecimal.ZERO;
        Map<String, BigDecimal> clearing = new TreeMap<>();
        for (Ledger.Posting posting : view.postings()) {
            if (posting.account().endsWith("/BENEFIT_LIABILITY")) {
                liabilityDebits = liabilityDebits.add(posting.debit());
            }
            int at = posting.account().indexOf("/BANK_CLEARING/");
            if (at >= 0) {
                clearing.merge(posting.account().substring(at + "/BANK_CLEARING/".length()),
                        posting.credit().subtract(posting.debit()), BigDecimal::add);
            }
        }
        BigDecimal paidOrFailed = BigDecimal.ZERO;
        TreeSet<String> currencies = new TreeSet<>(ours.keySet());
        currencies.addAll(clearing.keySet());
        for (String currency : currencies) {
            Map<String, Tally> mine = ours.getOrDefault(currency, Map.of());
            BigDecimal paid = mine.getOrDefault("PAID", Tally.NONE).amount();
            paidOrFailed = paidOrFailed.add(paid).add(mine.getOrDefault("FAILED", Tally.NONE).amount());
            BigDecimal booked = clearing.getOrDefault(currency, BigDecimal.ZERO);
            if (booked.compareTo(paid) != 0) {
                differences.add("journal: BANK_CLEARING/" + currency + " credited THB " + booked.toPlainString()
                        + ", the batch confirmed THB " + paid.toPlainString() + " paid in " + currency);
            }
        }
        if (liabilityDebits.compareTo(paidOrFailed) != 0) {
            differences.add("journal: BENEFIT_LIABILITY debited THB " + liabilityDebits.toPlainString()
                    + ", the batch confirmed or rejected THB " + paidOrFailed.toPlainString());
        }
    }

    /** Every file the manifest lists has its hash; the manifest lists the run's files. */
    private void files(LocalDate runDate, Path out, List<String> differences) {
        Path manifest = out.resolve(RunFiles.manifestName(runDate));
        if (!Files.isRegularFile(manifest)) {
            differences.add("files: no manifest " + manifest);
            return;
        }
        TreeSet<String> expected = new TreeSet<>(jdbc.queryForList("select distinct debtor_account from"
                + " settlement.payment where run_date = ? and channel = 'BANK_ACCOUNT'", String.class, runDate)
                .stream().map(debtor -> RunFiles.pain001Name(runDate, debtor)).toList());
        expected.add(RunFiles.partnerName(runDate));
        expected.add(RunFiles.summaryName(runDate));
        TreeSet<String> listed = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(manifest)) {
                if (line.isBlank()) {
                    continue;
                }
                int gap = line.indexOf("  ");
                if (gap != 64) {
                    differences.add("files: manifest line is not in sha256sum format: " + line);
                    continue;
                }
                String name = line.substring(66);
                listed.add(name);
                Path file = out.resolve(name);
                if (!Files.isRegularFile(file)) {
                    differences.add("files: " + name + " is in the manifest but missing");
                } else if (!Manifest.sha256(file).equals(line.substring(0, 64))) {
                    differences.add("files: " + name + " does not match its SHA-256 in the manifest");
                }
            }
        } catch (IOException failed) {
            differences.add("files: cannot read " + failed.getMessage());
        }
        if (!listed.equals(expected)) {
            differences.add("files: the manifest lists " + listed + ", the run has " + expected);
        }
    }
}

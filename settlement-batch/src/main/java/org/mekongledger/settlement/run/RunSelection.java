package org.mekongledger.settlement.run;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.springframework.transaction.support.TransactionTemplate;

import org.mekongledger.settlement.Refusal;
import org.mekongledger.settlement.config.SettlementProperties;
import org.mekongledger.settlement.ledger.Ledger;
import org.mekongledger.settlement.ledger.Ledger.PayableClaim;
import org.mekongledger.settlement.ledger.Ledger.Rate;

/**
 * Freezes a run's claim set: every claim the ledger says is payable up to the run date, except
 * instructions already frozen in another run, converted at the run date's rates, with the payee as
 * it is now; the run and its payments are inserted in ONE transaction, so a crash leaves either no
 * run or the whole of it. A missing rate (or a currency no debtor account pays) rolls it all back and
 * refuses, naming every gap, before anything is written or scheduled.
 */
public class RunSelection {

    public static final ZoneId FUND_ZONE = ZoneId.of("Asia/Bangkok");

    private final Ledger ledger;
    private final Payments payments;
    private final TransactionTemplate transaction;
    private final SettlementProperties configuration;
    private final Clock clock;
    private final int pageSize;

    public RunSelection(Ledger ledger, Payments payments, TransactionTemplate transaction,
                        SettlementProperties configuration, Clock clock, int pageSize) {
        this.ledger = ledger;
        this.payments = payments;
        this.transaction = transaction;
        this.configuration = configuration;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Reads the payable claims a page ahead, on a thread of its own: only the ledger's REST API is
     * called there; everything written stays in the freeze's transaction on the caller's thread.
     */
    private final class PageReader {
        private final LocalDate runDate;

        PageReader(LocalDate runDate) {
            this.runDate = runDate;
        }

        Future<List<PayableClaim>> after(String claimId) {
            return READER.submit(() -> ledger.payableClaims(runDate, claimId, pageSize));
        }

        List<PayableClaim> await(Future<List<PayableClaim>> page) {
            try {
                return page.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the payable claims", interrupted);
            } catch (ExecutionException failed) {
                // the ledger's own refusal or outage, as if it had been read on this thread
                if (failed.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(failed.getCause());
            }
        }
    }

    private static final ExecutorService READER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "payable-claims-reader");
        thread.setDaemon(true);
        return thread;
    });

    /** The number of payments frozen now, or -1 when the run was frozen before (nothing to do). */
    public long freeze(LocalDate runDate) {
        if (payments.run(runDate).isPresent()) {
            return -1;
        }
        LocalDate today = LocalDate.now(clock.withZone(FUND_ZONE));
        if (runDate.isBefore(today)) {
            throw new Refusal("a new run date must be today or later in Asia/Bangkok (today is " + today + "), not "
                    + runDate);
        }
        Map<String, Rate> rates = ledger.fxRates(runDate);
        PaymentPlan plan = new PaymentPlan(runDate, rates, configuration);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Long frozen = transaction.execute(status -> {
            payments.insertRun(runDate, PaymentIds.settlementRun(runDate), createdAt);
            long count = 0;
            PageReader pages = new PageReader(runDate);
            Future<List<PayableClaim>> next = pages.after(null);
            while (true) {
                List<PayableClaim> page = pages.await(next);
                if (page.isEmpty()) {
                    break;
                }
                boolean last = page.size() < pageSize;
                if (!last) {
                    // the ledger answers the next page while this one is planned and inserted
                    next = pages.after(page.get(page.size() - 1).claimId());
                }
                Set<String> taken = payments.alreadyFrozen(page.stream()
                        .map(claim -> PaymentIds.endToEndId(claim.claimId(), claim.instruction())).toList());
                List<FrozenPayment> batch = new ArrayList<>(page.size());
                for (PayableClaim claim : page) {
                    if (!taken.contains(PaymentIds.endToEndId(claim.claimId(), claim.instruction()))) {
                        plan.plan(claim).ifPresent(batch::add);
                    }
                }
                if (plan.complete()) {
                    payments.insert(batch);
                    count += batch.size();
                }
                if (last) {
                    break;
                }
            }
            if (!plan.complete()) {
                status.setRollbackOnly();
            }
            return count;
        });
        if (!plan.complete()) {
            List<String> gaps = new ArrayList<>();
            if (!plan.missingRates().isEmpty()) {
                gaps.add("no FX rate for " + runDate + " in " + String.join(", ", plan.missingRates()));
            }
            if (!plan.currenciesWithoutAccount().isEmpty()) {
                gaps.add("no debtor account pays " + plan.currenciesWithoutAccount().stream()
                        .collect(Collectors.joining(", ")));
            }
            List<String> unpayable = plan.unpayable();
            if (!unpayable.isEmpty()) {
                gaps.add(unpayable.size() + " claims the bank or partner file cannot carry (first "
                        + Math.min(20, unpayable.size()) + ": " + String.join("; ", unpayable.subList(0,
                        Math.min(20, unpayable.size()))) + ")");
            }
            throw new Refusal("settlement of " + runDate + " stopped, nothing written or scheduled: "
                    + String.join("; ", gaps));
        }
        return frozen;
    }
}

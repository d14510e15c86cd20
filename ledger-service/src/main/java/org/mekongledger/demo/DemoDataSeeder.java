package org.mekongledger.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Violation;
import org.mekongledger.filing.FilingReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds the {@link DemoPopulation} on startup under the {@code demo} profile, through the same
 * command handlers a clerk's requests go through, so a new user sees a full ledger at once.
 *
 * <p>Runs only against an empty event store: when {@code domain_event_entry} holds any event, it
 * logs that and does nothing. Workers and each month's filings are sent on a small thread pool;
 * months follow one another, so every employer's filings, reversals and re-filings keep their
 * order, and no worker is in two filings being recorded at the same time.
 *
 * <p>Every command carries the actor {@value #SEEDER}, so the demo data is attributable as such.
 *
 * <p>Logs counts and timings only: no names, documents or contacts, even synthetic ones.
 */
@Component
@Profile("demo")
public class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    /** The actor every demo event is attributed to. */
    static final String SEEDER = "demo-seeder";

    private final LedgerCommands commands;
    private final JdbcTemplate jdbc;
    private final long seed;
    private final int workers;
    private final int employers;
    private final int reversals;
    private final int threads;

    DemoDataSeeder(LedgerCommands commands, JdbcTemplate jdbc, DemoSettings settings) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.seed = settings.seed();
        this.workers = settings.workers();
        this.employers = settings.employers();
        this.reversals = settings.reversals();
        this.threads = Math.max(1, Math.min(8, settings.threads()));
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        Boolean anyEvent;
        try {
            anyEvent = jdbc.queryForObject("select exists(select 1 from domain_event_entry)", Boolean.class);
        } catch (DataAccessException unreadable) {
            log.warn("Demo data: cannot read the event store table domain_event_entry ({}); not seeding",
                    unreadable.getClass().getSimpleName());
            return;
        }
        if (Boolean.TRUE.equals(anyEvent)) {
            log.info("Demo data: the event store already holds events; skipping seeding");
            return;
        }
        long started = System.nanoTime();
        DemoPopulation population = DemoPopulation.generate(seed, workers, employers, reversals);
        log.info("Demo data: seeding {} employers, {} workers, {} filings ({} lines) for {} to {}, {} reversed and re-filed, on {} threads",
                population.employers().size(), population.workers().size(), population.filingCount(),
                population.lineCount(), DemoPopulation.FIRST_PERIOD, DemoPopulation.LAST_PERIOD,
                population.reversalCount(), threads);

        AtomicLong recordedLines = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, new SeederThreads());
        try {
            for (Object command : population.employers()) {
                send(command, "employer registration");
            }
            sendAll(pool, population.workers(), "worker registration", recordedLines);
            log.info("Demo data: {} employers and {} workers registered after {} s", population.employers().size(),
                    population.workers().size(), seconds(started));

            int filings = 0;
            for (DemoPopulation.Month month : population.months()) {
                sendAll(pool, month.filings(), "filing for " + month.period(), recordedLines);
                filings += month.filings().size();
                for (DemoPopulation.Correction correction : month.corrections()) {
                    send(correction.reversal(), "reversal in " + month.period());
                    recordedLines.addAndGet(lines(send(correction.corrected(), "corrected filing in " + month.period())));
                    filings++;
                }
                if (month.period().getMonthValue() == 12 || month.period().equals(DemoPopulation.LAST_PERIOD)) {
                    log.info("Demo data: filed up to {}: {} filings, {} lines, {} s", month.period(), filings,
                            recordedLines.get(), seconds(started));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        log.info("Demo data: seeded {} employers, {} workers, {} filings with {} lines and {} reversals in {} s",
                population.employers().size(), population.workers().size(), population.filingCount(),
                recordedLines.get(), population.reversalCount(), seconds(started));
    }

    /** Sends the commands concurrently and waits for all; stops at the first failure. */
    private void sendAll(ExecutorService pool, List<?> commands, String step, AtomicLong recordedLines)
            throws InterruptedException {
        List<Future<Object>> pending = new ArrayList<>(commands.size());
        for (Object command : commands) {
            pending.add(pool.submit(() -> send(command, step)));
        }
        try {
            for (Future<Object> result : pending) {
                recordedLines.addAndGet(lines(result.get()));
            }
        } catch (ExecutionException failed) {
            pending.forEach(future -> future.cancel(false));
            throw (failed.getCause() instanceof DemoSeedingFailed seeding) ? seeding
                    : new DemoSeedingFailed(step, failed.getCause());
        } catch (InterruptedException interrupted) {
            pending.forEach(future -> future.cancel(true));
            throw interrupted;
        }
    }

    private Object send(Object command, String step) {
        try {
            return commands.sendAs(SEEDER, command);
        } catch (RuntimeException refused) {
            throw new DemoSeedingFailed(step, refused);
        }
    }

    private static long lines(Object result) {
        return result instanceof FilingReceipt receipt ? receipt.lines().size() : 0;
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    /**
     * A seeding command was refused. Carries the step, the exception type and, for rule
     * violations, the offending field names: not the messages, which may quote documents or names.
     * The cause is logged at DEBUG only.
     */
    static final class DemoSeedingFailed extends IllegalStateException {
        DemoSeedingFailed(String step, Throwable cause) {
            super("Demo data seeding stopped at " + step + ": " + describe(cause)
                    + "; the event store now holds a partial demo data set: empty it before restarting with the demo profile");
            log.debug("Demo data seeding failure", cause);
        }

        private static String describe(Throwable cause) {
            String type = cause == null ? "unknown" : cause.getClass().getSimpleName();
            if (cause instanceof RequestRefused refused) {
                return type + " on " + refused.violations().stream().map(Violation::field).toList();
            }
            return type;
        }
    }

    private static final class SeederThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "demo-seeder-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

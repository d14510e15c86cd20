package org.mekongledger.settlement.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

import org.mekongledger.settlement.ledger.Ledger;
import org.mekongledger.settlement.ledger.LedgerRefused;

/**
 * The {@code settle} job of one run date: freeze, schedule, write files.
 *
 * <p>Restart design: every invocation of {@code settle} is a NEW job instance (identifying
 * parameters: the run date and a fresh invocation id), and every step is idempotent on the batch's
 * own tables instead of on Spring Batch's step bookkeeping. A {@code kill -9} leaves at most a
 * STARTED execution behind, which nothing waits on (the advisory lock, not the job repository, keeps
 * two runs apart); the next invocation simply does what is still to do:
 * <ul>
 *   <li>freeze: skipped when the run row exists (the run and its payments commit in one transaction,
 *       so it is either absent or whole);</li>
 *   <li>schedule: reads only payments not yet marked scheduled, in EndToEndId order, 1,000 a chunk;
 *       the service is told (in up to {@code requestsInFlight} requests at once, parted by worker), then
 *       the chunk is marked in the same chunk transaction once every request has returned. A crash
 *       between the two sends that chunk again, which the service answers ALREADY_RECORDED;</li>
 *   <li>files: written from the frozen tables alone (temp file, fsync, atomic rename, manifest last),
 *       so writing again gives the same bytes.</li>
 * </ul>
 * This is simpler and sturdier than finding and abandoning stale executions, and keeps the job
 * repository an honest log of every attempt.
 */
public class SettleJob {

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final RunSelection selection;
    private final Payments payments;
    private final Ledger ledger;
    private final RunFiles files;
    private final int chunkSize;
    private final int requestsInFlight;
    private final ExecutorService senders;

    public SettleJob(JobRepository repository, PlatformTransactionManager transactions, RunSelection selection,
                     Payments payments, Ledger ledger, RunFiles files, int chunkSize, int requestsInFlight) {
        this.repository = repository;
        this.transactions = transactions;
        this.selection = selection;
        this.payments = payments;
        this.ledger = ledger;
        this.files = files;
        this.chunkSize = chunkSize;
        if (requestsInFlight < 1) {
            throw new IllegalArgumentException("settlement.requests-in-flight must be at least 1, not " + requestsInFlight);
        }
        this.requestsInFlight = requestsInFlight;
        this.senders = Executors.newFixedThreadPool(requestsInFlight, runnable -> {
            Thread thread = new Thread(runnable, "settle-request");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What one invocation did, for the closing summary. */
    public static final class Outcome {
        public long frozen = -1;
        public long scheduledNow;
        public long withdrawnNow;
        public final List<String> files = new ArrayList<>();
        /** Milliseconds each step took in this invocation (freeze, schedule, files), for the summary and the bench. */
        public final Map<String, Long> millis = new LinkedHashMap<>();

        StepExecutionListener timer() {
            return new StepExecutionListener() {
                @Override
                public ExitStatus afterStep(StepExecution step) {
                    if (step.getStartTime() != null) {
                        millis.put(step.getStepName(), Duration.between(step.getStartTime(), LocalDateTime.now()).toMillis());
                    }
                    return null;
                }
            };
        }
    }

    public Job job(LocalDate runDate, Path out, Outcome outcome) {
        return new JobBuilder("settle", repository)
                .start(freeze(runDate, outcome))
                .next(schedule(runDate, outcome))
                .next(writeFiles(runDate, out, outcome))
                .build();
    }

    private Step freeze(LocalDate runDate, Outcome outcome) {
        return new StepBuilder("freeze", repository).listener(outcome.timer()).tasklet((contribution, context) -> {
            outcome.frozen = selection.freeze(runDate);
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    private Step schedule(LocalDate runDate, Outcome outcome) {
        String settlementRun = PaymentIds.settlementRun(runDate);
        ItemWriter<FrozenPayment> writer = chunk -> {
            List<String> ids = new ArrayList<>(chunk.size());
            for (Sent sent : sendInParts(chunk.getItems(), settlementRun)) {
                if (sent.refused() == null) {
                    sent.part().forEach(payment -> ids.add(payment.endToEndId()));
                } else if (refusedForGood(sent.refused())) {
                    ids.addAll(oneByOne(sent.part(), settlementRun, outcome));
                } else {
                    throw sent.refused();
                }
            }
            payments.markScheduled(ids);
            outcome.scheduledNow += ids.size();
        };
        return new StepBuilder("schedule", repository).<FrozenPayment, FrozenPayment>chunk(chunkSize)
                .transactionManager(transactions)
                .listener(outcome.timer())
                .reader(new UnscheduledReader(runDate))
                .writer(writer)
                .build();
    }

    /** One request of a chunk and the service's refusal of it, if it refused. */
    private record Sent(List<FrozenPayment> part, LedgerRefused refused) {
    }

    /**
     * Sends a chunk as up to {@code requestsInFlight} requests at once, its payments parted by worker
     * so that two requests never load the same account (they would collide and one would retry). The
     * service works one request on one thread; two in flight keep both its cores and the database
     * busy while the other crosses the wire. Only the requests run here: what the refusals lead to
     * (sending one by one, withdrawing) runs on the chunk's thread, in its transaction, after all
     * have returned.
     */
    private List<Sent> sendInParts(List<? extends FrozenPayment> chunk, String settlementRun) throws Exception {
        List<List<FrozenPayment>> parts = PaymentParts.byWorker(chunk, requestsInFlight);
        if (parts.size() == 1) {
            return List.of(send(parts.get(0), settlementRun));
        }
        List<Future<Sent>> inFlight = new ArrayList<>(parts.size());
        for (List<FrozenPayment> part : parts) {
            inFlight.add(senders.submit(() -> send(part, settlementRun)));
        }
        List<Sent> sent = new ArrayList<>(parts.size());
        RuntimeException failed = null;
        for (Future<Sent> request : inFlight) {
            try {
                sent.add(request.get());
            } catch (ExecutionException failure) {
                // every request is waited for before the chunk fails: none is left running into the next
                if (failed == null) {
                    failed = failure.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(failure.getCause());
                } else {
                    failed.addSuppressed(failure.getCause());
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return sent;
    }

    private Sent send(List<FrozenPayment> part, String settlementRun) {
        List<Ledger.Scheduling> schedulings = new ArrayList<>(part.size());
        for (FrozenPayment payment : part) {
            schedulings.add(new Ledger.Scheduling(payment.claimId(), payment.instruction(settlementRun)));
        }
        try {
            ledger.schedule(schedulings);
            return new Sent(part, null);
        } catch (LedgerRefused refused) {
            return new Sent(part, refused);
        }
    }

    private Step writeFiles(LocalDate runDate, Path out, Outcome outcome) {
        return new StepBuilder("files", repository).listener(outcome.timer()).tasklet((contribution, context) -> {
            long unscheduled = payments.count(runDate, false) - payments.count(runDate, true);
            if (unscheduled != 0) {
                throw new IllegalStateException(unscheduled + " payments of " + runDate + " are not scheduled yet");
            }
            payments.runState(runDate, "SCHEDULED");
            try {
                outcome.files.addAll(files.write(runDate, out));
            } catch (IOException failed) {
                throw new UncheckedIOException("writing the files of " + runDate + " into " + out + " failed", failed);
            }
            payments.runState(runDate, "WRITTEN");
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    /**
     * The service refuses a whole chunk when one claim may no longer be instructed (cancelled, or
     * instructed otherwise, since the run was frozen). Sent one by one, those are found and withdrawn
     * from the run (kept with the service's reason); the others are instructed. A conflict that may
     * pass (concurrency-conflict, request-in-progress) is not a refusal for good: the run stops and
     * is resumed.
     */
    private List<String> oneByOne(List<FrozenPayment> chunk, String settlementRun, Outcome outcome) {
        List<String> ids = new ArrayList<>(chunk.size());
        for (FrozenPayment payment : chunk) {
            LedgerRefused refused = send(List.of(payment), settlementRun).refused();
            if (refused == null) {
                ids.add(payment.endToEndId());
            } else if (refusedForGood(refused)) {
                payments.withdraw(payment, refused.getMessage());
                outcome.withdrawnNow++;
            } else {
                throw refused;
            }
        }
        return ids;
    }

    private static boolean refusedForGood(LedgerRefused refused) {
        return refused.status() == 409 && !refused.getMessage().contains("concurrency-conflict")
                && !refused.getMessage().contains("request-in-progress");
    }

    /** Keyset pages of the run's payments not yet scheduled, by EndToEndId. */
    private final class UnscheduledReader implements ItemReader<FrozenPayment> {
        private final LocalDate runDate;
        private String after = "";
        private Iterator<FrozenPayment> page = List.<FrozenPayment>of().iterator();

        UnscheduledReader(LocalDate runDate) {
            this.runDate = runDate;
        }

        @Override
        public FrozenPayment read() {
            if (!page.hasNext()) {
                List<FrozenPayment> next = payments.unscheduled(runDate, after, chunkSize);
                if (next.isEmpty()) {
                    return null;
                }
                after = next.get(next.size() - 1).endToEndId();
                page = next.iterator();
            }
            return page.next();
        }
    }
}

package org.mekongledger.bench;

import static org.mekongledger.bench.Out.abbreviate;
import static org.mekongledger.bench.Out.say;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.IntFunction;

import org.mekongledger.bench.BenchmarkHttp.Exchange;

/** Outcome of one batch of creating requests (register, file, ...) sent by concurrent clients; 201 is success. */
record RequestPhase(String name, int count, int ok, long firstStartNanos, long lastEndNanos, Latencies latencies,
                    Map<Integer, Long> statuses, List<String> failures) {

    /** Handles a response with the expected status; throwing makes it a failure. */
    interface OnSuccess {
        void accept(int index, Exchange exchange) throws Exception;
    }

    int failed() {
        return count - ok;
    }

    double seconds() {
        return count == 0 ? 0 : (lastEndNanos - firstStartNanos) / 1e9;
    }

    double perSecond(long n) {
        return n / seconds();
    }

    double percentile(double p) {
        return latencies.millis(p);
    }

    /**
     * {@code concurrency} client threads take request indices 0..count-1 in order until all are sent; each thread
     * reuses its connection. Progress is printed every tenth of a phase of 100 requests or more, and the outcome at
     * the end.
     */
    static RequestPhase run(String name, int count, int concurrency, IntFunction<Exchange> call, OnSuccess onSuccess)
            throws Exception {
        long[] latency = new long[count];
        LongAccumulator firstStart = new LongAccumulator(Math::min, Long.MAX_VALUE);
        LongAccumulator lastEnd = new LongAccumulator(Math::max, Long.MIN_VALUE);
        ResponseTally tally = new ResponseTally();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int tick = Math.max(1, count / 10);
        long phaseStart = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                clients.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        Exchange ex = call.apply(i);
                        firstStart.accumulate(ex.startNanos());
                        lastEnd.accumulate(ex.endNanos());
                        latency[i] = ex.endNanos() - ex.startNanos();
                        tally.status(ex.status());
                        if (ex.status() != 201) {
                            tally.failure("#" + i + " " + ex.status() + ": " + abbreviate(ex.body()));
                        } else {
                            try {
                                onSuccess.accept(i, ex);
                                ok.incrementAndGet();
                            } catch (Exception e) {
                                tally.failure("#" + i + " " + ex.status() + " unreadable (" + e.getMessage() + "): "
                                        + abbreviate(ex.body()));
                            }
                        }
                        int d = done.incrementAndGet();
                        if (count >= 100 && d % tick == 0 && d < count) {
                            say("  %s: %d/%d (%.1f s)", name, d, count, (System.nanoTime() - phaseStart) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long first = count == 0 ? phaseStart : firstStart.get();
        long last = count == 0 ? phaseStart : lastEnd.get();
        RequestPhase phase = new RequestPhase(name, count, ok.get(), first, last, Latencies.of(latency),
                tally.statuses(), tally.failures());
        phase.report();
        return phase;
    }

    private void report() {
        say("%s: %d in %.2f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, statuses %s", name, count, seconds(),
                perSecond(count), percentile(50), percentile(99), statuses);
        if (failed() > 0) {
            say("  %d FAILED; first %d:", failed(), failures.size());
            failures.forEach(f -> say("    %s", f));
        }
    }
}

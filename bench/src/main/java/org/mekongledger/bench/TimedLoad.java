package org.mekongledger.bench;

import static org.mekongledger.bench.Out.abbreviate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.mekongledger.bench.BenchmarkHttp.Exchange;

/** Closed-loop load for a time window: each client thread sends its next request as soon as one returns. */
final class TimedLoad {

    /** What the clients saw; the rate is over first start to last end. */
    record Result(String name, int count, int errors, long startNanos, long endNanos, Latencies latencies,
                  Map<Integer, Long> statuses, List<String> failures) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double perSecond() {
            return count / seconds();
        }

        double percentile(double p) {
            return latencies.millis(p);
        }
    }

    /** One client's latencies (nanoseconds), grown as needed: no shared state on the hot path. */
    private static final class Recorder {
        long[] nanos = new long[1 << 14];
        int n;
        int errors;
        long lastEnd = Long.MIN_VALUE;

        void add(long latency) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = latency;
        }
    }

    private TimedLoad() {
    }

    /**
     * {@code clients} threads, each picking random targets 0..targets-1 (seeded), for {@code seconds}: a request
     * counts if it started inside the window. Null if {@code seconds} is not positive (no window asked for).
     */
    static Result run(String name, int clients, long seed, double seconds, int targets, IntFunction<Exchange> call,
                      Predicate<Exchange> ok) throws Exception {
        if (seconds <= 0) {
            return null;
        }
        Recorder[] recorders = new Recorder[clients];
        ResponseTally tally = new ResponseTally();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                Recorder r = new Recorder();
                recorders[t] = r;
                SplittableRandom random = new SplittableRandom(seed * 31 + t + name.hashCode());
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        Exchange ex = call.apply(random.nextInt(targets));
                        r.add(ex.endNanos() - ex.startNanos());
                        r.lastEnd = ex.endNanos();
                        tally.status(ex.status());
                        if (!ok.test(ex)) {
                            r.errors++;
                            tally.failure(ex.status() + ": " + abbreviate(ex.body()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int count = 0;
        int errors = 0;
        long lastEnd = start;
        for (Recorder r : recorders) {
            count += r.n;
            errors += r.errors;
            lastEnd = Math.max(lastEnd, r.lastEnd);
        }
        long[] all = new long[count];
        int at = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.nanos, 0, all, at, r.n);
            at += r.n;
        }
        return new Result(name, count, errors, start, lastEnd, Latencies.of(all), tally.statuses(), tally.failures());
    }
}

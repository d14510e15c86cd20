package org.mekongledger.bench;

import java.util.Arrays;

/** Recorded latencies, sorted once, read as nearest-rank percentiles in milliseconds. */
final class Latencies {

    private final long[] sortedNanos;

    /** Takes ownership of {@code nanos} and sorts it. */
    private Latencies(long[] nanos) {
        Arrays.sort(nanos);
        this.sortedNanos = nanos;
    }

    static Latencies of(long[] nanos) {
        return new Latencies(nanos);
    }

    /** Nearest rank: the smallest latency with at least p% of them at or below it; 100 is the maximum. */
    double millis(double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}

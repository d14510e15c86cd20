package org.mekongledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Responses by status, and the first few failures in words, counted from many client threads. */
final class ResponseTally {

    private static final int FAILURES_SHOWN = 5;

    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresSeen = new AtomicInteger();

    void status(int status) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Keeps only the first few, so that a broken service does not flood the output. */
    void failure(String description) {
        if (failuresSeen.getAndIncrement() < FAILURES_SHOWN) {
            failures.add(description);
        }
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
        return byStatus;
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }
}

package org.mekongledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Memory stays bounded while crash gaps are tracked (issue 6, point 4). Two largest filings take
 * their indexes and roll back (10,002 gaps, as two kills in a filing's append leave), then a
 * filing of 3,000 lines is projected while the gaps are still within the timeout. Axon's own tokens held a
 * tree copy of every gap (40 bytes each) per event in flight: over a thousand events queued in the
 * pooled processor made that hundreds of MB. The live tree entries (the heap's class histogram,
 * taken with a full GC while the projection runs) must stay within a few transient copies of one
 * gap set above the baseline.
 */
class GapMemoryTest extends ApiTestBase {

    private static final int LARGEST_FILING = 5_001;
    private static final int CRASHES = 2;
    /** More than a pooled processor queues per segment (1,024) and its batch: Axon's tokens would fill both. */
    private static final int FILING_AFTER = 3_000;
    private static final long BYTES_PER_TREE_GAP = 40;
    /** Transient copies: the token being read and the one before it, per reading thread (two at most). */
    private static final int TRANSIENT_COPIES = 10;

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void projectingPastCrashGapsKeepsNoCopyOfTheGapsPerEventInFlight() throws Exception {
        for (int i = 0; i < CRASHES; i++) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                eventStore.publish(SyntheticEvents.contributions("crashed-" + UUID.randomUUID(), LARGEST_FILING));
                status.setRollbackOnly();
            });
        }
        awaitBooked(publish("after-crash-", 1));
        long gaps = (long) CRASHES * LARGEST_FILING;
        long baseline = histogram().treeEntryBytes;

        AtomicBoolean projecting = new AtomicBoolean(true);
        AtomicLong peakTreeBytes = new AtomicLong();
        AtomicLong peakTokens = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (projecting.get()) {
                Histogram sample = histogram();
                peakTreeBytes.accumulateAndGet(sample.treeEntryBytes, Math::max);
                peakTokens.accumulateAndGet(sample.tokens, Math::max);
                try {
                    // each sample stops the JVM for a full GC: leave the projection time to run
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.start();
        String filing = "resent-" + UUID.randomUUID();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status ->
                    eventStore.publish(SyntheticEvents.contributions(filing, FILING_AFTER)));
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                    "select count(*) from ledger_entry where filing_id = ?", Long.class, filing) == FILING_AFTER);
        } finally {
            projecting.set(false);
            sampler.interrupt();
            sampler.join(30_000);
        }

        long bound = TRANSIENT_COPIES * gaps * BYTES_PER_TREE_GAP;
        System.out.printf("gap memory: %d gaps, baseline tree entries %d B, peak %d B (bound +%d B), peak tokens %d%n",
                gaps, baseline, peakTreeBytes.get(), bound, peakTokens.get());
        assertThat(peakTokens.get()).as("tokens were live while sampling").isPositive();
        assertThat(peakTreeBytes.get() - baseline)
                .as("tree entries held for gaps while %d tokens were in flight", peakTokens.get())
                .isLessThan(bound);
        assertThat(jdbc.queryForObject("select count(distinct event_id) from ledger_entry", Long.class))
                .isEqualTo(eventCount());
    }

    private String publish(String prefix, int count) {
        List<DomainEventMessage<?>> events = SyntheticEvents.contributions(prefix + UUID.randomUUID(), count);
        eventStore.publish(events);
        return events.get(0).getIdentifier();
    }

    private void awaitBooked(String eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from ledger_entry where event_id = ?", Long.class, eventId) == 1);
    }

    private record Histogram(long treeEntryBytes, long tokens) {
    }

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

    /** Live objects only: the histogram runs a full GC first (as {@code jcmd <pid> GC.class_histogram}). */
    private static Histogram histogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            long treeBytes = 0;
            long tokens = 0;
            Matcher row = ROW.matcher(text);
            while (row.find()) {
                switch (row.group(3)) {
                    case "java.util.TreeMap$Entry" -> treeBytes = Long.parseLong(row.group(2));
                    case "org.axonframework.eventhandling.GapAwareTrackingToken" -> tokens = Long.parseLong(row.group(1));
                    default -> { }
                }
            }
            return new Histogram(treeBytes, tokens);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

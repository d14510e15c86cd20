package org.mekongledger.axon;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SortedSet;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC event store whose tracking tokens keep their gaps as {@link GapRuns}.
 * <p>
 * Axon gives every event it reads a token of its own with a full copy of the gaps (a tree entry of
 * 40 bytes per gap), and a pooled processor holds up to 1,024 events queued per segment plus the
 * batch in hand, besides the event store's tail cache. After kills left three 5,001-index gaps, every
 * event in flight carried 15,003 gaps (600 KB): 1,000 of them fill a 512 MB heap. Here each token
 * keeps its gaps as runs of consecutive indexes (16 bytes per run; a killed filing is one run) and
 * consecutive tokens with the same gaps share one set. Memory for gaps is therefore
 * events in flight x runs x 16 bytes (plus one transient tree copy, gaps x 40 bytes, per event being
 * read), instead of events in flight x gaps x 40 bytes.
 */
class CompactGapsEventStorageEngine extends JdbcEventStorageEngine {

    private static final Constructor<GapAwareTrackingToken> TOKEN;
    private static final Field GAPS;
    private static final Field TRUNCATION;
    private static final Field EVENT_DATA;

    static {
        try {
            // Axon's token has no public way to take a set without copying it into a tree
            TOKEN = GapAwareTrackingToken.class.getDeclaredConstructor(long.class, SortedSet.class, long.class);
            TOKEN.setAccessible(true);
            GAPS = GapAwareTrackingToken.class.getDeclaredField("gaps");
            GAPS.setAccessible(true);
            TRUNCATION = GapAwareTrackingToken.class.getDeclaredField("gapTruncationIndex");
            TRUNCATION.setAccessible(true);
            // the event read, without the token Axon made for it (which holds the tree copy of the gaps)
            EVENT_DATA = TrackedDomainEventData.class.getDeclaredField("eventData");
            EVENT_DATA.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    CompactGapsEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        GapAwareTrackingToken token = (GapAwareTrackingToken) data.trackingToken();
        GapAwareTrackingToken compact = compact(token, previousToken);
        if (compact == token) {
            return data;
        }
        try {
            return new TrackedDomainEventData<>(compact, (DomainEventData<?>) EVENT_DATA.get(data));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Axon's TrackedDomainEventData changed shape", e);
        }
    }

    /** The set a token holds itself (its getter wraps it). */
    static SortedSet<?> gapsHeldBy(GapAwareTrackingToken token) {
        try {
            return (SortedSet<?>) GAPS.get(token);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code token} with its gaps as runs, shared with {@code previous} when they are the same gaps. */
    static GapAwareTrackingToken compact(GapAwareTrackingToken token, GapAwareTrackingToken previous) {
        try {
            SortedSet<?> gaps = (SortedSet<?>) GAPS.get(token);
            if (gaps.isEmpty() || gaps instanceof GapRuns) {
                return token;
            }
            @SuppressWarnings("unchecked")
            GapRuns runs = GapRuns.of((SortedSet<Long>) gaps);
            if (previous != null && GAPS.get(previous) instanceof GapRuns before && before.sameRunsAs(runs)) {
                runs = before;
            }
            return TOKEN.newInstance(token.getIndex(), runs, TRUNCATION.getLong(token));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Axon's GapAwareTrackingToken changed shape", e);
        }
    }
}

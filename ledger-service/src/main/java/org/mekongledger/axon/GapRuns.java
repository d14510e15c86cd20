package org.mekongledger.axon;

import java.io.Serializable;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;

/**
 * An immutable set of gaps (global indexes not yet seen) kept as runs of consecutive indexes: a
 * crashed or open filing leaves one run of up to 5,001 indexes, so its gaps take 16 bytes instead of
 * 5,001 tree entries of 40 bytes in every tracking token that carries them. Ascending order, no
 * comparator (natural order), exactly as Axon's own gap sets, so tokens compare and serialize the same.
 */
final class GapRuns extends AbstractSet<Long> implements SortedSet<Long>, Serializable {

    private static final long serialVersionUID = 1L;
    private static final GapRuns NONE = new GapRuns(new long[0], 0);

    /** first and last index (inclusive) of each run, ascending; runs never touch. */
    private final long[] runs;
    private final int size;

    private GapRuns(long[] runs, int size) {
        this.runs = runs;
        this.size = size;
    }

    /** The runs of an ascending set of indexes. */
    static GapRuns of(SortedSet<Long> gaps) {
        if (gaps instanceof GapRuns runs) {
            return runs;
        }
        long[] runs = new long[8];
        int length = 0;
        int size = 0;
        for (Long gap : gaps) {
            long index = gap;
            if (length > 0 && runs[length - 1] == index - 1) {
                runs[length - 1] = index;
            } else {
                if (length == runs.length) {
                    runs = Arrays.copyOf(runs, length * 2);
                }
                runs[length++] = index;
                runs[length++] = index;
            }
            size++;
        }
        return size == 0 ? NONE : new GapRuns(Arrays.copyOf(runs, length), size);
    }

    /** The same gaps: one instance can then serve every token that holds them. */
    boolean sameRunsAs(GapRuns other) {
        return size == other.size && Arrays.equals(runs, other.runs);
    }

    int runCount() {
        return runs.length / 2;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof Long value)) {
            return false;
        }
        int run = runAtOrBefore(value);
        return run >= 0 && value <= runs[2 * run + 1];
    }

    /** The last run starting at or before {@code index}, or -1. */
    private int runAtOrBefore(long index) {
        int low = 0;
        int high = runCount() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (runs[2 * middle] <= index) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    @Override
    public Iterator<Long> iterator() {
        return new Iterator<>() {
            private int run;
            private long next = runs.length == 0 ? 0 : runs[0];

            @Override
            public boolean hasNext() {
                return 2 * run < runs.length;
            }

            @Override
            public Long next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long value = next;
                if (value == runs[2 * run + 1]) {
                    run++;
                    if (2 * run < runs.length) {
                        next = runs[2 * run];
                    }
                } else {
                    next = value + 1;
                }
                return value;
            }
        };
    }

    @Override
    public Comparator<? super Long> comparator() {
        return null;
    }

    @Override
    public Long first() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return runs[0];
    }

    @Override
    public Long last() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return runs[runs.length - 1];
    }

    @Override
    public SortedSet<Long> headSet(Long toElement) {
        return between(Long.MIN_VALUE, toElement);
    }

    @Override
    public SortedSet<Long> tailSet(Long fromElement) {
        // a gap always lies below an index seen, so no gap is Long.MAX_VALUE
        return between(fromElement, Long.MAX_VALUE);
    }

    @Override
    public SortedSet<Long> subSet(Long fromElement, Long toElement) {
        if (fromElement > toElement) {
            throw new IllegalArgumentException("fromElement > toElement");
        }
        return between(fromElement, toElement);
    }

    /** Gaps from {@code from} (inclusive) to {@code to} (exclusive), as a set of its own. */
    private GapRuns between(long from, long to) {
        if (to == Long.MIN_VALUE) {
            return NONE;
        }
        long[] cut = new long[runs.length];
        int length = 0;
        long count = 0;
        for (int run = 0; run < runCount(); run++) {
            long first = Math.max(runs[2 * run], from);
            long last = Math.min(runs[2 * run + 1], to - 1);
            if (first <= last) {
                cut[length++] = first;
                cut[length++] = last;
                count += last - first + 1;
            }
        }
        return count == 0 ? NONE : new GapRuns(Arrays.copyOf(cut, length), Math.toIntExact(count));
    }
}

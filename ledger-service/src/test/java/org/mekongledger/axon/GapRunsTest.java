package org.mekongledger.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Gaps kept as runs behave exactly as Axon's own tree of gaps, in sets and in tokens. */
class GapRunsTest {

    private static final int MAX_GAP_OFFSET = 160_032;

    @Test
    void runsAreTheSameSetAsTheTree() {
        Random random = new Random(42);
        for (int round = 0; round < 60; round++) {
            TreeSet<Long> tree = randomGaps(random);
            GapRuns runs = GapRuns.of(tree);
            assertThat(runs).isEqualTo(tree);
            assertThat(tree).isEqualTo(runs);
            assertThat(runs.hashCode()).isEqualTo(tree.hashCode());
            assertThat(new ArrayList<>(runs)).containsExactlyElementsOf(tree);
            assertThat(runs.size()).isEqualTo(tree.size());
            if (!tree.isEmpty()) {
                assertThat(runs.first()).isEqualTo(tree.first());
                assertThat(runs.last()).isEqualTo(tree.last());
            }
            for (int probe = 0; probe < 20; probe++) {
                long a = random.nextInt(12_000) - 500;
                long b = a + random.nextInt(6_000);
                assertThat(runs.contains(a)).isEqualTo(tree.contains(a));
                assertThat(runs.headSet(a)).isEqualTo(tree.headSet(a));
                assertThat(runs.tailSet(a)).isEqualTo(tree.tailSet(a));
                assertThat(runs.subSet(a, b)).isEqualTo(tree.subSet(a, b));
                assertThat(new TreeSet<>(runs.tailSet(a))).isEqualTo(tree.tailSet(a));
            }
        }
    }

    @Test
    void aKilledFilingsGapIsOneRun() {
        TreeSet<Long> gaps = new TreeSet<>();
        for (long index = 1_000; index < 6_001; index++) {
            gaps.add(index);
        }
        assertThat(GapRuns.of(gaps).runCount()).isEqualTo(1);
        assertThat(GapRuns.of(gaps)).hasSize(5_001);
    }

    /** The engine's tokens: equal to Axon's, advancing alike, serialized alike, sharing unchanged gaps. */
    @Test
    void compactTokensAdvanceCompareAndSerializeAsAxonsOwn() {
        Serializer serializer = new AxonStorageConfiguration().axonSerializer();
        Random random = new Random(7);
        for (int walk = 0; walk < 4; walk++) {
            GapAwareTrackingToken plain = GapAwareTrackingToken.newInstance(10_000, randomGaps(random).headSet(10_000L));
            GapAwareTrackingToken compact = CompactGapsEventStorageEngine.compact(plain, null);
            int shared = 0;
            for (int step = 0; step < 100; step++) {
                long next = nextIndex(random, plain);
                GapAwareTrackingToken plainNext = plain.advanceTo(next, MAX_GAP_OFFSET);
                GapAwareTrackingToken compactNext = CompactGapsEventStorageEngine.compact(
                        compact.advanceTo(next, MAX_GAP_OFFSET), compact);
                assertThat(compactNext).isEqualTo(plainNext);
                assertThat(plainNext).isEqualTo(compactNext);
                assertThat(compactNext.hashCode()).isEqualTo(plainNext.hashCode());
                assertThat(compactNext.covers(plain)).isEqualTo(plainNext.covers(plain));
                assertThat(compact.covers(plainNext)).isEqualTo(plain.covers(plainNext));
                assertThat(compactNext.lowerBound(plain)).isEqualTo(plainNext.lowerBound(plain));
                assertThat(compactNext.upperBound(plain)).isEqualTo(plainNext.upperBound(plain));
                assertThat(compactNext.withGapsTruncatedAt(next - 50)).isEqualTo(plainNext.withGapsTruncatedAt(next - 50));
                SerializedObject<byte[]> a = serializer.serialize(compactNext, byte[].class);
                SerializedObject<byte[]> b = serializer.serialize(plainNext, byte[].class);
                assertThat(new String(a.getData())).isEqualTo(new String(b.getData()));
                GapAwareTrackingToken read = serializer.deserialize(a);
                assertThat(read).isEqualTo(plainNext);
                if (CompactGapsEventStorageEngine.gapsHeldBy(compactNext) == CompactGapsEventStorageEngine.gapsHeldBy(compact)
                        && !compact.getGaps().isEmpty()) {
                    shared++;
                }
                plain = plainNext;
                compact = compactNext;
            }
            assertThat(shared).as("tokens after an event that changes no gap share the gaps").isPositive();
        }
    }

    /** Mostly the next index (gaps unchanged), sometimes a jump (new gaps) or a gap filled. */
    private static long nextIndex(Random random, GapAwareTrackingToken token) {
        int kind = random.nextInt(10);
        SortedSet<Long> gaps = token.getGaps();
        if (kind == 0 && !gaps.isEmpty()) {
            List<Long> list = new ArrayList<>(gaps);
            return list.get(random.nextInt(list.size()));
        }
        if (kind == 1) {
            return token.getIndex() + 2 + random.nextInt(300);
        }
        return token.getIndex() + 1;
    }

    private static TreeSet<Long> randomGaps(Random random) {
        TreeSet<Long> gaps = new TreeSet<>();
        int runs = random.nextInt(12);
        for (int run = 0; run < runs; run++) {
            long start = random.nextInt(10_000);
            int length = random.nextInt(4) == 0 ? 1 : random.nextInt(600);
            for (long index = start; index < start + length; index++) {
                gaps.add(index);
            }
        }
        return gaps;
    }
}

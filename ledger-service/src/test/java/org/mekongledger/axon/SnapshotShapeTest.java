package org.mekongledger.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mekongledger.account.WorkerAccount;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * A snapshot's revision follows the aggregate's shape down to the records its fields hold: two
 * aggregates that differ only in one nested record's component get different revisions, so a
 * snapshot written before such a change is never read into the new shape.
 */
class SnapshotShapeTest {

    enum Kind { A, B }

    record Entry(String name, Kind kind) {
    }

    record EntryWithMore(String name, Kind kind, int more) {
    }

    static final class Holder {
        private Map<String, List<Entry>> entries;
        private transient Object notState;
        private static final int NOT_STATE = 1;
    }

    static final class HolderOfMore {
        private Map<String, List<EntryWithMore>> entries;
    }

    @Test
    void aSnapshotKeyedByThousandsOfIdsReadsBackWholeWithoutInterningThem() {
        JacksonSerializer serializer = (JacksonSerializer) AggregateSnapshots.serializer();
        Holder holder = new Holder();
        holder.entries = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            holder.entries.put(UUID.randomUUID().toString(), List.of(new Entry("claim " + i, i % 2 == 0 ? Kind.A : Kind.B)));
        }

        SerializedObject<byte[]> written = serializer.serialize(holder, byte[].class);
        Holder read = serializer.deserialize(written);

        assertThat(read.entries).isEqualTo(holder.entries);
        // ids met once are not field names: the parser's shared name table is not filled (and copied) with them
        assertThat(serializer.getObjectMapper().getFactory().isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES))
                .isFalse();
    }

    @Test
    void theRevisionIsStableAndCarriesTheLogicNumber() {
        assertThat(SnapshotShape.revisionOf(WorkerAccount.class))
                .isEqualTo(SnapshotShape.revisionOf(WorkerAccount.class))
                .startsWith("L" + SnapshotShape.LOGIC + "-")
                .hasSize(("L" + SnapshotShape.LOGIC + "-").length() + 24);
    }

    @Test
    void theShapeReachesIntoTheRecordsAndEnumsTheFieldsHold() {
        assertThat(SnapshotShape.linesOf(Holder.class)).containsExactlyInAnyOrder(
                Holder.class.getName() + " field entries java.util.Map<java.lang.String, java.util.List<"
                        + Entry.class.getName() + ">>",
                Entry.class.getName() + " component name java.lang.String",
                Entry.class.getName() + " component kind " + Kind.class.getName(),
                Kind.class.getName() + " constant A",
                Kind.class.getName() + " constant B");
        assertThat(SnapshotShape.linesOf(HolderOfMore.class))
                .contains(EntryWithMore.class.getName() + " component more int");
    }

    @Test
    void theWorkerAccountsShapeCoversItsClaimsAndTheEventsItKeeps() {
        assertThat(SnapshotShape.linesOf(WorkerAccount.class))
                .anyMatch(line -> line.startsWith("org.mekongledger.account.AccountClaim component status "))
                .anyMatch(line -> line.startsWith("org.mekongledger.api.Payee component "))
                .anyMatch(line -> line.startsWith("org.mekongledger.api.ContributionRecorded component "))
                .anyMatch(line -> line.equals("org.mekongledger.api.ClaimStatus constant SCHEDULED"));
    }
}

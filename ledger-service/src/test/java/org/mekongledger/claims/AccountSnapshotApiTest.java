package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.support.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A worker's account is snapshotted when a claim on it is approved, because a settlement run loads
 * it next. The snapshot must say exactly what the events say, must really be what a load starts
 * from, and must be passed over once the account's shape has changed since it was written.
 */
class AccountSnapshotApiTest extends ClaimsApiTestBase {

    @Autowired
    @Qualifier("workerAccountCache")
    Cache accountCache;
    @Autowired
    AbstractEventStorageEngine engine;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void approvingAClaimSnapshotsTheAccountAtItsLastEventAndTheSnapshotReadsBackWhole() throws Exception {
        String workerId = insuredWorker("MMR").workerId();
        String claimId = fileClaim(workerId);
        assertThat(snapshots(workerId)).as("filing a claim takes no snapshot").isZero();

        assertOk(approve(APPROVER, claimId), "APPROVED");

        assertThat(snapshots(workerId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select sequence_number from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, workerId)).as("taken after the approval, at the account's last event")
                .isEqualTo(lastSequence(workerId));
        JsonNode stored = json.readTree(snapshotPayload(workerId));
        JsonNode claim = stored.path("claims").path(claimId);
        assertThat(claim.path("status").asString()).isEqualTo("APPROVED");
        assertThat(claim.path("amount").decimalValue()).isEqualByComparingTo(THREE_MONTHS);
        assertThat(stored.path("standingByFiling").size()).as("three months filed").isEqualTo(3);
        assertThat(stored.path("workerId").asString()).isEqualTo(workerId);

        // read back into an account and written again, nothing is lost or added
        Serializer serializer = snapshotSerializer();
        String revision = jdbc.queryForObject(
                "select payload_revision from snapshot_event_entry where aggregate_identifier = ?", String.class, workerId);
        WorkerAccount account = serializer.deserialize(new SimpleSerializedObject<>(snapshotPayload(workerId).getBytes(
                StandardCharsets.UTF_8), byte[].class, new SimpleSerializedType(WorkerAccount.class.getName(), revision)));
        String again = new String(serializer.serialize(account, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(json.readTree(again)).isEqualTo(stored);
    }

    @Test
    void aLoadStartsFromTheSnapshotOfTheCurrentShapeAndReplaysTheEventsPastAnyOther() {
        String workerId = insuredWorker("KHM").workerId();
        String claimId = fileClaim(workerId);
        assertOk(approve(APPROVER, claimId), "APPROVED");
        // a snapshot that says the claim was cancelled: believed, scheduling it is refused
        owner().update("update snapshot_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " '\"status\":\"APPROVED\"', '\"status\":\"CANCELLED\"'), 'UTF8') where aggregate_identifier = ?", workerId);
        accountCache.removeAll();

        Response refused = schedule(claimId, "RUN-SNAPSHOT-1");
        assertThat(refused.status()).as("the account was loaded from its snapshot").isEqualTo(409);
        assertThat(refused.raw().body()).contains("CANCELLED");

        // the same snapshot from an older shape of the account is passed over: the events say APPROVED
        owner().update("update snapshot_event_entry set payload_revision = 'L0-an-older-shape' where aggregate_identifier = ?",
                workerId);
        accountCache.removeAll();

        assertOk(schedule(claimId, "RUN-SNAPSHOT-1"), "SCHEDULED");
        assertThat(lastSequence(workerId)).as("the step appended after the snapshot's sequence")
                .isEqualTo(jdbc.queryForObject("select sequence_number from snapshot_event_entry where aggregate_identifier = ?",
                        Long.class, workerId) + 1);
    }

    @Test
    void aSettlementChunkLeavesTheAccountsItLoadedOutOfTheCacheAndTheCachedOnesIn() {
        String passing = insuredWorker("LAO").workerId();
        String passingClaim = fileClaim(passing);
        assertOk(approve(APPROVER, passingClaim), "APPROVED");
        String hot = insuredWorker("VNM").workerId();
        String hotClaim = fileClaim(hot);
        assertOk(approve(APPROVER, hotClaim), "APPROVED");
        accountCache.remove(passing);
        assertThat(accountCache.containsKey(hot)).as("approved just now: cached").isTrue();

        assertThat(scheduleAll(List.of(instructionFor(passingClaim, "RUN-CACHE-1"), instructionFor(hotClaim, "RUN-CACHE-1")))
                .status()).isEqualTo(200);

        assertThat(accountCache.containsKey(passing)).as("loaded only for the chunk").isFalse();
        assertThat(accountCache.containsKey(hot)).as("cached before the chunk").isTrue();
        assertOk(getAs(SETTLEMENT, passingClaim), "SCHEDULED");
        assertOk(getAs(SETTLEMENT, hotClaim), "SCHEDULED");
    }

    private int snapshots(String workerId) {
        return jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, workerId);
    }

    private long lastSequence(String workerId) {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, workerId);
    }

    private String snapshotPayload(String workerId) {
        return jdbc.queryForObject("select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = ?",
                String.class, workerId);
    }

    private Serializer snapshotSerializer() {
        return engine.getSnapshotSerializer();
    }
}

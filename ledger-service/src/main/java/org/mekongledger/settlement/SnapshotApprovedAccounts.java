package org.mekongledger.settlement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.Snapshotter;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.api.ClaimEvents.ClaimApproved;
import org.springframework.stereotype.Component;

/**
 * An account whose claim was just approved is loaded next by a settlement run, a thousand accounts
 * a request: it is snapshotted once the approval commits, so that load reads one row, not the
 * account's whole history. A subscribing processor: it sees the approvals as they are made, never
 * the events replayed to load an account, and no replay of old approvals.
 * <p>
 * A snapshot that fails to be taken is only logged (the approval stands; the load replays the
 * events as before).
 */
@Component
@ProcessingGroup(SnapshotApprovedAccounts.PROCESSING_GROUP)
class SnapshotApprovedAccounts {

    static final String PROCESSING_GROUP = "settlement-snapshots";

    private final Snapshotter snapshotter;

    SnapshotApprovedAccounts(Snapshotter snapshotter) {
        this.snapshotter = snapshotter;
    }

    @EventHandler
    void on(ClaimApproved event) {
        // waits for the approval's unit of work to commit; one snapshot per account however many approvals
        snapshotter.scheduleSnapshot(WorkerAccount.class, event.workerId());
    }
}

package org.mekongledger.ledger;

import org.mekongledger.web.contract.ReconciliationApi;
import org.mekongledger.web.contract.model.LedgerReconciliation;
import org.mekongledger.web.contract.model.ReconciliationCount;
import org.mekongledger.web.contract.model.ReconciliationDifference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** FUND_ADMIN's check that the journal holds exactly what the event store recorded. */
@RestController
@RequestMapping("/api/v1")
class ReconciliationController implements ReconciliationApi {

    private static final int DEFAULT_LIMIT = 100;
    private final JournalReconciliation reconciliation;
    private final JournalLag journalLag;

    ReconciliationController(JournalReconciliation reconciliation, JournalLag journalLag) {
        this.reconciliation = reconciliation;
        this.journalLag = journalLag;
    }

    @Override
    public ResponseEntity<LedgerReconciliation> reconcileLedger(Integer limit) {
        // the lag first: a difference found after it was read and while it was 0 is a real one
        long lag = journalLag.now();
        JournalReconciliation.Result result = reconciliation.reconcile(limit == null ? DEFAULT_LIMIT : limit);
        return ResponseEntity.ok(new LedgerReconciliation()
                .balanced(result.balanced())
                .projectionLag(lag)
                .counts(result.counts().stream().map(count -> new ReconciliationCount()
                        .eventType(count.eventType())
                        .entryKind(ReconciliationCount.EntryKindEnum.fromValue(count.entryKind()))
                        .events(count.events())
                        .entries(count.entries())).toList())
                .differenceCount(result.differenceCount())
                .differences(result.differences().stream().map(difference -> new ReconciliationDifference()
                        .eventId(difference.eventId())
                        .eventType(difference.eventType())
                        .entryKind(ReconciliationDifference.EntryKindEnum.fromValue(difference.entryKind()))
                        .filingId(difference.filingId())
                        .claimId(difference.claimId())
                        .workerId(difference.workerId())
                        .eventStored(difference.eventStored())
                        .entriesFound(difference.entriesFound())).toList()));
    }
}

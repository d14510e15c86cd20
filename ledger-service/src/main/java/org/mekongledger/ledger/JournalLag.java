package org.mekongledger.ledger;

import org.mekongledger.monitoring.ProjectionStatus;
import org.springframework.stereotype.Component;

/** How many events the ledger projection has still to book: what the journal's reads are behind by. */
@Component
class JournalLag {

    private final ProjectionStatus projections;

    JournalLag(ProjectionStatus projections) {
        this.projections = projections;
    }

    /** Read fresh, before what it qualifies: a difference found while it was 0 is a real one. */
    long now() {
        return projections.now().processors().stream()
                .filter(processor -> processor.name().equals(LedgerProjection.PROCESSING_GROUP))
                .mapToLong(ProjectionStatus.Processor::lag).max().orElse(0);
    }
}

package org.mekongledger.ledger;

import java.util.Set;

/** Published once a projection batch that booked entries for these workers has committed. */
public record WorkerLedgerChanged(Set<String> workerIds) {
}

package org.mekongledger.ledger;

/** A contribution debits the parties' receivables and credits the member fund; a reversal undoes it. */
public enum EntryKind {
    CONTRIBUTION, REVERSAL
}

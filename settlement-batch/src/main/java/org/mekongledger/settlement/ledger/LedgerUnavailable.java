package org.mekongledger.settlement.ledger;

/** The ledger could not be reached or failed (not a refusal of what was asked): try again later. */
public class LedgerUnavailable extends RuntimeException {

    public LedgerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

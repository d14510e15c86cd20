package org.mekongledger.settlement.ledger;

import org.mekongledger.settlement.Refusal;

/** The ledger service refused a request (4xx): its answer, for the operator. */
public class LedgerRefused extends Refusal {

    private final int status;

    public LedgerRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package org.mekongledger.settlement;

import org.mekongledger.api.ClaimInWrongState;

/**
 * One item of a settlement request names a claim whose state refuses the step, so none of the
 * request was recorded: answered 409 naming the item ({@code instructions[3]}) and the claim, for the
 * batch to say which line of its chunk or of the bank's report is at fault.
 */
class ItemInWrongState extends RuntimeException {

    private final String item;
    private final String claimId;

    ItemInWrongState(String item, String claimId, ClaimInWrongState refusal) {
        super(item + ": " + refusal.getMessage() + "; nothing in the request was recorded", refusal);
        this.item = item;
        this.claimId = claimId;
    }

    String item() {
        return item;
    }

    String claimId() {
        return claimId;
    }

    ClaimInWrongState refusal() {
        return (ClaimInWrongState) getCause();
    }
}

package org.mekongledger.api;

/** A claim transition its current state does not allow: answered 409 naming the state. */
public class ClaimInWrongState extends ConflictWithRecord {
    private final ClaimStatus current;

    public ClaimInWrongState(String claimId, ClaimStatus current, String attempted) {
        super("Claim " + claimId + " is " + current + "; it cannot be " + attempted);
        this.current = current;
    }

    public ClaimStatus current() {
        return current;
    }
}

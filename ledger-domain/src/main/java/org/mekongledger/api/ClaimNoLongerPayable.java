package org.mekongledger.api;

/** Re-assessed at approval, the claimed benefit is no longer eligible or payable: answered 409 with the reason. */
public class ClaimNoLongerPayable extends ConflictWithRecord {
    private final String reason;

    public ClaimNoLongerPayable(String claimId, String reason) {
        super("Claim " + claimId + " can no longer be approved: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

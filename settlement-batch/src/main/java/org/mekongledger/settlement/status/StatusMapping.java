package org.mekongledger.settlement.status;

import java.util.Set;

import org.mekongledger.settlement.Refusal;

/**
 * What an ISO 20022 payment status (ExternalPaymentTransactionStatus1Code) means for a claim.
 * ACSC (settlement completed: the debtor's account debited) and ACCC (the creditor's account
 * credited) mean the money moved: PAID. RJCT means it will not: FAILED. Everything earlier in the
 * chain, ACSP included ("accepted, settlement in process": accepted for execution, money not moved
 * yet), leaves the claim SCHEDULED, counted as outstanding until a later report settles it.
 */
public final class StatusMapping {

    public enum Effect { PAID, FAILED, NONE }

    private static final Set<String> PAID = Set.of("ACSC", "ACCC");
    private static final Set<String> PENDING = Set.of("RCVD", "PDNG", "ACTC", "ACCP", "ACSP", "ACWC", "ACWP",
            "ACFC");

    private StatusMapping() {
    }

    public static Effect effect(String status) {
        if (PAID.contains(status)) {
            return Effect.PAID;
        }
        if ("RJCT".equals(status)) {
            return Effect.FAILED;
        }
        if (PENDING.contains(status)) {
            return Effect.NONE;
        }
        throw new Refusal("status " + status + " is not an ISO 20022 payment status this batch knows; report refused");
    }
}

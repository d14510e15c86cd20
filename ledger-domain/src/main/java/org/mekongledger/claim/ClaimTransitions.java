package org.mekongledger.claim;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.mekongledger.api.ClaimInWrongState;
import org.mekongledger.api.ClaimStatus;

/**
 * The claim life cycle as data: which state each state may move to. FILED -> APPROVED | REJECTED |
 * CANCELLED; APPROVED -> SCHEDULED -> PAID | FAILED; FAILED -> APPROVED (again) | CANCELLED. REJECTED,
 * CANCELLED and PAID are final.
 */
public final class ClaimTransitions {

    private static final Map<ClaimStatus, Set<ClaimStatus>> NEXT = new EnumMap<>(ClaimStatus.class);

    static {
        for (ClaimStatus status : ClaimStatus.values()) {
            NEXT.put(status, EnumSet.noneOf(ClaimStatus.class));
        }
        NEXT.put(ClaimStatus.FILED, EnumSet.of(ClaimStatus.APPROVED, ClaimStatus.REJECTED, ClaimStatus.CANCELLED));
        NEXT.put(ClaimStatus.APPROVED, EnumSet.of(ClaimStatus.SCHEDULED));
        NEXT.put(ClaimStatus.SCHEDULED, EnumSet.of(ClaimStatus.PAID, ClaimStatus.FAILED));
        NEXT.put(ClaimStatus.FAILED, EnumSet.of(ClaimStatus.APPROVED, ClaimStatus.CANCELLED));
    }

    private ClaimTransitions() {
    }

    public static boolean allowed(ClaimStatus from, ClaimStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Throws {@link ClaimInWrongState} naming the current state unless {@code from -> to} is allowed. */
    public static void require(String claimId, ClaimStatus from, ClaimStatus to) {
        if (!allowed(from, to)) {
            throw new ClaimInWrongState(claimId, from, attempted(to));
        }
    }

    /** A claim is open while money may still go out on it: it blocks a second claim for its scheme. */
    public static boolean open(ClaimStatus status) {
        return status == ClaimStatus.FILED || status == ClaimStatus.APPROVED || status == ClaimStatus.SCHEDULED
                || status == ClaimStatus.FAILED;
    }

    /** How the refused step reads in "it cannot be ...". */
    public static String attempted(ClaimStatus to) {
        return switch (to) {
            case FILED -> "filed";
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case CANCELLED -> "cancelled";
            case SCHEDULED -> "scheduled";
            case PAID -> "paid";
            case FAILED -> "failed";
        };
    }
}

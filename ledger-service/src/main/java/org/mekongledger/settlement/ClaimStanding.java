package org.mekongledger.settlement;

import org.mekongledger.api.ClaimStatus;

/** Where a claim stands before a settlement step: which worker's account it is on, and its state (for a checked report). */
record ClaimStanding(String claimId, String workerId, ClaimStatus status) {
}

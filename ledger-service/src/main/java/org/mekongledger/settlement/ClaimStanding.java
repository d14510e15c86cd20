package org.mekongledger.settlement;

import org.mekongledger.api.ClaimStatus;

/** Where a claim stands before a settlement step: which worker's account it is on, and what it last heard. */
record ClaimStanding(String claimId, String workerId, ClaimStatus status, String endToEndId, String failureCode) {
}

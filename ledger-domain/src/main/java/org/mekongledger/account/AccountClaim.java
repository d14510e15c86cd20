package org.mekongledger.account;

import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.Payee;

/**
 * What the account remembers of one of its claims to decide the next step, rebuilt from the claim's
 * events. {@code filedBy} is who filed it: never the one who approves or rejects it.
 */
record AccountClaim(String claimId, String scheme, String filedBy, ClaimStatus status, Payee payee) {

    AccountClaim moveTo(ClaimStatus next) {
        return new AccountClaim(claimId, scheme, filedBy, next, payee);
    }

    AccountClaim approvedFor(Payee approvedPayee) {
        return new AccountClaim(claimId, scheme, filedBy, ClaimStatus.APPROVED, approvedPayee);
    }
}

package org.mekongledger.claims;

import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.security.Officer;
import org.springframework.stereotype.Component;

/**
 * The claims the signed-in officer may see and act on: an embassy officer only their nationals',
 * and any other claim answers exactly as an unknown one does (404), so nothing about it leaks.
 */
@Component
class VisibleClaims {

    private final ClaimQueries queries;

    VisibleClaims(ClaimQueries queries) {
        this.queries = queries;
    }

    ClaimView claim(String claimId) {
        Officer officer = Officer.current();
        return queries.claim(claimId)
                .filter(claim -> officer.sees(claim.nationality()))
                .orElseThrow(() -> new UnknownRecord("claim", claimId));
    }

    /** A nationality filter for another nationality than the officer's finds nothing (an empty page). */
    ClaimView.Page page(ClaimStatus status, String workerId, String nationality, int page, int size) {
        return queries.page(status, workerId, nationality, Officer.current().limitedTo().orElse(null), page, size);
    }
}

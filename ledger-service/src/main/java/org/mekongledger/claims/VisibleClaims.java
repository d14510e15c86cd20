package org.mekongledger.claims;

import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.audit.AuditTrail;
import org.mekongledger.security.Officer;
import org.springframework.stereotype.Component;

/**
 * The claims the signed-in officer may see and act on: an embassy officer only their nationals',
 * and any other claim answers exactly as an unknown one does (404), so nothing about it leaks.
 */
@Component
public class VisibleClaims {

    private static final String CLAIMS = "/api/v1/claims";

    private final ClaimQueries queries;
    private final AuditTrail audit;

    VisibleClaims(ClaimQueries queries, AuditTrail audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /** A claim read for its own sake: an embassy officer's read of a national's claim goes on the audit trail. */
    public ClaimView read(String claimId) {
        ClaimView claim = claim(claimId);
        audit.recordRead(Officer.current(), claim.workerId(), CLAIMS + "/" + claimId);
        return claim;
    }

    /** A page of claims read: one audit entry per worker on it, for an embassy officer. */
    public ClaimView.Page read(ClaimStatus status, String workerId, String nationality, int page, int size) {
        ClaimView.Page found = page(status, workerId, nationality, page, size);
        audit.recordReads(Officer.current(), found.claims().stream().map(ClaimView::workerId).distinct().toList(), CLAIMS);
        return found;
    }

    ClaimView claim(String claimId) {
        Officer officer = Officer.current();
        return queries.claim(claimId)
                .filter(claim -> officer.sees(claim.nationality()))
                .orElseThrow(() -> new UnknownRecord("claim", claimId));
    }

    /** A nationality filter for another nationality than the officer's finds nothing (an empty page). */
    private ClaimView.Page page(ClaimStatus status, String workerId, String nationality, int page, int size) {
        return queries.page(status, workerId, nationality, Officer.current().limitedTo().orElse(null), page, size);
    }
}

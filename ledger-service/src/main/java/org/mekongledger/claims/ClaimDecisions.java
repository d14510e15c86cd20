package org.mekongledger.claims;

import java.util.function.Function;

import org.mekongledger.api.ClaimCommands.ApproveClaim;
import org.mekongledger.api.ClaimCommands.CancelClaim;
import org.mekongledger.api.ClaimCommands.RejectClaim;
import org.mekongledger.api.Payee;
import org.mekongledger.axon.LedgerCommands;
import org.springframework.stereotype.Service;

/**
 * Every step taken on a filed claim: the approver's decision (re-assessed first), a cancellation,
 * and what settlement reports. The claim's id routes the command to the worker's account, which
 * decides whether the step is allowed now (state, maker-checker, the amount).
 */
@Service
public class ClaimDecisions {

    private final LedgerCommands commands;
    private final VisibleClaims claims;
    private final ClaimAssessments assessments;

    ClaimDecisions(LedgerCommands commands, VisibleClaims claims, ClaimAssessments assessments) {
        this.commands = commands;
        this.claims = claims;
        this.assessments = assessments;
    }

    /**
     * Approves at what the engine says now, never more than was filed; the account refuses if the
     * benefit is no longer payable.
     *
     * @param newPayee null to pay the payee on record; another only when a failed claim is approved again
     */
    public ClaimView approve(String claimId, Payee newPayee) {
        return decide(claimId, claim -> new ApproveClaim(claim.workerId(), claimId, assessments.reassessed(claim), newPayee));
    }

    public ClaimView reject(String claimId, String reason) {
        return decide(claimId, claim -> new RejectClaim(claim.workerId(), claimId, reason));
    }

    ClaimView cancel(String claimId, String reason) {
        return decide(claimId, claim -> new CancelClaim(claim.workerId(), claimId, reason));
    }

    /** Sends the step's command to the worker the claim is on, then answers the claim as it now stands. */
    private ClaimView decide(String claimId, Function<ClaimView, Object> command) {
        commands.send(command.apply(claims.claim(claimId)));
        return claims.claim(claimId);
    }
}

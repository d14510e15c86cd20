package org.mekongledger.claims;

import org.mekongledger.rulelibrary.LegalBases;
import org.mekongledger.rulelibrary.RuleLibrary;
import org.mekongledger.web.contract.model.ClaimAssessment;

import java.net.URI;

import org.mekongledger.web.contract.ClaimsApi;
import org.mekongledger.web.contract.model.Claim;
import org.mekongledger.web.contract.model.ClaimApproval;
import org.mekongledger.web.contract.model.ClaimList;
import org.mekongledger.web.contract.model.ClaimReason;
import org.mekongledger.web.contract.model.ClaimStatus;
import org.mekongledger.web.contract.model.FileClaimRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Maps the claims resource onto {@link ClaimFiling} and {@link ClaimDecisions}, and claims onto the contract. */
@RestController
@RequestMapping("/api/v1")
class ClaimsController implements ClaimsApi {

    private final ClaimFiling filing;
    private final ClaimDecisions decisions;
    private final VisibleClaims claims;

    private final RuleLibrary rules;

    ClaimsController(ClaimFiling filing, ClaimDecisions decisions, VisibleClaims claims, RuleLibrary rules) {
        this.filing = filing;
        this.decisions = decisions;
        this.claims = claims;
        this.rules = rules;
    }

    /** The claim with the status and source of every version its assessments were computed under. */
    private Claim claim(ClaimView view) {
        Claim claim = ClaimMessages.claim(view);
        for (ClaimAssessment assessment : java.util.Arrays.asList(claim.getFiledAssessment(),
                claim.getApprovalAssessment())) {
            if (assessment != null) {
                LegalBases.withBases(assessment.getExplanation(), rules);
            }
        }
        return claim;
    }

    @Override
    public ResponseEntity<Claim> fileClaim(FileClaimRequest request, String idempotencyKey) {
        String claimId = filing.file(new ClaimApplication(request.getWorkerId(), request.getScheme().getValue(),
                request.getBenefit(), request.getAsOf(), ClaimMessages.ground(request.getGround()),
                ClaimMessages.payee(request.getPayee())));
        return ResponseEntity.created(URI.create("/api/v1/claims/" + claimId))
                .body(claim(claims.claim(claimId)));
    }

    @Override
    public ResponseEntity<Claim> getClaim(String claimId) {
        return ResponseEntity.ok(claim(claims.read(claimId)));
    }

    @Override
    public ResponseEntity<ClaimList> findClaims(ClaimStatus status, String workerId, String nationality, Integer page,
                                                Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 50 : size;
        ClaimView.Page found = claims.read(status == null ? null : org.mekongledger.api.ClaimStatus.valueOf(status.getValue()),
                workerId, nationality, pageNumber, pageSize);
        return ResponseEntity.ok(new ClaimList()
                .claims(found.claims().stream().map(this::claim).toList())
                .page(pageNumber).size(pageSize).total(found.total()));
    }

    @Override
    public ResponseEntity<Claim> approveClaim(String claimId, String idempotencyKey, ClaimApproval approval) {
        return ok(decisions.approve(claimId, approval == null ? null : ClaimMessages.payee(approval.getNewPayee())));
    }

    @Override
    public ResponseEntity<Claim> rejectClaim(String claimId, ClaimReason request, String idempotencyKey) {
        return ok(decisions.reject(claimId, request.getReason().strip()));
    }

    @Override
    public ResponseEntity<Claim> cancelClaim(String claimId, ClaimReason request, String idempotencyKey) {
        return ok(decisions.cancel(claimId, request.getReason().strip()));
    }

    private ResponseEntity<Claim> ok(ClaimView claim) {
        return ResponseEntity.ok(claim(claim));
    }
}

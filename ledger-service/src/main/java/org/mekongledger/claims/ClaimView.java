package org.mekongledger.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.mekongledger.api.Assessment;
import org.mekongledger.api.ClaimGround;
import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentInstruction;

/**
 * A claim as the desk reads it: where it stands, what is to be paid to whom, both assessments, and
 * every step taken on it.
 *
 * @param amount             the filed assessment's until approved, then the approval's
 * @param approvalAssessment null until approved
 */
public record ClaimView(String claimId, String workerId, String workerName, String nationality, String scheme,
                 String benefit, LocalDate asOf, ClaimGround ground, ClaimStatus status, BigDecimal amount,
                 String currency, Payee payee, boolean payeeNameMatches, Assessment filedAssessment,
                 Assessment approvalAssessment, String filedBy, Instant filedAt, String decidedBy, Instant decidedAt,
                 String reason, String settlementRun, String bankReference, String failureCode,
                 PaymentInstruction instruction, int instructions, String statusReport, List<Step> history) {

    public ClaimView {
        history = List.copyOf(history);
    }

    ClaimView withHistory(List<Step> steps) {
        return new ClaimView(claimId, workerId, workerName, nationality, scheme, benefit, asOf, ground, status, amount,
                currency, payee, payeeNameMatches, filedAssessment, approvalAssessment, filedBy, filedAt, decidedBy,
                decidedAt, reason, settlementRun, bankReference, failureCode, instruction, instructions, statusReport, steps);
    }

    /** One step of the claim's life: who took it, when, and why if a reason was given. */
    public record Step(ClaimStatus status, String actor, Instant at, String reason) {
    }

    /** One page of claims, newest first, and how many match in all. */
    public record Page(List<ClaimView> claims, long total) {
        public Page {
            claims = List.copyOf(claims);
        }
    }
}

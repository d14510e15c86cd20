package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What happened to a worker's benefit claim; each names the acting user ({@code actor}). */
public final class ClaimEvents {

    private ClaimEvents() {
    }

    /** @param payeeNameMatches false flags the claim for the approver: the payee is not plainly the worker */
    public record ClaimFiled(String workerId, String claimId, String scheme, String benefit, LocalDate asOf,
                             ClaimGround ground, Payee payee, boolean payeeNameMatches, Assessment assessment,
                             String actor) {
    }

    /**
     * @param amount       what will be paid: the re-assessment's amount
     * @param reassessment the engine's answer at approval (the filing's stays on {@link ClaimFiled})
     * @param payee        the payee this approval pays, a new one when a failed claim is approved again
     */
    public record ClaimApproved(String workerId, String claimId, BigDecimal amount, String currency,
                                Assessment reassessment, Payee payee, boolean payeeNameMatches, String actor) {
    }

    public record ClaimRejected(String workerId, String claimId, String reason, String actor) {
    }

    public record ClaimCancelled(String workerId, String claimId, String reason, String actor) {
    }

    /** @param instruction what the bank was told to pay, converted at the run's rate */
    public record ClaimScheduled(String workerId, String claimId, String settlementRun, PaymentInstruction instruction,
                                 String actor) {
    }

    /**
     * The benefit reached the payee. Carries the instruction it settles, so the journal books the
     * payment (benefit liability debited, the paid currency's bank clearing credited) from the event alone.
     */
    public record ClaimPaid(String workerId, String claimId, String bankReference, String statusReport,
                            PaymentInstruction instruction, String actor) {
    }

    /**
     * The bank could not pay. {@code instruction} is the one rejected and {@code amount} the approved
     * amount whose booking the journal reverses; the claim may be approved again or cancelled.
     */
    public record ClaimFailed(String workerId, String claimId, String reasonCode, String reason, String statusReport,
                              PaymentInstruction instruction, BigDecimal amount, String currency, String actor) {
    }
}

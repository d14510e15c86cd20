package org.mekongledger.api;

import java.util.List;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands on a worker's benefit claims. Claims live on the worker's account, so the rules that
 * span claims (a lump sum once per worker and scheme) hold in one consistency boundary. The acting
 * user comes in the command's metadata ({@code actor}), never in the payload.
 */
public final class ClaimCommands {

    /** The metadata key naming the acting user (the service's {@code LedgerCommands.ACTOR} is the same). */
    public static final String ACTOR = "actor";

    private ClaimCommands() {
    }

    /**
     * @param ground     the life event the claim rests on, or null; recorded on the worker with the claim
     *                   if the account does not hold it yet
     * @param assessment the engine's answer at filing; the claimant never states an amount
     */
    public record FileClaim(@TargetAggregateIdentifier String workerId, String claimId, String scheme,
                            String benefit, LocalDate asOf, ClaimGround ground, Payee payee, Assessment assessment) {
    }

    /** @param reassessment the engine's answer at approval; {@code newPayee} only when a FAILED claim is approved again */
    public record ApproveClaim(@TargetAggregateIdentifier String workerId, String claimId, Assessment reassessment,
                               Payee newPayee) {
    }

    public record RejectClaim(@TargetAggregateIdentifier String workerId, String claimId, String reason) {
    }

    public record CancelClaim(@TargetAggregateIdentifier String workerId, String claimId, String reason) {
    }

    /**
     * Settlement instructed a bank to pay the approved claim. Sending the same instruction again
     * (a run resumed after a crash) changes nothing; another instruction for a claim already
     * scheduled is refused.
     */
    public record ScheduleClaim(@TargetAggregateIdentifier String workerId, String claimId,
                                PaymentInstruction instruction) {
    }

    /**
     * The bank reports the instruction {@code endToEndId} settled. The same report again changes
     * nothing; an end-to-end id the claim was not instructed under is refused.
     *
     * @param statusReport the bank's status report (pain.002 message id) that said so
     */
    public record RecordClaimPaid(@TargetAggregateIdentifier String workerId, String claimId, String endToEndId,
                                  String bankReference, String statusReport) implements BankOutcome {
    }

    /** The bank reports the instruction {@code endToEndId} rejected, with its ISO 20022 reason code. */
    public record RecordClaimFailed(@TargetAggregateIdentifier String workerId, String claimId, String endToEndId,
                                    String reasonCode, String reason, String statusReport) implements BankOutcome {
    }

    /** What a bank's status report says of one instruction: paid or failed. */
    public sealed interface BankOutcome permits RecordClaimPaid, RecordClaimFailed {
        String workerId();

        String claimId();
    }

    /**
     * A settlement run's chunk: many claims scheduled in one unit of work, every event appended in
     * one batch, all recorded or none ({@link SettlementStepRefused} names the step refused).
     */
    public record ScheduleClaims(List<ScheduleClaim> steps) {

        public ScheduleClaims {
            steps = List.copyOf(steps);
        }
    }

    /** A bank status report's outcomes, recorded as {@link ScheduleClaims} are. */
    public record RecordBankOutcomes(List<BankOutcome> steps) {

        public RecordBankOutcomes {
            steps = List.copyOf(steps);
        }
    }
}

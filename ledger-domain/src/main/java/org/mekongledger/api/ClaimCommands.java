package org.mekongledger.api;

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

    /** Settlement took the approved claim into a run. */
    public record ScheduleClaim(@TargetAggregateIdentifier String workerId, String claimId, String settlementRun) {
    }

    public record RecordClaimPaid(@TargetAggregateIdentifier String workerId, String claimId, String bankReference) {
    }

    public record RecordClaimFailed(@TargetAggregateIdentifier String workerId, String claimId, String reasonCode,
                                    String reason) {
    }
}

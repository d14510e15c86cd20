package org.mekongledger.api;

/**
 * One step of a settlement chunk was refused, so none of the chunk was recorded. {@code index} is
 * the step's place in the chunk; the cause is the account's refusal (a {@link RequestRefused}, a
 * {@link ClaimInWrongState}).
 */
public class SettlementStepRefused extends RuntimeException {

    private final int index;

    public SettlementStepRefused(int index, RuntimeException cause) {
        super("step " + index + " of the chunk was refused: " + cause.getMessage(), cause);
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** The account's refusal. */
    public RuntimeException refusal() {
        return (RuntimeException) getCause();
    }
}

package org.mekongledger.settlement.bankfile;

/**
 * What a (simulated) bank reports on one payment: an ISO external transaction status code (ACSC,
 * ACCC, ACSP, PDNG, RJCT, ...) and, for a rejection, its ISO external status reason code (AC04,
 * AM05, ...; a longer one is written as a proprietary reason). {@code reasonCode} may be null.
 */
public record TransactionOutcome(String status, String reasonCode) {

    /** Settlement completed: the fund's account was debited. */
    public static TransactionOutcome settled() {
        return new TransactionOutcome("ACSC", null);
    }

    public static TransactionOutcome rejected(String reasonCode) {
        return new TransactionOutcome("RJCT", reasonCode);
    }
}

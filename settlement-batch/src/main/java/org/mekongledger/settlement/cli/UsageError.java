package org.mekongledger.settlement.cli;

/** The command line is wrong (exit code 2): nothing was started. */
public class UsageError extends RuntimeException {

    public UsageError(String message) {
        super(message);
    }
}

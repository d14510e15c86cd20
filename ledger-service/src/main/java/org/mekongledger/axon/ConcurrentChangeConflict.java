package org.mekongledger.axon;

/**
 * A command kept losing races with concurrent changes to the same records after every retry. Nothing
 * was recorded; the same request sent again later is expected to succeed.
 */
public class ConcurrentChangeConflict extends RuntimeException {

    public ConcurrentChangeConflict(int attempts, Throwable lastFailure) {
        super("The records were changed concurrently " + attempts + " time(s) in a row; nothing was recorded",
                lastFailure);
    }
}

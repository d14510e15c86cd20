package org.mekongledger.access;

/** An embassy officer asked for a step only the fund's own officers take: answered 403. */
public class BeyondEmbassyMandate extends RuntimeException {
    public BeyondEmbassyMandate(String message) {
        super(message);
    }
}

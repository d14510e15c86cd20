package org.mekongledger.api;

/** The acting user may not take this step on this record (maker-checker): answered 403. */
public class SeparationOfDuties extends RuntimeException {
    public SeparationOfDuties(String message) {
        super(message);
    }
}

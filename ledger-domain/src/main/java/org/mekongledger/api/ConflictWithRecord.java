package org.mekongledger.api;

/** The request contradicts something already recorded (a document, a filing, an employer). */
public class ConflictWithRecord extends RuntimeException {
    public ConflictWithRecord(String message) {
        super(message);
    }
}

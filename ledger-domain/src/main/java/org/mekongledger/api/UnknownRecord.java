package org.mekongledger.api;

/** The resource the request is about does not exist. */
public class UnknownRecord extends RuntimeException {
    public UnknownRecord(String kind, String id) {
        super("No " + kind + " " + id);
    }
}

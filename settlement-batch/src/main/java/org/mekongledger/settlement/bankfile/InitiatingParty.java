package org.mekongledger.settlement.bankfile;

/** Who sends the payment file to the bank ({@code GrpHdr/InitgPty}): the fund; {@code id} may be null. */
public record InitiatingParty(String name, String id) {
}

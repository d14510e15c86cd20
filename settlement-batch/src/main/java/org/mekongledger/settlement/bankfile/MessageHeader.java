package org.mekongledger.settlement.bankfile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The {@code GrpHdr} of a pain.001. {@code createdAt} is written in whole seconds with its offset;
 * {@code controlSum} is the ISO "hash total": the plain sum of every amount in the file, whatever
 * its currency.
 */
public record MessageHeader(String messageId, OffsetDateTime createdAt, InitiatingParty initiatingParty,
                            long numberOfTransactions, BigDecimal controlSum) {
}

package org.mekongledger.settlement.bankfile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One {@code PmtInf}: the payments of one currency and requested execution date from one debtor
 * account. The counts are the caller's (from its frozen run); the writer checks them against what it
 * streamed.
 */
public record PaymentBlock(String paymentInformationId, LocalDate requestedExecutionDate, String currency,
                           long numberOfTransactions, BigDecimal controlSum) {
}

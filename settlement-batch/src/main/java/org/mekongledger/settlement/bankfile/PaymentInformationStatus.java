package org.mekongledger.settlement.bankfile;

/** One {@code OrgnlPmtInfAndSts}: a block's status ({@code PmtInfSts}, may be null) and first reason code. */
public record PaymentInformationStatus(String originalPaymentInformationId, String status, String reasonCode) {
}

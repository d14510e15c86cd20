package org.mekongledger.settlement.bankfile;

/**
 * One {@code TxInfAndSts}. {@code status} is its {@code TxSts}, or, when the bank left that out, the
 * status of its block or else of the group (never PART, which no single payment can have).
 * {@code reasonCode} is the first {@code StsRsnInf/Rsn} ({@code Cd}, else {@code Prtry});
 * {@code additionalInformation} joins every {@code AddtlInf}; both may be null, as may
 * {@code accountServicerReference} ({@code AcctSvcrRef}).
 */
public record TransactionStatus(String originalPaymentInformationId, String originalEndToEndId, String status,
                                String reasonCode, String additionalInformation, String accountServicerReference) {
}

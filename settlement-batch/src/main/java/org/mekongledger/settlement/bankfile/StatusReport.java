package org.mekongledger.settlement.bankfile;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A bank's pain.002.001.10 customer payment status report on one of our pain.001 messages
 * ({@code originalMessageId}), as read and checked by {@link Pain002Reader}. {@code groupStatus} and
 * {@code groupReasonCode} may be null (not every report gives them); {@code transactions} lists each
 * {@code TxInfAndSts} in file order with its effective status.
 */
public record StatusReport(String messageId, OffsetDateTime createdAt, String originalMessageId, String groupStatus,
                           String groupReasonCode, List<PaymentInformationStatus> paymentInformation,
                           List<TransactionStatus> transactions) {

    public StatusReport {
        paymentInformation = List.copyOf(paymentInformation);
        transactions = List.copyOf(transactions);
    }
}

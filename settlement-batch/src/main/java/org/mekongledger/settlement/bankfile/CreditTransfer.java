package org.mekongledger.settlement.bankfile;

import java.math.BigDecimal;

/**
 * One payment to a payee ({@code CdtTrfTxInf}). {@code amount} is in {@code currency} with no more
 * decimals than its ISO 4217 minor units. The creditor's bank is its BIC when known, else its
 * national bank code; the account is an IBAN when it is one, else the domestic account number.
 * {@link #toString()} withholds the payee's name and account: they never reach a log.
 */
public record CreditTransfer(String endToEndId, BigDecimal amount, String currency, String creditorName,
                             String creditorCountry, String creditorBic, String creditorBankCode,
                             String creditorAccount, String remittanceInformation) {

    @Override
    public String toString() {
        return "CreditTransfer[endToEndId=" + endToEndId + ", amount=" + amount + ", currency=" + currency
                + ", creditorCountry=" + creditorCountry + ", payee details withheld]";
    }
}

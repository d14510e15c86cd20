package org.mekongledger.settlement.bankfile;

import java.math.BigDecimal;

/**
 * One payout through the remittance partner: to a mobile wallet ({@code msisdn}, {@code walletProvider})
 * or for cash pick-up ({@code pickupPoint}). {@link #toString()} withholds the payee's name and
 * phone number: they never reach a log.
 */
public record PartnerPayout(String endToEndId, String claimId, String channel, String payeeName, String country,
                            String msisdn, String walletProvider, String pickupPoint, BigDecimal amount,
                            String currency) {

    @Override
    public String toString() {
        return "PartnerPayout[endToEndId=" + endToEndId + ", claimId=" + claimId + ", channel=" + channel
                + ", country=" + country + ", amount=" + amount + ", currency=" + currency + ", payee details withheld]";
    }
}

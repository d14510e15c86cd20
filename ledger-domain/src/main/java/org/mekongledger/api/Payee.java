package org.mekongledger.api;

/**
 * Who receives a claim's money, and where. Per channel: BANK_ACCOUNT needs {@code bankBic} or
 * {@code bankCode}, and {@code accountNumber}; MOBILE_WALLET needs {@code walletProvider} and
 * {@code msisdn} (E.164); CASH_PICKUP needs {@code pickupPoint}. Fields of other channels are null.
 *
 * @param country  ISO 3166-1 alpha-3, where the money is paid
 * @param currency ISO 4217, one the country's payments are made in
 */
public record Payee(String name, PaymentChannel channel, String country, String currency, String bankBic,
                    String bankCode, String accountNumber, String walletProvider, String msisdn,
                    String pickupPoint) {

    /** Personal payment data never reaches a log through a record's printout. */
    @Override
    public String toString() {
        return "Payee[" + channel + " " + country + " " + currency + ", details withheld]";
    }
}

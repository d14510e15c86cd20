package org.mekongledger.settlement.ledger;

/**
 * Who receives a payment and where, as the claim carried it when the run was frozen. Personal data:
 * {@link #toString()} withholds everything but the channel, country and currency.
 */
public record Payee(String name, String channel, String country, String currency, String bankBic, String bankCode,
                    String accountNumber, String walletProvider, String msisdn, String pickupPoint) {

    @Override
    public String toString() {
        return "Payee[" + channel + ", " + country + ", " + currency + ", details withheld]";
    }
}

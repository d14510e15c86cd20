package org.mekongledger.settlement.bankfile;

/**
 * A fund account payments are made from ({@code Dbtr}, {@code DbtrAcct}, {@code DbtrAgt}): batch
 * configuration. The account is its IBAN when it has one, else {@code otherId} (a BBAN); the bank is
 * its BIC. {@code id} is our short name for the account (file names, message ids).
 */
public record DebtorAccount(String id, String name, String iban, String otherId, String bic, String country) {
}

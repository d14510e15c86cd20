package org.mekongledger.settlement.support;

import org.mekongledger.settlement.ledger.Payee;

/** Payees as the ledger hands them over, one per channel. */
public final class Payees {

    private Payees() {
    }

    public static Payee bank(String country, String currency) {
        return new Payee("Thida Aung", "BANK_ACCOUNT", country, currency, "AYABMMMY", null, "0123456789012", null, null,
                null);
    }

    public static Payee bankCode(String country, String currency) {
        return new Payee("Sok Chea, \"Jr\"", "BANK_ACCOUNT", country, currency, null, "ACLB-01", "99887766", null, null,
                null);
    }

    public static Payee wallet(String country, String currency) {
        return new Payee("Noy Phommasack", "MOBILE_WALLET", country, currency, null, null, null, "WavePay",
                "+959420123456", null);
    }

    public static Payee pickup(String country, String currency) {
        return new Payee("Nguyen Thi Lan", "CASH_PICKUP", country, currency, null, null, null, null, null,
                "Agent 12, Ha Noi");
    }
}

package org.mekongledger.settlement.run;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.settlement.ledger.Payee;

/**
 * One payment of a run as it was frozen at selection: the claim's approved baht amount, what the
 * payee is paid in their currency at the run date's rate, where from, and the payee as they were.
 */
public record FrozenPayment(String endToEndId, LocalDate runDate, String claimId, int instruction, String workerId,
                            String scheme, String benefit, String channel, String debtorAccount, BigDecimal amount,
                            String currency, BigDecimal paidAmount, String paidCurrency, String rate,
                            String rateSource, Payee payee) {

    public static final String BANK_ACCOUNT = "BANK_ACCOUNT";

    public boolean byBank() {
        return BANK_ACCOUNT.equals(channel);
    }

    /** What the ledger is told was instructed on the claim. */
    public PaymentInstruction instruction(String settlementRun) {
        return new PaymentInstruction(settlementRun, endToEndId, debtorAccount, amount, currency, paidAmount,
                paidCurrency, new BigDecimal(rate), runDate, rateSource);
    }
}

package org.mekongledger.account;

import java.math.BigDecimal;

import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentInstruction;

/**
 * What the account remembers of one of its claims to decide the next step, rebuilt from the claim's
 * events. {@code filedBy} is who filed it: never the one who approves or rejects it.
 *
 * @param amount       the approved amount (null until approved)
 * @param instruction  the last payment instruction a settlement run sent for it (null until scheduled)
 * @param instructions how many instructions it has had: a failed claim approved again is paid under a new one
 * @param failureCode  the bank's reason code of the last failure
 */
record AccountClaim(String claimId, String scheme, String filedBy, ClaimStatus status, Payee payee, BigDecimal amount,
                    String currency, PaymentInstruction instruction, int instructions, String failureCode) {

    static AccountClaim filed(String claimId, String scheme, String filedBy, Payee payee) {
        return new AccountClaim(claimId, scheme, filedBy, ClaimStatus.FILED, payee, null, null, null, 0, null);
    }

    AccountClaim moveTo(ClaimStatus next) {
        return new AccountClaim(claimId, scheme, filedBy, next, payee, amount, currency, instruction, instructions,
                failureCode);
    }

    AccountClaim approvedFor(Payee approvedPayee, BigDecimal approvedAmount, String approvedCurrency) {
        return new AccountClaim(claimId, scheme, filedBy, ClaimStatus.APPROVED, approvedPayee, approvedAmount,
                approvedCurrency, instruction, instructions, failureCode);
    }

    AccountClaim scheduled(PaymentInstruction next) {
        return new AccountClaim(claimId, scheme, filedBy, ClaimStatus.SCHEDULED, payee, amount, currency, next,
                instructions + 1, failureCode);
    }

    AccountClaim failed(String reasonCode) {
        return new AccountClaim(claimId, scheme, filedBy, ClaimStatus.FAILED, payee, amount, currency, instruction,
                instructions, reasonCode);
    }

    /** Whether the claim's last instruction went out under this end-to-end id. */
    boolean instructedAs(String endToEndId) {
        return instruction != null && instruction.endToEndId().equals(endToEndId);
    }
}

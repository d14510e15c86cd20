package org.mekongledger.settlement.run;

import org.mekongledger.settlement.bankfile.CreditTransfer;
import org.mekongledger.settlement.bankfile.PartnerPayout;

/** A frozen payment as the bank file or the partner file carries it: one mapping, used to check and to write. */
final class BankRecords {

    private BankRecords() {
    }

    static CreditTransfer transfer(FrozenPayment payment) {
        return new CreditTransfer(payment.endToEndId(), payment.paidAmount(), payment.paidCurrency(),
                payment.payee().name(), Countries.alpha2(payment.payee().country()), payment.payee().bankBic(),
                payment.payee().bankCode(), payment.payee().accountNumber(),
                "Benefit " + payment.benefit() + " claim " + payment.claimId());
    }

    static PartnerPayout payout(FrozenPayment p) {
        return new PartnerPayout(p.endToEndId(), p.claimId(), p.channel(), p.payee().name(), p.payee().country(),
                p.payee().msisdn(), p.payee().walletProvider(), p.payee().pickupPoint(), p.paidAmount(),
                p.paidCurrency());
    }
}

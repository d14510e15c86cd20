package org.mekongledger.claim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Violation;
import org.mekongledger.payment.FxConversion;
import org.mekongledger.payment.MinorUnits;

/**
 * Whether a settlement run's instruction pays exactly what was approved, to the approved payee's
 * currency, converted as {@link FxConversion} converts: the batch computes it, the account checks it,
 * so a bug or a tampered request can never instruct a satang more or less than the approval.
 */
public final class PaymentInstructionCheck {

    private PaymentInstructionCheck() {
    }

    /** @throws RequestRefused naming each field of the instruction that does not hold */
    public static void require(PaymentInstruction instruction, BigDecimal approvedAmount, String approvedCurrency,
                               Payee payee) {
        List<Violation> violations = new ArrayList<>();
        requireText(violations, "settlementRun", instruction.settlementRun());
        requireText(violations, "endToEndId", instruction.endToEndId());
        requireText(violations, "debtorAccount", instruction.debtorAccount());
        requireText(violations, "rateSource", instruction.rateSource());
        if (instruction.rateDate() == null) {
            violations.add(new Violation("rateDate", "an instruction names the day of its rate"));
        }
        if (instruction.amount() == null || approvedAmount == null
                || instruction.amount().compareTo(approvedAmount) != 0
                || !Objects.equals(instruction.currency(), approvedCurrency)) {
            violations.add(new Violation("amount", "an instruction pays the approved amount, "
                    + (approvedAmount == null ? "none" : approvedAmount.toPlainString() + " " + approvedCurrency)));
        }
        if (!Objects.equals(instruction.paidCurrency(), payee.currency())) {
            violations.add(new Violation("paidCurrency", "the approved payee is paid in " + payee.currency()));
        } else if (instruction.rate() == null || instruction.rate().signum() <= 0) {
            violations.add(new Violation("rate", "a rate is above zero"));
        } else if (payee.currency().equals(approvedCurrency) && instruction.rate().compareTo(BigDecimal.ONE) != 0) {
            violations.add(new Violation("rate", "a payment in " + approvedCurrency + " is made at rate 1"));
        } else if (MinorUnits.of(instruction.paidCurrency()).isEmpty()) {
            violations.add(new Violation("paidCurrency", "ISO 4217 minor units of " + instruction.paidCurrency()
                    + " are not on record"));
        } else if (instruction.amount() != null && instruction.paidAmount() != null) {
            BigDecimal expected = FxConversion.convert(instruction.amount(), instruction.rate(), instruction.paidCurrency());
            if (instruction.paidAmount().scale() > expected.scale() || instruction.paidAmount().compareTo(expected) != 0) {
                violations.add(new Violation("paidAmount", "at rate " + instruction.rate().toPlainString() + " "
                        + instruction.amount().toPlainString() + " " + instruction.currency() + " is "
                        + expected.toPlainString() + " " + instruction.paidCurrency()
                        + " (half-up to its ISO 4217 minor units)"));
            }
        } else {
            violations.add(new Violation("paidAmount", "an instruction states the amount paid"));
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
    }

    /** The same instruction sent again: equal in every field, amounts by value whatever their scale. */
    public static boolean same(PaymentInstruction a, PaymentInstruction b) {
        return a != null && b != null
                && Objects.equals(a.settlementRun(), b.settlementRun())
                && Objects.equals(a.endToEndId(), b.endToEndId())
                && Objects.equals(a.debtorAccount(), b.debtorAccount())
                && sameAmount(a.amount(), b.amount())
                && Objects.equals(a.currency(), b.currency())
                && sameAmount(a.paidAmount(), b.paidAmount())
                && Objects.equals(a.paidCurrency(), b.paidCurrency())
                && sameAmount(a.rate(), b.rate())
                && Objects.equals(a.rateDate(), b.rateDate())
                && Objects.equals(a.rateSource(), b.rateSource());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void requireText(List<Violation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "an instruction states its " + field));
        }
    }
}

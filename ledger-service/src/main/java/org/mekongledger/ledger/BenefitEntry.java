package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.mekongledger.api.ClaimEvents.ClaimApproved;
import org.mekongledger.api.ClaimEvents.ClaimFailed;
import org.mekongledger.api.ClaimEvents.ClaimPaid;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.filing.FilingReceipt;

/**
 * A benefit's entry, in THB: a claim's approval (the expense and the liability to the claimant),
 * its payment (the liability settled through the paid currency's bank clearing) or a failed
 * payment's reversal of the approval. A payment and a failure keep what the bank was instructed
 * (the amount paid in the payee's currency, the rate, its day and source) and its status report.
 */
record BenefitEntry(String claimId, String benefit, BigDecimal amount, Settlement settlement) implements JournalLine {

    static final LineKind KIND = new LineKind("BENEFIT", List.of(
            new LineKind.Journalled(ClaimApproved.class, EntryKind.BENEFIT_APPROVAL),
            new LineKind.Journalled(ClaimPaid.class, EntryKind.BENEFIT_PAYMENT),
            new LineKind.Journalled(ClaimFailed.class, EntryKind.BENEFIT_REVERSAL)),
            List.of("claim_id", "benefit", "amount", "settlement_run", "end_to_end_id", "debtor_account", "paid_amount",
                    "paid_currency", "fx_rate", "fx_rate_date", "fx_source", "bank_reference", "status_report",
                    "reason_code"),
            BenefitEntry::read, (jdbc, workerId) -> List.of());

    /** The claim an entry books, as its filing named it: approvals, payments and failures do not. */
    record Claim(String claimId, String scheme, String benefit) {
    }

    /**
     * What a settlement run instructed, and what the bank reported: a payment has a bank reference,
     * a failure perhaps a reason code.
     */
    record Settlement(String settlementRun, String endToEndId, String debtorAccount, BigDecimal paidAmount,
                      String paidCurrency, BigDecimal rate, LocalDate rateDate, String rateSource,
                      String bankReference, String statusReport, String reasonCode) {

        static Settlement of(PaymentInstruction instruction, String bankReference, String statusReport,
                             String reasonCode) {
            return new Settlement(instruction.settlementRun(), instruction.endToEndId(), instruction.debtorAccount(),
                    instruction.paidAmount(), instruction.paidCurrency(), instruction.rate(), instruction.rateDate(),
                    instruction.rateSource(), bankReference, statusReport, reasonCode);
        }
    }

    static Booking approved(ClaimApproved event, Claim claim) {
        return new Booking(EntryKind.BENEFIT_APPROVAL, event.workerId(), claim.scheme(), null, null, null, null,
                event.currency(), new BenefitEntry(claim.claimId(), claim.benefit(), event.amount(), null));
    }

    /** The instruction's amount in THB: what the payment settles of the liability. */
    static Booking paid(ClaimPaid event, Claim claim) {
        PaymentInstruction instruction = instructionOf(event.instruction(), event.claimId(), "ClaimPaid");
        return new Booking(EntryKind.BENEFIT_PAYMENT, event.workerId(), claim.scheme(), null, null, null, null,
                instruction.currency(), new BenefitEntry(claim.claimId(), claim.benefit(), instruction.amount(),
                Settlement.of(instruction, event.bankReference(), event.statusReport(), null)));
    }

    /** The approved amount the failure's reversal undoes, as the event names it. */
    static Booking failed(ClaimFailed event, Claim claim) {
        PaymentInstruction instruction = instructionOf(event.instruction(), event.claimId(), "ClaimFailed");
        return new Booking(EntryKind.BENEFIT_REVERSAL, event.workerId(), claim.scheme(), null, null, null, null,
                event.currency(), new BenefitEntry(claim.claimId(), claim.benefit(), event.amount(),
                Settlement.of(instruction, null, event.statusReport(), event.reasonCode())));
    }

    private static PaymentInstruction instructionOf(PaymentInstruction instruction, String claimId, String event) {
        if (instruction == null) {
            // never booked without what was instructed: the event is dead-lettered, not guessed at
            throw new IllegalStateException(event + " of claim " + claimId + " carries no payment instruction");
        }
        return instruction;
    }

    private static BenefitEntry read(ResultSet row) throws SQLException {
        Settlement settlement = row.getString("settlement_run") == null ? null : new Settlement(
                row.getString("settlement_run"), row.getString("end_to_end_id"), row.getString("debtor_account"),
                row.getBigDecimal("paid_amount"), row.getString("paid_currency"), row.getBigDecimal("fx_rate"),
                row.getObject("fx_rate_date", LocalDate.class), row.getString("fx_source"),
                row.getString("bank_reference"), row.getString("status_report"), row.getString("reason_code"));
        return new BenefitEntry(row.getString("claim_id"), row.getString("benefit"), row.getBigDecimal("amount"),
                settlement);
    }

    @Override
    public LineKind lineKind() {
        return KIND;
    }

    @Override
    public List<Object> values() {
        if (settlement == null) {
            return Arrays.asList(claimId, benefit, amount, null, null, null, null, null, null, null, null, null, null,
                    null);
        }
        return Arrays.asList(claimId, benefit, amount, settlement.settlementRun(), settlement.endToEndId(),
                settlement.debtorAccount(), settlement.paidAmount(), settlement.paidCurrency(), settlement.rate(),
                settlement.rateDate(), settlement.rateSource(), settlement.bankReference(), settlement.statusReport(),
                settlement.reasonCode());
    }

    @Override
    public List<ChartOfAccounts.Posting> postings(EntryKind kind, String scheme) {
        return ChartOfAccounts.benefitPostings(kind, scheme, benefit,
                settlement == null ? null : settlement.paidCurrency(), amount);
    }

    @Override
    public String journalKind(EntryKind kind) {
        return kind.name();
    }

    @Override
    public String description(LedgerQueries.Entry entry) {
        String thb = amount.toPlainString() + " " + entry.currency();
        return switch (entry.kind()) {
            case BENEFIT_APPROVAL -> "Benefit " + benefit + " approved on claim " + claimId + ": " + thb
                    + " owed to the payee";
            case BENEFIT_PAYMENT -> "Benefit " + benefit + " paid on claim " + claimId + ": " + thb + " as "
                    + settlement.paidAmount().toPlainString() + " " + settlement.paidCurrency() + " at "
                    + settlement.rate().toPlainString() + " " + settlement.paidCurrency() + " per "
                    + entry.currency() + " (" + settlement.rateSource() + ", " + settlement.rateDate() + "), run "
                    + settlement.settlementRun() + ", bank reference "
                    + (settlement.bankReference() == null ? settlement.statusReport() : settlement.bankReference());
            case BENEFIT_REVERSAL -> "Approval of benefit " + benefit + " on claim " + claimId + " reversed: "
                    + "the bank could not pay " + settlement.paidAmount().toPlainString() + " "
                    + settlement.paidCurrency() + " (run " + settlement.settlementRun()
                    + (settlement.reasonCode() == null ? "" : ", reason " + settlement.reasonCode()) + "); "
                    + thb + " no longer owed";
            default -> throw new IllegalStateException("a benefit entry is not a " + entry.kind());
        };
    }

    @Override
    public FilingReceipt.Line filed(LedgerQueries.Entry entry, String ruleSetVersion) {
        throw new IllegalStateException("a benefit entry belongs to a claim, not to a filing");
    }
}

package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;

/**
 * The accounts the journal posts to. Per scheme: what each party owes the fund
 * (CONTRIBUTIONS_RECEIVABLE/party) and what the fund holds per party and branch
 * (MEMBER_FUND/party/branch); for a welfare fund, fees per payer; for benefits, the expense per
 * benefit (BENEFIT_EXPENSE/benefit), what the fund owes approved claimants (BENEFIT_LIABILITY) and
 * what it has sent out through its banks per paid currency (BANK_CLEARING/currency), all in THB.
 * Every entry balances by construction.
 */
final class ChartOfAccounts {

    enum Side { DEBIT, CREDIT }

    record Posting(String account, Side side, Party party, Branch branch, String payer, BigDecimal amount) {

        Posting(String account, Side side, Party party, Branch branch, BigDecimal amount) {
            this(account, side, party, branch, null, amount);
        }
    }

    private ChartOfAccounts() {
    }

    static String receivable(String scheme, Party party) {
        return scheme + "/CONTRIBUTIONS_RECEIVABLE/" + party;
    }

    static String memberFund(String scheme, Party party, Branch branch) {
        return scheme + "/MEMBER_FUND/" + party + "/" + branch;
    }

    /** What a payer owes a welfare fund in fees. */
    static String feeReceivable(String scheme, String payer) {
        return scheme + "/FEES_RECEIVABLE/" + payer;
    }

    /** What a welfare fund holds from a payer's fees. */
    static String fundOf(String scheme, String payer) {
        return scheme + "/FUND/" + payer;
    }

    /** A fee debits the payer's receivable and credits the fund; a reversal does the opposite. */
    static List<Posting> feePostings(EntryKind kind, String scheme, String payer, BigDecimal amount) {
        boolean fee = kind == EntryKind.CONTRIBUTION;
        return List.of(new Posting(feeReceivable(scheme, payer), fee ? Side.DEBIT : Side.CREDIT, null, null, payer, amount),
                new Posting(fundOf(scheme, payer), fee ? Side.CREDIT : Side.DEBIT, null, null, payer, amount));
    }

    static String benefitExpense(String scheme, String benefit) {
        return scheme + "/BENEFIT_EXPENSE/" + benefit;
    }

    static String benefitLiability(String scheme) {
        return scheme + "/BENEFIT_LIABILITY";
    }

    static String bankClearing(String scheme, String paidCurrency) {
        return scheme + "/BANK_CLEARING/" + paidCurrency;
    }

    /**
     * An approval books the benefit's expense against the liability to the claimant; a payment
     * settles the liability through the paid currency's bank clearing; a failed payment's reversal
     * undoes the approval (the claim may be approved again, which books anew).
     */
    static List<Posting> benefitPostings(EntryKind kind, String scheme, String benefit, String paidCurrency,
                                         BigDecimal amount) {
        return switch (kind) {
            case BENEFIT_APPROVAL -> List.of(
                    new Posting(benefitExpense(scheme, benefit), Side.DEBIT, null, null, amount),
                    new Posting(benefitLiability(scheme), Side.CREDIT, null, null, amount));
            case BENEFIT_PAYMENT -> List.of(
                    new Posting(benefitLiability(scheme), Side.DEBIT, null, null, amount),
                    new Posting(bankClearing(scheme, paidCurrency), Side.CREDIT, null, null, amount));
            case BENEFIT_REVERSAL -> List.of(
                    new Posting(benefitLiability(scheme), Side.DEBIT, null, null, amount),
                    new Posting(benefitExpense(scheme, benefit), Side.CREDIT, null, null, amount));
            default -> throw new IllegalArgumentException("a benefit entry is not a " + kind);
        };
    }

    static List<Posting> postings(EntryKind kind, String scheme, Map<Party, Map<Branch, BigDecimal>> amounts) {
        Side toReceivable = kind == EntryKind.CONTRIBUTION ? Side.DEBIT : Side.CREDIT;
        Side toFund = kind == EntryKind.CONTRIBUTION ? Side.CREDIT : Side.DEBIT;
        List<Posting> postings = new ArrayList<>();
        amounts.forEach((party, branches) -> {
            BigDecimal total = branches.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            postings.add(new Posting(receivable(scheme, party), toReceivable, party, null, total));
            branches.forEach((branch, amount) ->
                    postings.add(new Posting(memberFund(scheme, party, branch), toFund, party, branch, amount)));
        });
        return postings;
    }
}

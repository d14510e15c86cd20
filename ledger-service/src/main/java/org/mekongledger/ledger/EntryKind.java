package org.mekongledger.ledger;

/**
 * The kind of a journal entry. A filing line's: a contribution debits the parties' receivables and
 * credits the member fund (or a fee the payer's receivable and the fund), a reversal undoes it. A
 * benefit's: its approval books the expense and the liability, its payment settles the liability
 * through bank clearing, and a failed payment's reversal undoes the approval.
 */
public enum EntryKind {
    CONTRIBUTION, REVERSAL, BENEFIT_APPROVAL, BENEFIT_PAYMENT, BENEFIT_REVERSAL
}

package org.mekongledger.ledger;

import java.util.List;

import org.mekongledger.filing.FilingReceipt;

/**
 * What one journal entry books for its kind of line, beyond what every entry has (worker, scheme,
 * currency; a filing line's filing and period): its amounts, the postings they make, and how the
 * entry reads. One implementation per kind ({@link WageEntry}, {@link FeeEntry}, {@link BenefitEntry});
 * the projection, the queries and the ledger page handle every kind through this.
 */
interface JournalLine {

    LineKind lineKind();

    /** The values of {@link LineKind#columns()}, in that order. */
    List<Object> values();

    /** The postings of an entry of this kind; a reversal's undo a contribution's. */
    List<ChartOfAccounts.Posting> postings(EntryKind kind, String scheme);

    /** The entry's kind as the ledger page names it. */
    String journalKind(EntryKind kind);

    /** How the ledger page describes the entry. */
    String description(LedgerQueries.Entry entry);

    /** The filing line the entry booked, as the intake answered it. */
    FilingReceipt.Line filed(LedgerQueries.Entry entry, String ruleSetVersion);
}

package org.mekongledger.ledger;

import java.time.YearMonth;

/**
 * One journal entry to book for an event: what every entry has, and its kind of line. A filing
 * line's entry has its filing, employer and period; a benefit's has none of them (null).
 */
record Booking(EntryKind kind, String workerId, String scheme, String filingId, String employerAccount,
               YearMonth period, String ruleSetVersion, String currency, JournalLine line) {
}

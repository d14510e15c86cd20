package org.mekongledger.filing;

import java.util.List;

import org.mekongledger.contribution.PersonMonthContribution;

/** What the intake answers for an accepted filing: every line as computed and recorded. */
public record FilingReceipt(String filingId, String ruleSetVersion, String currency, List<Line> lines) {

    public record Line(String workerId, PersonMonthContribution contribution) {
    }
}

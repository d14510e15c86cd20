package org.mekongledger.filing;

import java.time.YearMonth;
import java.util.List;

import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.WelfareFeeRecorded;

/** What the intake answers for a reversal: the filing and every line it compensated, in filing order. */
public record FilingReversalReceipt(String filingId, String scheme, String employerAccount, YearMonth period,
                                    String ruleSetVersion, String currency, String reason,
                                    List<ContributionRecorded> contributions, List<WelfareFeeRecorded> fees) {
    public FilingReversalReceipt {
        contributions = List.copyOf(contributions);
        fees = List.copyOf(fees);
    }
}

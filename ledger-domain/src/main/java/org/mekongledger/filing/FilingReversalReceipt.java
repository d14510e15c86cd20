package org.mekongledger.filing;

import java.time.YearMonth;
import java.util.List;

/**
 * What the intake answers for a reversal: the filing and every line it compensated, in filing
 * order, as the lines were recorded.
 */
public record FilingReversalReceipt(String filingId, String scheme, String employerAccount, YearMonth period,
                                    String ruleSetVersion, String currency, String reason,
                                    List<FilingReceipt.Line> lines) {
    public FilingReversalReceipt {
        lines = List.copyOf(lines);
    }
}

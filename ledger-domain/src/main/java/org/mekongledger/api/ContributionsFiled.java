package org.mekongledger.api;

import java.time.YearMonth;
import java.util.List;

/** The filing header; each line is a {@link ContributionRecorded} on the worker's own account. */
public record ContributionsFiled(String filingId, String scheme, String employerAccount, YearMonth period,
                                 String ruleSetVersion, String currency, List<String> workerIds) {
    public ContributionsFiled {
        workerIds = List.copyOf(workerIds);
    }
}

package org.mekongledger.api;

import java.time.YearMonth;
import java.util.List;

/**
 * The filing header; each line is a {@link ContributionRecorded} on the worker's own account.
 *
 * @param employerProvince the employer's province (ISO 3166-2:TH) for the period, or null when not recorded
 * @param versionReason    why that version priced the filing; null in filings recorded before it was kept
 */
public record ContributionsFiled(String filingId, String scheme, String employerAccount, YearMonth period,
                                 String ruleSetVersion, String currency, List<String> workerIds,
                                 String employerProvince, String versionReason) {

    public ContributionsFiled(String filingId, String scheme, String employerAccount, YearMonth period,
                              String ruleSetVersion, String currency, List<String> workerIds) {
        this(filingId, scheme, employerAccount, period, ruleSetVersion, currency, workerIds, null, null);
    }

    public ContributionsFiled {
        workerIds = List.copyOf(workerIds);
    }
}

package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;

/**
 * Compensates an earlier {@link ContributionRecorded} with the very same amounts; the original stays
 * in the worker's history.
 */
public record ContributionReversed(String workerId, String filingId, String scheme, String employerAccount,
                                   YearMonth period, String currency, BigDecimal wage, BigDecimal insurableWage,
                                   Map<Party, PartyShare> shares, String reason) {
}

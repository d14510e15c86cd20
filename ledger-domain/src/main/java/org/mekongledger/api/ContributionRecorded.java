package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;

/** One person-month of contributions, computed by the rule-set version named, on the worker's account. */
public record ContributionRecorded(String workerId, String filingId, String scheme, String employerAccount,
                                   YearMonth period, String ruleSetVersion, String currency, BigDecimal wage,
                                   BigDecimal insurableWage, Map<Party, PartyShare> shares) {
}

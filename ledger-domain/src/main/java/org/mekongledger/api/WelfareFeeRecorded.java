package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.mekongledger.vocabulary.FeePayer;

/** A welfare-fund fee paid for the worker, and who paid it, as the fund's version in force fixes it. */
public record WelfareFeeRecorded(String workerId, String filingId, String scheme, String employerAccount,
                                 YearMonth period, String ruleSetVersion, String currency, FeePayer payer,
                                 BigDecimal amount) {
}

package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.mekongledger.vocabulary.FeePayer;

/** Compensates an earlier {@link WelfareFeeRecorded} with the same amount; the original stays. */
public record WelfareFeeReversed(String workerId, String filingId, String scheme, String employerAccount,
                                 YearMonth period, String currency, FeePayer payer, BigDecimal amount, String reason) {
}

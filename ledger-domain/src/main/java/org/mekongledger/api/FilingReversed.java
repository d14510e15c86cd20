package org.mekongledger.api;

import java.time.YearMonth;

public record FilingReversed(String filingId, String scheme, String employerAccount, YearMonth period,
                             String reason) {
}

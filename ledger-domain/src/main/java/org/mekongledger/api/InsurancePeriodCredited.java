package org.mekongledger.api;

import java.time.YearMonth;

public record InsurancePeriodCredited(String workerId, String scheme, YearMonth from, YearMonth to, String source) {
}

package org.mekongledger.api;

import java.time.YearMonth;

public record EmployerRelocated(String employerAccount, String province, YearMonth from) {
}

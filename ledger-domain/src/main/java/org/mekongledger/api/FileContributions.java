package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** An employer's monthly filing for one scheme: one line per insured worker. */
public record FileContributions(String filingId, String scheme, String employerAccount, YearMonth period,
                                List<Line> lines) {
    public FileContributions {
        lines = List.copyOf(lines);
    }

    public record Line(String workerId, BigDecimal wage) {
    }
}

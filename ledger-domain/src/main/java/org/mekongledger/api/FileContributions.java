package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.mekongledger.vocabulary.FeePayer;

/**
 * An employer's monthly filing for one scheme: one line per insured worker with the wage, or for a
 * welfare fund one line per fee paid, with who paid it.
 */
public record FileContributions(String filingId, String scheme, String employerAccount, YearMonth period,
                                List<Line> lines) {
    public FileContributions {
        lines = List.copyOf(lines);
    }

    public record Line(String workerId, BigDecimal wage, FeePayer payer) {

        public Line(String workerId, BigDecimal wage) {
            this(workerId, wage, null);
        }
    }
}

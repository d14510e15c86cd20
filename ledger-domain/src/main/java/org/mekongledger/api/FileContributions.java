package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.mekongledger.vocabulary.FeePayer;

/**
 * An employer's monthly filing for one scheme: one line per insured worker with the wage, or for a
 * welfare fund one line per fee paid, with who paid it. Which kind of line a scheme takes is the
 * intake's to say; a line of the other kind is refused there like any other bad line.
 */
public record FileContributions(String filingId, String scheme, String employerAccount, YearMonth period,
                                List<Line> lines) {
    public FileContributions {
        lines = List.copyOf(lines);
    }

    /** One line of a filing: what it says depends on its kind. */
    public sealed interface Line permits WageLine, FeeLine {
        String workerId();
    }

    /** A worker's wage for the month, from which the scheme's rules compute the contribution. */
    public record WageLine(String workerId, BigDecimal wage) implements Line {
    }

    /** A welfare-fund fee paid for the worker, and who paid it; the fund's rules fix the amount. */
    public record FeeLine(String workerId, FeePayer payer) implements Line {
    }
}

package org.mekongledger.filing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.WelfareFeeRecorded;
import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.vocabulary.FeePayer;

/** What the intake answers for an accepted filing: every line as computed and recorded. */
public record FilingReceipt(String filingId, String ruleSetVersion, String currency, List<Line> lines,
                            String employerProvince, String versionReason) {

    public FilingReceipt {
        lines = List.copyOf(lines);
    }

    public FilingReceipt(String filingId, String ruleSetVersion, String currency, List<Line> lines) {
        this(filingId, ruleSetVersion, currency, lines, null, null);
    }

    /** One priced line of a filing: its kind follows the filed line's. */
    public sealed interface Line permits WageLine, FeeLine {
        String workerId();
    }

    /** A wage line with the contribution computed from it. */
    public record WageLine(String workerId, PersonMonthContribution contribution) implements Line {

        /** The line as its recorded event holds it (a reversal answers what it compensates). */
        public static WageLine recorded(ContributionRecorded event) {
            return new WageLine(event.workerId(), new PersonMonthContribution(event.period(), event.scheme(),
                    event.ruleSetVersion(), Currency.getInstance(event.currency()), event.wage(),
                    event.insurableWage(), event.shares()));
        }
    }

    /** A fee line: who paid, and the fee the fund's rules fix. */
    public record FeeLine(String workerId, FeePayer payer, BigDecimal fee) implements Line {

        public static FeeLine recorded(WelfareFeeRecorded event) {
            return new FeeLine(event.workerId(), event.payer(), event.amount());
        }
    }
}

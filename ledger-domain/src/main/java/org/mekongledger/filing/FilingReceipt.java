package org.mekongledger.filing;

import java.math.BigDecimal;
import java.util.List;

import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.vocabulary.FeePayer;

/** What the intake answers for an accepted filing: every line as computed and recorded. */
public record FilingReceipt(String filingId, String ruleSetVersion, String currency, List<Line> lines) {

    /** A wage line carries its computed contribution; a fee line its payer and fee. */
    public record Line(String workerId, PersonMonthContribution contribution, FeePayer payer, BigDecimal fee) {

        public Line(String workerId, PersonMonthContribution contribution) {
            this(workerId, contribution, null, null);
        }
    }
}

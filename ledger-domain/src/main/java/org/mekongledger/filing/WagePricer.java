package org.mekongledger.filing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mekongledger.account.WorkerAccount;
import org.mekongledger.api.FileContributions;
import org.mekongledger.api.Violation;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.contribution.VersionChoice;

/**
 * Prices wage lines with the contribution rule set's version in force for the period: one line
 * per worker, a positive wage in the currency's decimals. A scheme no contribution rules know is
 * named as the scheme; its wages are still checked as far as they can be without rules.
 */
final class WagePricer implements LinePricer<FilingReceipt.WageLine> {

    private final String scheme;
    private final Optional<ContributionRuleSet> ruleSet;
    private final Optional<ContributionRuleSetVersion> rules;
    /** The filing's month, once its rules are in force. */
    private final YearMonth period;
    private final Set<String> workers = new HashSet<>();

    /** Why the version was chosen, once it is. */
    private final String reason;

    WagePricer(String scheme, Optional<ContributionRuleSet> ruleSet) {
        this(scheme, ruleSet, Optional.empty(), null, "");
    }

    private WagePricer(String scheme, Optional<ContributionRuleSet> ruleSet, Optional<ContributionRuleSetVersion> rules,
                       YearMonth period, String reason) {
        this.scheme = scheme;
        this.ruleSet = ruleSet;
        this.rules = rules;
        this.period = period;
        this.reason = reason;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public WagePricer inForce(YearMonth period, String province, List<Violation> violations) {
        if (ruleSet.isEmpty()) {
            violations.add(new Violation("scheme", "no contribution rules are known for scheme " + scheme));
            return this;
        }
        Optional<VersionChoice> choice = ruleSet.get().choose(period, province);
        if (choice.isEmpty()) {
            violations.add(new Violation("period", "no " + scheme + " rule set is in force for " + period));
        }
        return new WagePricer(scheme, ruleSet, choice.map(VersionChoice::version), period,
                choice.map(VersionChoice::reason).orElse(""));
    }

    @Override
    public Optional<FilingReceipt.WageLine> price(int index, FileContributions.Line line, List<Violation> violations) {
        if (!workers.add(line.workerId())) {
            violations.add(new Violation("lines[" + index + "].workerId",
                    "worker " + line.workerId() + " appears more than once in the filing"));
        }
        BigDecimal wage = line instanceof FileContributions.WageLine wageLine ? wageLine.wage() : null;
        Optional<String> problem = wageProblem(wage);
        if (problem.isPresent()) {
            violations.add(new Violation("lines[" + index + "].wage", problem.get()));
            return Optional.empty();
        }
        return rules.map(version -> new FilingReceipt.WageLine(line.workerId(), version.contributionFor(period, wage)));
    }

    /** A wage must be positive whatever the rules; its decimals are checked once the currency is known. */
    private Optional<String> wageProblem(BigDecimal wage) {
        if (wage == null) {
            return Optional.of("the wage is required");
        }
        if (wage.signum() <= 0) {
            return Optional.of("the wage must be more than zero");
        }
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        Currency currency = rules.get().currency();
        if (wage.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            return Optional.of("the wage has more than " + currency.getDefaultFractionDigits()
                    + " decimal places for " + currency.getCurrencyCode());
        }
        return Optional.empty();
    }

    @Override
    public String version() {
        return rules.orElseThrow().version();
    }

    @Override
    public Currency currency() {
        return rules.orElseThrow().currency();
    }

    @Override
    public void record(WorkerAccount account, FileContributions filing, FilingReceipt.WageLine line) {
        account.recordContribution(filing.filingId(), filing.employerAccount(), line.contribution());
    }

    @Override
    public List<FilingReceipt.WageLine> standing(WorkerAccount account, String filingId) {
        return account.standingContribution(filingId).map(FilingReceipt.WageLine::recorded).stream().toList();
    }
}

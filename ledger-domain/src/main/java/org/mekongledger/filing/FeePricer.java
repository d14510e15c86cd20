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
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.WelfareFundRuleSetVersion;
import org.mekongledger.vocabulary.FeePayer;

/**
 * Prices a welfare fund's fee lines: flat fees per contract, each with who paid it, as the fund's
 * version in force fixes them. A worker may have two lines (say, the worker's and the recruitment
 * agency's fee), never two from one payer.
 */
final class FeePricer implements LinePricer<FilingReceipt.FeeLine> {

    private final EntitlementRuleSet fund;
    private final Optional<WelfareFundRuleSetVersion> rules;
    private final Set<String> paid = new HashSet<>();

    FeePricer(EntitlementRuleSet fund) {
        this(fund, Optional.empty());
    }

    private FeePricer(EntitlementRuleSet fund, Optional<WelfareFundRuleSetVersion> rules) {
        this.fund = fund;
        this.rules = rules;
    }

    @Override
    public FeePricer inForce(YearMonth period, String province, List<Violation> violations) {
        Optional<WelfareFundRuleSetVersion> version = fund.inForce(period.atDay(1))
                .filter(WelfareFundRuleSetVersion.class::isInstance).map(WelfareFundRuleSetVersion.class::cast);
        if (version.isEmpty()) {
            violations.add(new Violation("period", "no " + fund.id() + " rules are in force for " + period));
        }
        return new FeePricer(fund, version);
    }

    @Override
    public String reason() {
        return rules.map(v -> fund.id() + " version " + v.version() + " in force from " + v.effectiveFrom()).orElse("");
    }

    @Override
    public Optional<FilingReceipt.FeeLine> price(int index, FileContributions.Line line, List<Violation> violations) {
        FeePayer payer = line instanceof FileContributions.FeeLine feeLine ? feeLine.payer() : null;
        String field = "lines[" + index + "].payer";
        if (payer == null) {
            violations.add(new Violation(field, "a fee line says who paid it"));
        } else if (!paid.add(line.workerId() + "/" + payer)) {
            violations.add(new Violation(field, payer + " already paid for worker " + line.workerId()
                    + " in this filing"));
        } else if (rules.isPresent() && !rules.get().feesPerContract().containsKey(payer)) {
            violations.add(new Violation(field, fund.id() + " takes no fee from " + payer));
        } else if (rules.isPresent()) {
            return Optional.of(new FilingReceipt.FeeLine(line.workerId(), payer,
                    rules.get().feesPerContract().get(payer)));
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
    public void record(WorkerAccount account, FileContributions filing, FilingReceipt.FeeLine line) {
        account.recordFee(filing.filingId(), filing.employerAccount(), filing.scheme(), filing.period(), version(),
                currency().getCurrencyCode(), line.payer(), line.fee());
    }

    @Override
    public List<FilingReceipt.FeeLine> standing(WorkerAccount account, String filingId) {
        return account.standingFees(filingId).stream().map(FilingReceipt.FeeLine::recorded).toList();
    }
}

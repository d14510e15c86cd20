package org.mekongledger.filing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.ContributionsFiled;
import org.mekongledger.api.FileContributions;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.ReverseFiling;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.api.WelfareFeeRecorded;
import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.employer.Employer;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.RuleSetKind;
import org.mekongledger.entitlement.WelfareFundRuleSetVersion;

/**
 * Takes an employer's filing as one unit of work: validates every line, computes each with the
 * rule-set version in force for the period, and records the filing and one contribution event on
 * each worker's account in a single transaction. All or nothing.
 */
public class FilingIntake {

    private final Repository<ContributionFiling> filings;
    private final Repository<WorkerAccount> accounts;
    private final Repository<Employer> employers;
    /** The book in force now: administrators may add versions while the service runs. */
    private final Supplier<ContributionRuleBook> ruleBook;
    /** Welfare funds' fees per contract are parameters of their entitlement rule sets. */
    private final Supplier<EntitlementRuleBook> funds;
    private final FilingPeriodRegister periods;
    private final Clock clock;

    public FilingIntake(Repository<ContributionFiling> filings, Repository<WorkerAccount> accounts,
                        Repository<Employer> employers, Supplier<ContributionRuleBook> ruleBook,
                        Supplier<EntitlementRuleBook> funds, FilingPeriodRegister periods, Clock clock) {
        this.funds = funds;
        this.filings = filings;
        this.accounts = accounts;
        this.employers = employers;
        this.ruleBook = ruleBook;
        this.periods = periods;
        this.clock = clock;
    }

    @CommandHandler
    public FilingReceipt handle(FileContributions command) throws Exception {
        if (ruleBook.get().ruleSet(command.scheme()).isEmpty()) {
            Optional<EntitlementRuleSet> fund = funds.get().ruleSet(command.scheme())
                    .filter(ruleSet -> ruleSet.kind() == RuleSetKind.WELFARE_FUND);
            if (fund.isPresent()) {
                return takeFees(command, fund.get());
            }
        }
        List<Violation> violations = new ArrayList<>();
        Optional<ContributionRuleSetVersion> rules = rulesFor(command, violations);
        if (!exists(employers, command.employerAccount())) {
            violations.add(new Violation("employerAccount", "no employer is registered under " + command.employerAccount()));
        }
        Map<String, Aggregate<WorkerAccount>> accountsByWorker = loadAccounts(command.lines(), violations);
        List<FilingReceipt.Line> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            FileContributions.Line line = command.lines().get(i);
            Optional<String> wageProblem = wageProblem(line.wage(), rules);
            if (wageProblem.isPresent()) {
                violations.add(new Violation("lines[" + i + "].wage", wageProblem.get()));
            } else if (rules.isPresent()) {
                lines.add(new FilingReceipt.Line(line.workerId(), rules.get().contributionFor(command.period(), line.wage())));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        ContributionRuleSetVersion version = rules.orElseThrow();
        claimPeriod(command);
        List<String> workerIds = lines.stream().map(FilingReceipt.Line::workerId).toList();
        filings.newInstance(() -> new ContributionFiling(new ContributionsFiled(command.filingId(), command.scheme(),
                command.employerAccount(), command.period(), version.version(),
                version.currency().getCurrencyCode(), workerIds)));
        for (FilingReceipt.Line line : lines) {
            accountsByWorker.get(line.workerId()).execute(account ->
                    account.recordContribution(command.filingId(), command.employerAccount(), line.contribution()));
        }
        return new FilingReceipt(command.filingId(), version.version(), version.currency().getCurrencyCode(), lines);
    }

    /**
     * A welfare fund's filing: flat fees per contract, each with who paid it. A worker may have two
     * lines (say, the worker's and the recruitment agency's fee), never two from one payer.
     */
    private FilingReceipt takeFees(FileContributions command, EntitlementRuleSet fund) throws Exception {
        List<Violation> violations = new ArrayList<>();
        Optional<WelfareFundRuleSetVersion> version = Optional.empty();
        if (command.period().isAfter(YearMonth.now(clock))) {
            violations.add(new Violation("period", command.period() + " is after the current month"));
        } else {
            version = fund.inForce(command.period().atDay(1))
                    .filter(WelfareFundRuleSetVersion.class::isInstance).map(WelfareFundRuleSetVersion.class::cast);
            if (version.isEmpty()) {
                violations.add(new Violation("period", "no " + fund.id() + " rules are in force for " + command.period()));
            }
        }
        if (!exists(employers, command.employerAccount())) {
            violations.add(new Violation("employerAccount", "no employer is registered under " + command.employerAccount()));
        }
        Map<String, Aggregate<WorkerAccount>> accountsByWorker = new HashMap<>();
        Set<String> paid = new HashSet<>();
        List<FilingReceipt.Line> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            FileContributions.Line line = command.lines().get(i);
            if (line.payer() == null) {
                violations.add(new Violation("lines[" + i + "].payer", "a fee line says who paid it"));
            } else if (!paid.add(line.workerId() + "/" + line.payer())) {
                violations.add(new Violation("lines[" + i + "].payer", line.payer() + " already paid for worker "
                        + line.workerId() + " in this filing"));
            } else if (version.isPresent() && !version.get().feesPerContract().containsKey(line.payer())) {
                violations.add(new Violation("lines[" + i + "].payer", fund.id() + " takes no fee from " + line.payer()));
            } else if (version.isPresent()) {
                lines.add(new FilingReceipt.Line(line.workerId(), null, line.payer(),
                        version.get().feesPerContract().get(line.payer())));
            }
            if (!accountsByWorker.containsKey(line.workerId())) {
                Optional<Aggregate<WorkerAccount>> account = load(accounts, line.workerId());
                if (account.isEmpty()) {
                    violations.add(new Violation("lines[" + i + "].workerId", "no worker is registered under " + line.workerId()));
                } else {
                    accountsByWorker.put(line.workerId(), account.get());
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        WelfareFundRuleSetVersion rules = version.orElseThrow();
        String currency = rules.currency().getCurrencyCode();
        claimPeriod(command);
        filings.newInstance(() -> new ContributionFiling(new ContributionsFiled(command.filingId(), command.scheme(),
                command.employerAccount(), command.period(), rules.version(), currency,
                List.copyOf(accountsByWorker.keySet()))));
        for (FilingReceipt.Line line : lines) {
            accountsByWorker.get(line.workerId()).execute(account -> account.recordFee(command.filingId(),
                    command.employerAccount(), command.scheme(), command.period(), rules.version(), currency,
                    line.payer(), line.fee()));
        }
        return new FilingReceipt(command.filingId(), rules.version(), currency, lines);
    }

    private void claimPeriod(FileContributions command) {
        periods.claim(command.scheme(), command.employerAccount(), command.period(), command.filingId())
                .ifPresent(standing -> {
                    throw new ConflictWithRecord("Employer " + command.employerAccount() + " already filed "
                            + command.scheme() + " for " + command.period() + " (filing " + standing + ")");
                });
    }

    /** Answers what it reversed, so the caller needs no read model that may lag behind. */
    @CommandHandler
    public FilingReversalReceipt handle(ReverseFiling command) {
        Aggregate<ContributionFiling> filing = load(filings, command.filingId())
                .orElseThrow(() -> new UnknownRecord("contribution filing", command.filingId()));
        filing.execute(f -> f.reverse(command.reason()));
        ContributionFiling reversed = filing.invoke(f -> f);
        List<ContributionRecorded> contributions = new ArrayList<>();
        List<WelfareFeeRecorded> fees = new ArrayList<>();
        for (String workerId : new java.util.LinkedHashSet<>(reversed.workerIds())) {
            Aggregate<WorkerAccount> account = accounts.load(workerId);
            account.invoke(a -> a.standingContribution(command.filingId())).ifPresent(contributions::add);
            fees.addAll(account.invoke(a -> a.standingFees(command.filingId())));
            account.execute(a -> a.reverseContribution(command.filingId(), command.reason()));
        }
        periods.release(reversed.scheme(), reversed.employerAccount(), reversed.period(), command.filingId());
        return new FilingReversalReceipt(command.filingId(), reversed.scheme(), reversed.employerAccount(),
                reversed.period(), reversed.ruleSetVersion(), reversed.currency(), command.reason(), contributions, fees);
    }

    private Optional<ContributionRuleSetVersion> rulesFor(FileContributions command, List<Violation> violations) {
        if (command.period().isAfter(YearMonth.now(clock))) {
            violations.add(new Violation("period", command.period() + " is after the current month"));
            return Optional.empty();
        }
        Optional<ContributionRuleSet> ruleSet = ruleBook.get().ruleSet(command.scheme());
        if (ruleSet.isEmpty()) {
            violations.add(new Violation("scheme", "no contribution rules are known for scheme " + command.scheme()));
            return Optional.empty();
        }
        Optional<ContributionRuleSetVersion> version = ruleSet.get().inForce(command.period());
        if (version.isEmpty()) {
            violations.add(new Violation("period", "no " + command.scheme() + " rule set is in force for " + command.period()));
        }
        return version;
    }

    private Map<String, Aggregate<WorkerAccount>> loadAccounts(List<FileContributions.Line> lines, List<Violation> violations) {
        Map<String, Aggregate<WorkerAccount>> loaded = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String workerId = lines.get(i).workerId();
            if (!seen.add(workerId)) {
                violations.add(new Violation("lines[" + i + "].workerId", "worker " + workerId + " appears more than once in the filing"));
                continue;
            }
            Optional<Aggregate<WorkerAccount>> account = load(accounts, workerId);
            if (account.isEmpty()) {
                violations.add(new Violation("lines[" + i + "].workerId", "no worker is registered under " + workerId));
            } else {
                loaded.put(workerId, account.get());
            }
        }
        return loaded;
    }

    /** A wage must be positive whatever the rules; its decimals are checked once the currency is known. */
    private static Optional<String> wageProblem(BigDecimal wage, Optional<ContributionRuleSetVersion> ruleSet) {
        if (wage == null) {
            return Optional.of("the wage is required");
        }
        if (wage.signum() <= 0) {
            return Optional.of("the wage must be more than zero");
        }
        if (ruleSet.isEmpty()) {
            return Optional.empty();
        }
        ContributionRuleSetVersion rules = ruleSet.get();
        if (wage.stripTrailingZeros().scale() > rules.currency().getDefaultFractionDigits()) {
            return Optional.of("the wage has more than " + rules.currency().getDefaultFractionDigits()
                    + " decimal places for " + rules.currency().getCurrencyCode());
        }
        return Optional.empty();
    }

    private static boolean exists(Repository<?> repository, String id) {
        return load(repository, id).isPresent();
    }

    private static <T> Optional<Aggregate<T>> load(Repository<T> repository, String id) {
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}

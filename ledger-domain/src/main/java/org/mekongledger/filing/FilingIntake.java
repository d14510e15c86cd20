package org.mekongledger.filing;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.mekongledger.api.ContributionsFiled;
import org.mekongledger.api.FileContributions;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.ReverseFiling;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.employer.Employer;
import org.mekongledger.ruleset.RuleSetCatalogue;

/**
 * Takes an employer's filing as one unit of work: validates the header and every line, prices each
 * line with the rule-set version in force for the period, and records the filing and one event per
 * line on the workers' accounts in a single transaction. All or nothing. What differs between wage
 * and fee lines is the scheme's {@link LinePricer}; the flow is one.
 */
public class FilingIntake {

    private final Repository<ContributionFiling> filings;
    private final Repository<WorkerAccount> accounts;
    private final Repository<Employer> employers;
    private final LinePricers pricers;
    private final FilingPeriodRegister periods;
    private final Clock clock;

    public FilingIntake(Repository<ContributionFiling> filings, Repository<WorkerAccount> accounts,
                        Repository<Employer> employers, Supplier<RuleSetCatalogue> rules,
                        FilingPeriodRegister periods, Clock clock) {
        this.filings = filings;
        this.accounts = accounts;
        this.employers = employers;
        this.pricers = new LinePricers(rules);
        this.periods = periods;
        this.clock = clock;
    }

    @CommandHandler
    public FilingReceipt handle(FileContributions command) throws Exception {
        return take(command, pricers.forScheme(command.scheme()));
    }

    private <R extends FilingReceipt.Line> FilingReceipt take(FileContributions command, LinePricer<R> schemePricer)
            throws Exception {
        List<Violation> violations = new ArrayList<>();
        LinePricer<R> pricer = schemePricer;
        // the employer's province in the filing's month decides a version limited to some provinces
        Optional<Aggregate<Employer>> employer = load(employers, command.employerAccount());
        String province = employer.map(e -> e.invoke(found -> found.provinceIn(command.period()))).orElse(null);
        if (command.period().isAfter(YearMonth.now(clock))) {
            violations.add(new Violation("period", command.period() + " is after the current month"));
        } else {
            pricer = schemePricer.inForce(command.period(), province, violations);
        }
        if (employer.isEmpty()) {
            violations.add(new Violation("employerAccount", "no employer is registered under " + command.employerAccount()));
        }
        // by worker, in line order: the filing's order of workers, which the read model keeps
        Map<String, Aggregate<WorkerAccount>> accountsByWorker = new LinkedHashMap<>();
        Set<String> unregistered = new HashSet<>();
        List<R> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            FileContributions.Line line = command.lines().get(i);
            pricer.price(i, line, violations).ifPresent(lines::add);
            String workerId = line.workerId();
            if (!accountsByWorker.containsKey(workerId) && !unregistered.contains(workerId)) {
                Optional<Aggregate<WorkerAccount>> account = load(accounts, workerId);
                if (account.isEmpty()) {
                    unregistered.add(workerId);
                    violations.add(new Violation("lines[" + i + "].workerId", "no worker is registered under " + workerId));
                } else {
                    accountsByWorker.put(workerId, account.get());
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        LinePricer<R> priced = pricer;
        String version = priced.version();
        String currency = priced.currency().getCurrencyCode();
        claimPeriod(command);
        List<String> workerIds = List.copyOf(accountsByWorker.keySet());
        filings.newInstance(() -> new ContributionFiling(new ContributionsFiled(command.filingId(), command.scheme(),
                command.employerAccount(), command.period(), version, currency, workerIds, province, priced.reason())));
        for (R line : lines) {
            accountsByWorker.get(line.workerId()).execute(account -> priced.record(account, command, line));
        }
        return new FilingReceipt(command.filingId(), version, currency, List.copyOf(lines), province, priced.reason());
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
        LinePricer<?> pricer = pricers.forScheme(reversed.scheme());
        List<FilingReceipt.Line> lines = new ArrayList<>();
        for (String workerId : new LinkedHashSet<>(reversed.workerIds())) {
            Aggregate<WorkerAccount> account = accounts.load(workerId);
            lines.addAll(account.invoke(a -> pricer.standing(a, command.filingId())));
            account.execute(a -> a.reverseContribution(command.filingId(), command.reason()));
        }
        periods.release(reversed.scheme(), reversed.employerAccount(), reversed.period(), command.filingId());
        return new FilingReversalReceipt(command.filingId(), reversed.scheme(), reversed.employerAccount(),
                reversed.period(), reversed.ruleSetVersion(), reversed.currency(), command.reason(), lines);
    }

    private static <T> Optional<Aggregate<T>> load(Repository<T> repository, String id) {
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}

package org.mekongledger.console;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.mekongledger.assessment.WorkerEntitlements;
import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.ledger.LedgerQueries;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.web.contract.model.Worker;
import org.springframework.stereotype.Component;

/** Draws up a worker's statement from the journal and the entitlement rules, as of the fund's today. */
@Component
class WorkerStatements {

    /** The wage-based scheme whose months the statement counts per year. */
    static final String SOCIAL_SECURITY = "TH_SSF_S33";

    private final LedgerQueries ledger;
    private final WorkerEntitlements entitlements;
    /** The fund's clock, in its time zone: "today" is a Bangkok day. */
    private final Clock clock;

    WorkerStatements(LedgerQueries ledger, WorkerEntitlements entitlements, Clock clock) {
        this.ledger = ledger;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    /** The statement of a worker the caller has already found and may see. */
    WorkerStatement of(Worker worker) {
        String workerId = worker.getWorkerId();
        LocalDate today = LocalDate.now(clock);
        LocalDate fiftyFive = worker.getDateOfBirth().plusYears(WorkerStatement.PENSIONABLE_AGE);
        List<Entitlement> owedToday = entitlements.ofWorker(workerId, today, null).orElse(List.of());
        // at 55 if insured work has ended by then: the national route to the old-age benefit (Sections 76-77)
        List<Entitlement> owedAtFiftyFive = fiftyFive.isAfter(today)
                ? entitlements.ofWorker(workerId, fiftyFive, LifeEventType.INSURED_STATUS_ENDED).orElse(List.of())
                : List.of();
        return new WorkerStatement(worker, today, insuredYears(workerId), paidIn(workerId), owedToday, fiftyFive,
                owedAtFiftyFive, StatementCode.of(workerId), StatementCode.check(workerId));
    }

    private List<WorkerStatement.InsuredYear> insuredYears(String workerId) {
        Map<Integer, Integer> socialSecurity = ContributionShares.monthsPerYear(ledger.standingMonths(workerId, SOCIAL_SECURITY));
        // a fee month counts once, whatever the number of fees or funds that month
        Set<String> feeMonths = new HashSet<>();
        Map<Integer, Integer> welfare = new TreeMap<>();
        for (LedgerQueries.FeeMonth fee : ledger.standingFees(workerId)) {
            if (feeMonths.add(fee.period())) {
                welfare.merge(YearMonth.parse(fee.period()).getYear(), 1, Integer::sum);
            }
        }
        Set<Integer> years = new java.util.TreeSet<>(socialSecurity.keySet());
        years.addAll(welfare.keySet());
        List<WorkerStatement.InsuredYear> insured = new ArrayList<>();
        for (int year : years) {
            insured.add(new WorkerStatement.InsuredYear(year, socialSecurity.getOrDefault(year, 0),
                    welfare.getOrDefault(year, 0)));
        }
        return insured;
    }

    /** Per currency: what the worker paid and what their employers paid ({@link ContributionShares}). */
    private List<WorkerStatement.PaidIn> paidIn(String workerId) {
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (LedgerQueries.SchemeBalance scheme : ledger.balances(workerId)) {
            BigDecimal[] paid = totals.computeIfAbsent(scheme.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            for (LedgerQueries.Balance balance : scheme.balances()) {
                if (ContributionShares.paidByWorker(balance)) {
                    paid[0] = paid[0].add(balance.amount());
                } else if (ContributionShares.paidByEmployers(balance)) {
                    paid[1] = paid[1].add(balance.amount());
                }
            }
        }
        List<WorkerStatement.PaidIn> paidIn = new ArrayList<>();
        totals.forEach((currency, paid) -> paidIn.add(new WorkerStatement.PaidIn(Currency.getInstance(currency),
                paid[0], paid[1])));
        return paidIn;
    }
}

package org.mekongledger.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.entitlement.ForeignPeriod;
import org.mekongledger.entitlement.InsuredMonth;
import org.mekongledger.entitlement.LifeEvent;
import org.mekongledger.entitlement.WageHistory;
import org.mekongledger.ledger.LedgerQueries;
import org.mekongledger.registry.WorkerQueries;
import org.mekongledger.rulelibrary.RuleLibrary;
import org.mekongledger.vocabulary.LifeEventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a registered worker's history from the read models: the person through the registry's own
 * query, the months through the ledger's, the life events and credited periods from this module's
 * tables ({@link WorkerHistoryProjection}).
 */
@Component
class WorkerHistories {

    private final JdbcClient jdbc;
    private final WorkerQueries workers;
    private final LedgerQueries ledger;
    private final RuleLibrary rules;

    WorkerHistories(JdbcClient jdbc, WorkerQueries workers, LedgerQueries ledger, RuleLibrary rules) {
        this.jdbc = jdbc;
        this.workers = workers;
        this.ledger = ledger;
        this.rules = rules;
    }

    /** Empty when no such worker is registered. */
    Optional<WorkerHistory> of(WorkerId worker) {
        // the revision before the book: should the library move on in between, the history is
        // tagged older than its ceilings and merely read again
        long revision = rules.revision();
        ContributionRuleBook book = rules.contributionBook();
        return workers.personalFacts(worker.value()).map(person -> new WorkerHistory(person.dateOfBirth(),
                person.nationality(), insuredMonths(worker, book), feeMonths(worker), foreignPeriods(worker),
                lifeEvents(worker), revision));
    }

    private List<LifeEvent> lifeEvents(WorkerId worker) {
        return jdbc.sql("""
                        select type, event_date, country from worker_life_event
                        where worker_id = ? order by event_date""")
                .param(worker.value())
                .query((row, n) -> new LifeEvent(LifeEventType.valueOf(row.getString("type")),
                        row.getObject("event_date", LocalDate.class), row.getString("country")))
                .list();
    }

    private List<ForeignPeriod> foreignPeriods(WorkerId worker) {
        return jdbc.sql("""
                        select scheme, from_period, to_period, source from worker_insurance_period
                        where worker_id = ? order by from_period""")
                .param(worker.value())
                .query((row, n) -> new ForeignPeriod(row.getString("scheme"), YearMonth.parse(row.getString("from_period")),
                        YearMonth.parse(row.getString("to_period")), row.getString("source")))
                .list();
    }

    /** Welfare-fund fees as the engine takes them: the fee as the month's amount, no old-age shares. */
    private Map<String, List<InsuredMonth>> feeMonths(WorkerId worker) {
        Map<String, List<InsuredMonth>> months = new LinkedHashMap<>();
        for (LedgerQueries.FeeMonth fee : ledger.standingFees(worker.value())) {
            months.computeIfAbsent(fee.scheme(), scheme -> new ArrayList<>()).add(new InsuredMonth(
                    YearMonth.parse(fee.period()), fee.amount(), BigDecimal.ZERO, BigDecimal.ZERO));
        }
        return months;
    }

    /**
     * Contribution months with every employer's line: the domain sums a month's employers and caps
     * the sum at that month's ceiling, as it does for simulated histories.
     */
    private List<InsuredMonth> insuredMonths(WorkerId worker, ContributionRuleBook book) {
        List<InsuredMonth> employerLines = new ArrayList<>();
        for (LedgerQueries.StandingMonth month : ledger.standingMonths(worker.value(), WorkerHistory.THAI_SCHEME)) {
            employerLines.add(new InsuredMonth(YearMonth.parse(month.period()), month.insurableWage(),
                    month.employeeOldAge(), month.employerOldAge(), month.ruleSetVersions()));
        }
        return WageHistory.combineEmployers(book, WorkerHistory.THAI_SCHEME, employerLines);
    }
}

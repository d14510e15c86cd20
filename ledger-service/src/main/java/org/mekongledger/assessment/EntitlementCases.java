package org.mekongledger.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mekongledger.rulelibrary.RuleLibrary;
import org.mekongledger.entitlement.EntitlementCase;
import org.mekongledger.entitlement.ForeignPeriod;
import org.mekongledger.entitlement.InsuredMonth;
import org.mekongledger.entitlement.LifeEvent;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.entitlement.WageHistory;
import org.mekongledger.ledger.LedgerQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gathers what the engine needs about a registered worker from the read models. */
@Component
class EntitlementCases {

    static final String THAI_SCHEME = "TH_SSF_S33";

    private record Person(LocalDate dateOfBirth, String nationality) {
    }

    private final JdbcClient jdbc;
    private final LedgerQueries ledger;
    private final RuleLibrary rules;
    private final WorkerHistoryCache cache;

    EntitlementCases(JdbcClient jdbc, LedgerQueries ledger, RuleLibrary rules, WorkerHistoryCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.rules = rules;
    }

    /** Computes from the worker's case, or reuses the answer while nothing changed for the worker. */
    <T> Optional<T> answer(String workerId, LocalDate asOf, LifeEventType hypothetical,
                           java.util.function.Function<EntitlementCase, T> compute) {
        rules.refreshForAnswers();
        String question = asOf + "/" + hypothetical + "/rules-" + rules.revision();
        return Optional.ofNullable(cache.answer(workerId, question, () -> load(workerId),
                history -> compute.apply(caseOf(history, asOf, hypothetical))));
    }

    private static EntitlementCase caseOf(WorkerHistory history, LocalDate asOf, LifeEventType hypothetical) {
        List<LifeEvent> events = new ArrayList<>();
        for (LifeEvent event : history.lifeEvents()) {
            if (!event.date().isAfter(asOf)) {
                events.add(event);
            }
        }
        if (hypothetical != null) {
            events.add(new LifeEvent(hypothetical, asOf, null));
        }
        Map<String, List<InsuredMonth>> months = new java.util.LinkedHashMap<>(history.feeMonths());
        months.put(THAI_SCHEME, history.thaiMonths());
        return new EntitlementCase(history.dateOfBirth(), history.nationality(), months, history.foreignPeriods(),
                events, null, asOf);
    }

    private WorkerHistory load(String workerId) {
        Optional<Person> person = jdbc.sql("select date_of_birth, nationality from worker_view where worker_id = ?")
                .param(workerId)
                .query((row, n) -> new Person(row.getObject("date_of_birth", LocalDate.class), row.getString("nationality")))
                .optional();
        if (person.isEmpty()) {
            return null;
        }
        List<LifeEvent> events = jdbc.sql("""
                        select type, event_date, country from worker_life_event
                        where worker_id = ? order by event_date""")
                .param(workerId)
                .query((row, n) -> new LifeEvent(LifeEventType.valueOf(row.getString("type")),
                        row.getObject("event_date", LocalDate.class), row.getString("country")))
                .list();
        List<ForeignPeriod> foreign = jdbc.sql("""
                        select scheme, from_period, to_period, source from worker_insurance_period
                        where worker_id = ? order by from_period""")
                .param(workerId)
                .query((row, n) -> new ForeignPeriod(row.getString("scheme"), YearMonth.parse(row.getString("from_period")),
                        YearMonth.parse(row.getString("to_period")), row.getString("source")))
                .list();
        return new WorkerHistory(person.get().dateOfBirth(), person.get().nationality(), insuredMonths(workerId),
                feeMonths(workerId), foreign, events);
    }

    /** Welfare-fund fees as the engine takes them: the fee as the month's amount, no old-age shares. */
    private Map<String, List<InsuredMonth>> feeMonths(String workerId) {
        Map<String, List<InsuredMonth>> months = new java.util.LinkedHashMap<>();
        for (LedgerQueries.FeeMonth fee : ledger.standingFees(workerId)) {
            months.computeIfAbsent(fee.scheme(), scheme -> new ArrayList<>()).add(new InsuredMonth(
                    YearMonth.parse(fee.period()), fee.amount(), BigDecimal.ZERO, BigDecimal.ZERO));
        }
        return months;
    }

    /**
     * Contribution months with every employer's line: the domain sums a month's employers and caps
     * the sum at that month's ceiling, as it does for simulated histories.
     */
    private List<InsuredMonth> insuredMonths(String workerId) {
        List<InsuredMonth> employerLines = new ArrayList<>();
        for (LedgerQueries.StandingMonth month : ledger.standingMonths(workerId, THAI_SCHEME)) {
            employerLines.add(new InsuredMonth(YearMonth.parse(month.period()), month.insurableWage(),
                    month.employeeOldAge(), month.employerOldAge()));
        }
        return WageHistory.combineEmployers(rules.contributionBook(), THAI_SCHEME, employerLines);
    }
}

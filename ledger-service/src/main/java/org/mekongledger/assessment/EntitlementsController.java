package org.mekongledger.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.rulelibrary.RuleLibrary;
import org.mekongledger.entitlement.EntitlementCase;
import org.mekongledger.entitlement.ForeignPeriod;
import org.mekongledger.entitlement.LifeEvent;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.entitlement.WageHistory;
import org.mekongledger.web.PlausibleDates;
import org.mekongledger.web.contract.EntitlementsApi;
import org.mekongledger.web.contract.model.EntitlementSimulation;
import org.mekongledger.web.contract.model.Entitlements;
import org.mekongledger.web.contract.model.WageRange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class EntitlementsController implements EntitlementsApi {

    private final EntitlementCases cases;
    private final RuleLibrary rules;
    private final Clock clock;

    EntitlementsController(EntitlementCases cases, RuleLibrary rules, Clock clock) {
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<Entitlements> getWorkerEntitlements(String workerId, LocalDate asOf,
                                                              org.mekongledger.web.contract.model.LifeEventType event) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        List<Violation> violations = new ArrayList<>();
        PlausibleDates.inSimulation("asOf", date, violations);
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        List<org.mekongledger.web.contract.model.Entitlement> entitlements = cases.answer(workerId, date,
                        event == null ? null : LifeEventType.valueOf(event.getValue()),
                        entitlementCase -> EntitlementResponses.render(rules.engine().entitlements(entitlementCase)))
                .orElseThrow(() -> new UnknownRecord("worker", workerId));
        return ResponseEntity.ok(new Entitlements().workerId(workerId).asOf(date).entitlements(entitlements));
    }

    @Override
    public ResponseEntity<Entitlements> simulateEntitlements(EntitlementSimulation simulation) {
        rules.refreshForAnswers();
        LocalDate asOf = simulation.getAsOf() == null ? LocalDate.now(clock) : simulation.getAsOf();
        List<Violation> violations = new ArrayList<>();
        // every date bounded and the months counted before any month is computed: the engine's
        // work grows with them, and a request thread must stay free for others
        PlausibleDates.inSimulation("asOf", asOf, violations);
        PlausibleDates.inSimulation("insuredStatusEnded", simulation.getInsuredStatusEnded(), violations);
        if (simulation.getEvent() != null) {
            PlausibleDates.inSimulation("event.date", simulation.getEvent().getDate(), violations);
        }
        PlausibleDates.within("worker.dateOfBirth", simulation.getWorker().getDateOfBirth(), PlausibleDates.EARLIEST,
                PlausibleDates.SIMULATION_TO, violations);
        long historyMonths = 0;
        for (int i = 0; i < simulation.getHistory().size(); i++) {
            WageRange range = simulation.getHistory().get(i);
            YearMonth from = YearMonth.parse(range.getFrom());
            YearMonth to = YearMonth.parse(range.getTo());
            PlausibleDates.inSimulation("history[" + i + "].from", from, violations);
            PlausibleDates.inSimulation("history[" + i + "].to", to, violations);
            historyMonths += Math.max(0, from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1);
        }
        long foreignMonths = 0;
        List<org.mekongledger.web.contract.model.SimulatedForeignPeriod> periods =
                simulation.getForeignPeriods() == null ? List.of() : simulation.getForeignPeriods();
        for (int i = 0; i < periods.size(); i++) {
            YearMonth from = YearMonth.parse(periods.get(i).getFrom());
            YearMonth to = YearMonth.parse(periods.get(i).getTo());
            PlausibleDates.inSimulation("foreignPeriods[" + i + "].from", from, violations);
            PlausibleDates.inSimulation("foreignPeriods[" + i + "].to", to, violations);
            foreignMonths += Math.max(0, from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1);
        }
        if (historyMonths > PlausibleDates.SIMULATION_MONTHS) {
            violations.add(new Violation("history", "the ranges cover " + historyMonths + " months; at most "
                    + PlausibleDates.SIMULATION_MONTHS + " in all"));
        }
        if (foreignMonths > PlausibleDates.SIMULATION_MONTHS) {
            violations.add(new Violation("foreignPeriods", "the periods cover " + foreignMonths + " months; at most "
                    + PlausibleDates.SIMULATION_MONTHS + " in all"));
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        Map<String, List<WageHistory.WageRange>> ranges = new java.util.LinkedHashMap<>();
        for (int i = 0; i < simulation.getHistory().size(); i++) {
            WageRange range = simulation.getHistory().get(i);
            YearMonth from = YearMonth.parse(range.getFrom());
            YearMonth to = YearMonth.parse(range.getTo());
            int before = violations.size();
            if (to.isBefore(from)) {
                violations.add(new Violation("history[" + i + "].to", "the range ends before it starts"));
            }
            if (new BigDecimal(range.getWage()).signum() <= 0) {
                violations.add(new Violation("history[" + i + "].wage", "the wage must be more than zero"));
            }
            if (rules.contributionBook().ruleSet(range.getScheme().getValue()).flatMap(r -> r.inForce(from)).isEmpty()) {
                violations.add(new Violation("history[" + i + "].from", "no contribution rules are in force for " + from));
            }
            if (violations.size() == before) {
                ranges.computeIfAbsent(range.getScheme().getValue(), s -> new ArrayList<>())
                        .add(new WageHistory.WageRange(from, to, new BigDecimal(range.getWage())));
            }
        }
        List<ForeignPeriod> foreign = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            YearMonth from = YearMonth.parse(periods.get(i).getFrom());
            YearMonth to = YearMonth.parse(periods.get(i).getTo());
            if (to.isBefore(from)) {
                violations.add(new Violation("foreignPeriods[" + i + "].to", "the period ends before it starts"));
            } else {
                foreign.add(new ForeignPeriod(periods.get(i).getScheme().getValue(), from, to, "simulation"));
            }
        }
        if (simulation.getWorker().getDateOfBirth().isAfter(asOf)) {
            violations.add(new Violation("worker.dateOfBirth", "the worker is born after the as-of date"));
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        List<LifeEvent> events = new ArrayList<>();
        if (simulation.getInsuredStatusEnded() != null) {
            events.add(new LifeEvent(LifeEventType.INSURED_STATUS_ENDED, simulation.getInsuredStatusEnded(), null));
        }
        if (simulation.getEvent() != null) {
            events.add(new LifeEvent(LifeEventType.valueOf(simulation.getEvent().getType().getValue()),
                    simulation.getEvent().getDate(), simulation.getEvent().getCountry()));
        }
        Map<String, List<org.mekongledger.entitlement.InsuredMonth>> months = new java.util.LinkedHashMap<>();
        ranges.forEach((scheme, schemeRanges) ->
                months.put(scheme, WageHistory.insuredMonths(rules.contributionBook(), scheme, schemeRanges)));
        EntitlementCase entitlementCase = new EntitlementCase(simulation.getWorker().getDateOfBirth(),
                simulation.getWorker().getNationality(), months, foreign, events, simulation.getAgreement(), asOf);
        List<org.mekongledger.entitlement.Entitlement> entitlements;
        try {
            entitlements = rules.engine().entitlements(entitlementCase);
        } catch (IllegalArgumentException refused) {
            // e.g. an unknown agreement, or one that does not cover the worker's nationality
            throw new RequestRefused(simulation.getAgreement() != null && refused.getMessage().contains("agreement")
                    ? "agreement" : "history", refused.getMessage());
        }
        return ResponseEntity.ok(new Entitlements().asOf(asOf).entitlements(EntitlementResponses.render(entitlements)));
    }
}

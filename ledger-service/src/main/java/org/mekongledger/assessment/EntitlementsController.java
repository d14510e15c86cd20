package org.mekongledger.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.entitlement.LifeEvent;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.web.PlausibleDates;
import org.mekongledger.web.contract.EntitlementsApi;
import org.mekongledger.web.contract.model.EntitlementSimulation;
import org.mekongledger.web.contract.model.Entitlements;
import org.mekongledger.web.contract.model.SimulatedForeignPeriod;
import org.mekongledger.web.contract.model.WageRange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maps the entitlement requests onto {@link WorkerEntitlements} and its answers onto the contract.
 * Dates outside what the service can judge are refused here, before any month is computed: the
 * engine's work grows with them, and a request thread must stay free for others.
 */
@RestController
@RequestMapping("/api/v1")
class EntitlementsController implements EntitlementsApi {

    private final WorkerEntitlements entitlements;
    private final Clock clock;

    private final org.mekongledger.rulelibrary.RuleLibrary rules;

    EntitlementsController(WorkerEntitlements entitlements, Clock clock, org.mekongledger.rulelibrary.RuleLibrary rules) {
        this.entitlements = entitlements;
        this.clock = clock;
        this.rules = rules;
    }

    @Override
    public ResponseEntity<Entitlements> getWorkerEntitlements(String workerId, LocalDate asOf,
                                                              org.mekongledger.web.contract.model.LifeEventType event) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        List<Violation> violations = new ArrayList<>();
        PlausibleDates.inSimulation("asOf", date, violations);
        refuseAny(violations);
        var answer = entitlements.ofWorker(new WorkerId(workerId), date,
                        event == null ? null : LifeEventType.valueOf(event.getValue()))
                .orElseThrow(() -> new UnknownRecord("worker", workerId));
        return ResponseEntity.ok(new Entitlements().workerId(workerId).asOf(date)
                .entitlements(EntitlementResponses.render(answer, rules)));
    }

    @Override
    public ResponseEntity<Entitlements> simulateEntitlements(EntitlementSimulation request) {
        LocalDate asOf = request.getAsOf() == null ? LocalDate.now(clock) : request.getAsOf();
        List<SimulatedForeignPeriod> periods = request.getForeignPeriods() == null ? List.of() : request.getForeignPeriods();
        refuseAny(implausibleDates(request, asOf, periods));
        Simulation simulation = new Simulation(request.getWorker().getDateOfBirth(), request.getWorker().getNationality(),
                request.getHistory().stream().map(range -> new Simulation.Wages(range.getScheme().getValue(),
                        YearMonth.parse(range.getFrom()), YearMonth.parse(range.getTo()),
                        new BigDecimal(range.getWage()))).toList(),
                periods.stream().map(period -> new Simulation.ForeignMonths(period.getScheme().getValue(),
                        YearMonth.parse(period.getFrom()), YearMonth.parse(period.getTo()))).toList(),
                request.getInsuredStatusEnded(),
                request.getEvent() == null ? null : new LifeEvent(
                        LifeEventType.valueOf(request.getEvent().getType().getValue()),
                        request.getEvent().getDate(), request.getEvent().getCountry()),
                request.getAgreement(), asOf);
        return ResponseEntity.ok(new Entitlements().asOf(asOf)
                .entitlements(EntitlementResponses.render(entitlements.simulated(simulation), rules)));
    }

    /** Every date bounded and the months counted, before any month is computed. */
    private static List<Violation> implausibleDates(EntitlementSimulation request, LocalDate asOf,
                                                    List<SimulatedForeignPeriod> periods) {
        List<Violation> violations = new ArrayList<>();
        PlausibleDates.inSimulation("asOf", asOf, violations);
        PlausibleDates.inSimulation("insuredStatusEnded", request.getInsuredStatusEnded(), violations);
        if (request.getEvent() != null) {
            PlausibleDates.inSimulation("event.date", request.getEvent().getDate(), violations);
        }
        PlausibleDates.within("worker.dateOfBirth", request.getWorker().getDateOfBirth(), PlausibleDates.EARLIEST,
                PlausibleDates.SIMULATION_TO, violations);
        long historyMonths = 0;
        for (int i = 0; i < request.getHistory().size(); i++) {
            WageRange range = request.getHistory().get(i);
            historyMonths += months("history[" + i + "]", range.getFrom(), range.getTo(), violations);
        }
        long foreignMonths = 0;
        for (int i = 0; i < periods.size(); i++) {
            foreignMonths += months("foreignPeriods[" + i + "]", periods.get(i).getFrom(), periods.get(i).getTo(),
                    violations);
        }
        if (historyMonths > PlausibleDates.SIMULATION_MONTHS) {
            violations.add(new Violation("history", "the ranges cover " + historyMonths + " months; at most "
                    + PlausibleDates.SIMULATION_MONTHS + " in all"));
        }
        if (foreignMonths > PlausibleDates.SIMULATION_MONTHS) {
            violations.add(new Violation("foreignPeriods", "the periods cover " + foreignMonths + " months; at most "
                    + PlausibleDates.SIMULATION_MONTHS + " in all"));
        }
        return violations;
    }

    /** The months of a range (none if it ends before it starts), its ends checked. */
    private static long months(String field, String fromText, String toText, List<Violation> violations) {
        YearMonth from = YearMonth.parse(fromText);
        YearMonth to = YearMonth.parse(toText);
        PlausibleDates.inSimulation(field + ".from", from, violations);
        PlausibleDates.inSimulation(field + ".to", to, violations);
        return Math.max(0, from.until(to, ChronoUnit.MONTHS) + 1);
    }

    private static void refuseAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
    }
}

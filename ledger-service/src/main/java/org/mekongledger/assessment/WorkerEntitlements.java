package org.mekongledger.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Violation;
import org.mekongledger.entitlement.AgreementRefused;
import org.mekongledger.entitlement.CaseRefused;
import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.entitlement.EntitlementCase;
import org.mekongledger.entitlement.ForeignPeriod;
import org.mekongledger.entitlement.InsuredMonth;
import org.mekongledger.entitlement.LifeEvent;
import org.mekongledger.entitlement.WageHistory;
import org.mekongledger.rulelibrary.RuleLibrary;
import org.mekongledger.vocabulary.LifeEventType;
import org.springframework.stereotype.Service;

/**
 * The entitlement use cases: what a registered worker is entitled to as of a date (optionally on a
 * hypothetical life event that day), and what a described history would entitle a worker to. Both
 * build an {@link EntitlementCase} and let the rule library's engine judge it, with the rule sets of
 * the moment: an amended rule set is used by the next answer, on every replica. When the engine
 * cannot judge a case it refuses it with a {@link CaseRefused}, whose type says which part of the
 * case is at fault; the use case answers it as a {@link RequestRefused} naming that part.
 */
@Service
public class WorkerEntitlements {

    private final WorkerHistoryCache histories;
    private final RuleLibrary rules;

    WorkerEntitlements(WorkerHistoryCache histories, RuleLibrary rules) {
        this.histories = histories;
        this.rules = rules;
    }

    /** The life events recorded for a worker, in date order, as the entitlements see them; none for an unknown worker. */
    public List<org.mekongledger.entitlement.LifeEvent> lifeEvents(String workerId) {
        return histories.historyOf(new WorkerId(workerId), rules.revision()).map(WorkerHistory::lifeEvents).orElse(List.of());
    }

    /** Empty when no such worker is registered. */
    Optional<List<Entitlement>> ofWorker(WorkerId worker, LocalDate asOf, LifeEventType hypothetical) {
        rules.refreshForAnswers();
        return histories.historyOf(worker, rules.revision())
                .map(history -> judged(() -> history.caseOn(asOf, hypothetical)));
    }

    /**
     * What a stored worker is entitled to as of a date, with a life event declared that day as on
     * the "if they leave for good" simulation (null for none); empty when no such worker is
     * registered. Other modules (claims) assess through this, with the rules of the moment.
     */
    public Optional<List<Entitlement>> ofWorker(String workerId, LocalDate asOf, LifeEventType declared) {
        return ofWorker(new WorkerId(workerId), asOf, declared);
    }

    /**
     * @throws RequestRefused naming every part of the described history that cannot be judged: a
     *                        range ending before it starts, a wage not above zero, a month with no
     *                        contribution rules, a worker born after the as-of date
     */
    List<Entitlement> simulated(Simulation simulation) {
        rules.refreshForAnswers();
        List<Violation> violations = new ArrayList<>();
        Map<String, List<WageHistory.WageRange>> ranges = new LinkedHashMap<>();
        for (int i = 0; i < simulation.history().size(); i++) {
            Simulation.Wages range = simulation.history().get(i);
            YearMonth from = range.from();
            int before = violations.size();
            if (range.to().isBefore(from)) {
                violations.add(new Violation("history[" + i + "].to", "the range ends before it starts"));
            }
            if (range.wage().signum() <= 0) {
                violations.add(new Violation("history[" + i + "].wage", "the wage must be more than zero"));
            }
            if (rules.contributionBook().ruleSet(range.scheme()).flatMap(r -> r.inForce(from)).isEmpty()) {
                violations.add(new Violation("history[" + i + "].from", "no contribution rules are in force for " + from));
            }
            if (violations.size() == before) {
                ranges.computeIfAbsent(range.scheme(), s -> new ArrayList<>())
                        .add(new WageHistory.WageRange(from, range.to(), range.wage()));
            }
        }
        List<ForeignPeriod> foreign = new ArrayList<>();
        for (int i = 0; i < simulation.foreignPeriods().size(); i++) {
            Simulation.ForeignMonths period = simulation.foreignPeriods().get(i);
            if (period.to().isBefore(period.from())) {
                violations.add(new Violation("foreignPeriods[" + i + "].to", "the period ends before it starts"));
            } else {
                foreign.add(new ForeignPeriod(period.scheme(), period.from(), period.to(), "simulation"));
            }
        }
        if (simulation.dateOfBirth().isAfter(simulation.asOf())) {
            violations.add(new Violation("worker.dateOfBirth", "the worker is born after the as-of date"));
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        List<LifeEvent> events = new ArrayList<>();
        if (simulation.insuredStatusEnded() != null) {
            events.add(new LifeEvent(LifeEventType.INSURED_STATUS_ENDED, simulation.insuredStatusEnded(), null));
        }
        if (simulation.event() != null) {
            events.add(simulation.event());
        }
        Map<String, List<InsuredMonth>> months = new LinkedHashMap<>();
        ranges.forEach((scheme, schemeRanges) ->
                months.put(scheme, WageHistory.insuredMonths(rules.contributionBook(), scheme, schemeRanges)));
        return judged(() -> new EntitlementCase(simulation.dateOfBirth(), simulation.nationality(),
                months, foreign, events, simulation.agreement(), simulation.asOf()));
    }

    /**
     * The engine's refusal of a case becomes the request's refusal, the field chosen by the refusal's
     * type: the web edge knows requests, not the engine.
     */
    private List<Entitlement> judged(Supplier<EntitlementCase> entitlementCase) {
        try {
            return rules.engine().entitlements(entitlementCase.get());
        } catch (AgreementRefused refused) {
            throw new RequestRefused("agreement", refused.getMessage());
        } catch (CaseRefused refused) {
            throw new RequestRefused("history", refused.getMessage());
        }
    }
}

package org.mekongledger.entitlement;

import org.mekongledger.ruleset.RuleSetFiles;

import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.contribution.ContributionRuleBook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Throughput of the engine on one thread: 1,000 workers with 240 Section 33 months each (a mix of
 * nationalities, so agreements with totalisation apply to most; some with partner periods, departures,
 * deaths), warmed up, then 200,000 entitlement sets timed. Not a unit test (surefire skips
 * *Benchmark*); run with
 * {@code java -cp <test classpath> org.mekongledger.entitlement.EntitlementEngineBenchmark}.
 */
public final class EntitlementEngineBenchmark {

    private static final int CASES = 1_000;
    private static final int MONTHS = 240;
    private static final int WARM_UP = 100_000;
    private static final int TIMED = 200_000;

    private EntitlementEngineBenchmark() {
    }

    public static void main(String[] args) {
        EntitlementEngine engine = new EntitlementEngine(RuleSetFiles.shippedEntitlements());
        List<EntitlementCase> cases = cases(RuleSetFiles.shippedContributions());

        long sink = run(engine, cases, WARM_UP);
        long start = System.nanoTime();
        sink += run(engine, cases, TIMED);
        long nanos = System.nanoTime() - start;

        System.out.printf("%,d entitlement sets of %d-month cases in %.3f s: %,.0f cases/s (%.2f us/case; checksum %d)%n",
                TIMED, MONTHS, nanos / 1e9, TIMED / (nanos / 1e9), nanos / 1e3 / TIMED, sink);
    }

    private static long run(EntitlementEngine engine, List<EntitlementCase> cases, int count) {
        long sink = 0;
        for (int i = 0; i < count; i++) {
            List<Entitlement> result = engine.entitlements(cases.get(i % cases.size()));
            // use the result, so that the JIT cannot drop the computation
            sink += result.size() + result.get(0).explanation().size() + result.get(0).amount().unscaledValue().intValue();
        }
        return sink;
    }

    private static List<EntitlementCase> cases(ContributionRuleBook contributions) {
        Random random = new Random(20_220_109);
        String[] nationalities = {"MMR", "KHM", "LAO", "VNM", "THA"};
        String[] partnerSchemes = {"MM_SSB", "KH_NSSF_PENSION", "LA_LSSO", "VN_VSS", "MM_SSB"};
        List<EntitlementCase> cases = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            YearMonth first = YearMonth.of(2000, 1).plusMonths(random.nextInt(120));
            List<WageHistory.WageRange> wages = new ArrayList<>();
            YearMonth from = first;
            for (int remaining = MONTHS; remaining > 0; ) {
                int length = Math.min(remaining, 12 + random.nextInt(48));
                wages.add(new WageHistory.WageRange(from, from.plusMonths(length - 1L),
                        BigDecimal.valueOf(9_000 + random.nextInt(12_000)).setScale(2)));
                from = from.plusMonths(length);
                remaining -= length;
            }
            List<InsuredMonth> months = WageHistory.insuredMonths(contributions, "TH_SSF_S33", wages);
            YearMonth last = months.get(months.size() - 1).period();
            int n = i % nationalities.length;
            List<ForeignPeriod> foreign = i % 3 == 0
                    ? List.of(new ForeignPeriod(partnerSchemes[n], last.plusMonths(1), last.plusMonths(24), "bench"))
                    : List.of();
            List<LifeEvent> events = new ArrayList<>();
            events.add(new LifeEvent(LifeEventType.INSURED_STATUS_ENDED, last.atEndOfMonth(), null));
            if (i % 4 == 0) {
                events.add(new LifeEvent(LifeEventType.PERMANENT_DEPARTURE, last.atEndOfMonth().plusDays(10),
                        nationalities[n]));
            }
            if (i % 50 == 0) {
                events.add(new LifeEvent(LifeEventType.DEATH, last.atEndOfMonth().plusYears(3), null));
            }
            cases.add(new EntitlementCase(LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 25)),
                    nationalities[n], Map.of("TH_SSF_S33", months), foreign, events, null, LocalDate.of(2040, 1, 1)));
        }
        return cases;
    }
}

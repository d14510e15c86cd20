package org.mekongledger.bench;

import org.mekongledger.ruleset.RuleSetFiles;

import static org.mekongledger.bench.Out.say;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.entitlement.EntitlementCase;
import org.mekongledger.entitlement.EntitlementEngine;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.mekongledger.entitlement.ForeignPeriod;
import org.mekongledger.entitlement.InsuredMonth;
import org.mekongledger.entitlement.LifeEvent;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.entitlement.WageHistory;

/**
 * In-process throughput of the entitlement engine (not part of the test suite): no service, no database.
 *
 * <ol>
 *   <li>Builds {@code cases} worker histories of {@code months} insured months each through
 *       {@link WageHistory#insuredMonths}, with wages changing every 1-12 months between {@code minWage} and
 *       {@code maxWage}; nationalities MMR/KHM/LAO/VNM in turn, born 1968..1975, insured status ended on
 *       {@code statusEnded}, a partner period for a quarter of the KHM workers. Not timed.</li>
 *   <li>Warms up for {@code warmupSeconds} on one thread.</li>
 *   <li>For each thread count in {@code threads}: the threads share {@code minCases} computations (whole passes
 *       over the cases, at least {@code minCases}), timed from a common start to the last thread's end.</li>
 * </ol>
 * Exit status: 0 whatever the target says (it is a measurement); 1 if the engine threw; 2 on a set-up error.
 */
public final class EntitlementEngineBenchmark {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("cases", "1000");
        DEFAULTS.put("months", "240");
        EntitlementScenario.addDefaults(DEFAULTS);
        DEFAULTS.put("warmupSeconds", "5");
        DEFAULTS.put("minCases", "200000");
        DEFAULTS.put("threads", "1,2");
        DEFAULTS.put("targetCasesPerSecond", "20000");
    }

    private static final String BENEFIT = EntitlementScenario.BENEFIT;

    private final EntitlementScenario scenario;
    private final int caseCount;
    private final int months;
    private final double warmupSeconds;
    private final int minCases;
    private final int[] threads;
    private final double targetCasesPerSecond;

    private EntitlementEngineBenchmark(BenchmarkSettings s) {
        scenario = EntitlementScenario.from(s);
        caseCount = s.positiveInt("cases");
        months = s.positiveInt("months");
        warmupSeconds = s.nonNegativeDouble("warmupSeconds");
        minCases = s.positiveInt("minCases");
        threads = Arrays.stream(s.string("threads").split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        if (threads.length == 0 || Arrays.stream(threads).anyMatch(t -> t <= 0)) {
            throw new IllegalArgumentException("threads must be a comma-separated list of positive counts");
        }
        targetCasesPerSecond = s.positiveDouble("targetCasesPerSecond");
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, DEFAULTS, s -> new EntitlementEngineBenchmark(s).run());
    }

    /** Result of one timed run. */
    private record Run(int threads, long cases, long nanos, long checksum, long gcCount, long gcMillis) {
        double perSecond() {
            return cases / (nanos / 1e9);
        }

        double microsPerCase() {
            return nanos / 1e3 / cases * threads;
        }
    }

    private int run() throws Exception {
        Runtime rt = Runtime.getRuntime();
        say("Mekong Ledger entitlement engine benchmark (in-process)");
        say("  %d cases of %d insured months (%s..%s), wages %s changing every 1-12 months; asOf %s",
                caseCount, months, scenario.fromPeriod(), scenario.fromPeriod().plusMonths(months - 1L),
                scenario.wages(), scenario.asOf());
        say("  warm-up %.0f s; timed runs of >= %d cases on %s thread(s); %d CPUs, max heap %d MiB, %s %s",
                warmupSeconds, minCases, Arrays.toString(threads), rt.availableProcessors(), rt.maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));

        long loadStart = System.nanoTime();
        ContributionRuleBook contributions = RuleSetFiles.shippedContributions();
        EntitlementEngine engine = new EntitlementEngine(RuleSetFiles.shippedEntitlements());
        say("rule books loaded in %.0f ms", (System.nanoTime() - loadStart) / 1e6);

        long buildStart = System.nanoTime();
        EntitlementCase[] cases = new EntitlementCase[caseCount];
        for (int i = 0; i < caseCount; i++) {
            cases[i] = buildCase(contributions, i);
        }
        say("%d cases built in %.0f ms (not timed)", caseCount, (System.nanoTime() - buildStart) / 1e6);

        // what the engine says, and that it says it for every case
        Map<String, int[]> benefits = new TreeMap<>();   // benefit -> {cases, eligible}
        int pensionsWithAllMonths = 0;
        for (int i = 0; i < caseCount; i++) {
            List<Entitlement> result;
            try {
                result = engine.entitlements(cases[i]);
            } catch (RuntimeException e) {
                say("the engine threw on case #%d: %s", i, e);
                e.printStackTrace(System.out);
                return 1;
            }
            for (Entitlement e : result) {
                int[] n = benefits.computeIfAbsent(e.scheme() + "/" + e.benefit(), b -> new int[2]);
                n[0]++;
                n[1] += e.eligible() ? 1 : 0;
                if (BENEFIT.equals(e.benefit()) && e.contributionMonths() == months) {
                    pensionsWithAllMonths++;
                }
            }
            if (i == 0) {
                say("case #0 (%s, born %s): %s", cases[0].nationality(), cases[0].dateOfBirth(), describe(result));
            }
        }
        StringBuilder seen = new StringBuilder();
        benefits.forEach((b, n) -> seen.append(seen.length() == 0 ? "" : ", ").append(b).append(' ').append(n[0])
                .append(" (eligible ").append(n[1]).append(')'));
        say("entitlements over the %d cases: %s", caseCount, seen);
        say("%s with %d contribution months: %d of %d cases", BENEFIT, months, pensionsWithAllMonths, caseCount);

        // warm-up
        if (warmupSeconds > 0) {
            long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
            long n = 0;
            long sink = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                for (int i = 0; i < caseCount; i++) {
                    sink += digest(engine.entitlements(cases[i]));
                }
                n += caseCount;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            say("warm-up: %d cases in %.1f s = %.0f cases/s (checksum %d)", n, secs, n / secs, sink & 0xFFFF);
        }

        List<Run> runs = new ArrayList<>();
        for (int t : threads) {
            Run r;
            try {
                r = timed(engine, cases, t);
            } catch (java.util.concurrent.ExecutionException e) {
                say("the engine threw on %d thread(s): %s", t, e.getCause());
                e.getCause().printStackTrace(System.out);
                return 1;
            }
            runs.add(r);
            say("%d thread%s: %d cases in %.3f s = %.0f cases/s (%.1f us per case per thread), %d GCs taking %d ms"
                            + " (checksum %d)", r.threads(), r.threads() == 1 ? "" : "s", r.cases(), r.nanos() / 1e9,
                    r.perSecond(), r.microsPerCase(), r.gcCount(), r.gcMillis(), r.checksum() & 0xFFFF);
        }

        Run single = runs.stream().filter(r -> r.threads() == 1).findFirst().orElse(null);
        boolean pass = single != null && single.perSecond() >= targetCasesPerSecond;
        say("");
        say("============== ENTITLEMENT ENGINE BENCHMARK SUMMARY ==============");
        say("cases                   %d x %d insured months, asOf %s", caseCount, months, scenario.asOf());
        StringBuilder line = new StringBuilder();
        for (Run r : runs) {
            say("%-23s %.0f cases/s (%d cases in %.3f s)", r.threads() + " thread" + (r.threads() == 1 ? "" : "s"),
                    r.perSecond(), r.cases(), r.nanos() / 1e9);
            line.append(line.length() == 0 ? "" : ", ").append(r.threads()).append(" thread")
                    .append(r.threads() == 1 ? "" : "s").append(' ')
                    .append(String.format(Locale.ROOT, "%.0f", r.perSecond())).append(" cases/s");
        }
        if (runs.size() > 1 && single != null) {
            for (Run r : runs) {
                if (r.threads() > 1) {
                    say("scaling                 %d threads / 1 thread = %.2f", r.threads(),
                            r.perSecond() / single.perSecond());
                }
            }
        }
        String verdict = single == null ? "n/a (no 1-thread run)" : pass ? "PASS" : "FAIL";
        say("target                  >= %.0f/s on 1 thread: %s", targetCasesPerSecond, verdict);
        say("==================================================================");
        say("summary engine: %s; target >= %.0f/s on 1 thread: %s", line, targetCasesPerSecond, verdict);
        return 0;
    }

    /** Threads share whole passes over the cases, at least {@code minCases} computations in all. */
    private Run timed(EntitlementEngine engine, EntitlementCase[] cases, int threadCount) throws Exception {
        int passes = (minCases + cases.length - 1) / cases.length;
        int passesPerThread = (passes + threadCount - 1) / threadCount;
        CyclicBarrier barrier = new CyclicBarrier(threadCount + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        long[] gcBefore = gc();
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                int offset = t * (cases.length / threadCount);
                futures.add(pool.submit(() -> {
                    barrier.await();
                    long sink = 0;
                    for (int p = 0; p < passesPerThread; p++) {
                        for (int i = 0; i < cases.length; i++) {
                            sink += digest(engine.entitlements(cases[(offset + i) % cases.length]));
                        }
                    }
                    return new long[] {sink, System.nanoTime()};
                }));
            }
            barrier.await();
            long start = System.nanoTime();
            long end = start;
            long checksum = 0;
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                checksum += r[0];
                end = Math.max(end, r[1]);
            }
            long[] gcAfter = gc();
            return new Run(threadCount, (long) passesPerThread * threadCount * cases.length, end - start, checksum,
                    gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Something of every result, so the work cannot be optimised away. */
    private static long digest(List<Entitlement> result) {
        long h = result.size();
        for (Entitlement e : result) {
            h = h * 31 + e.contributionMonths() + (e.eligible() ? 1 : 0)
                    + (e.amount() == null ? 0 : e.amount().unscaledValue().longValue()) + e.explanation().size();
        }
        return h;
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    // ---------------------------------------------------------------- cases

    private EntitlementCase buildCase(ContributionRuleBook contributions, int i) {
        SplittableRandom random = new SplittableRandom(scenario.seed() ^ (i * 0x9E3779B97F4A7C15L));
        long steps = scenario.wageSteps();
        List<WageHistory.WageRange> ranges = new ArrayList<>();
        YearMonth last = scenario.fromPeriod().plusMonths(months - 1L);
        for (YearMonth from = scenario.fromPeriod(); !from.isAfter(last); ) {
            YearMonth to = from.plusMonths(random.nextInt(12));
            if (to.isAfter(last)) {
                to = last;
            }
            BigDecimal wage = BigDecimal.valueOf(scenario.minWageCents() + random.nextLong(steps) * 100, 2);
            ranges.add(new WageHistory.WageRange(from, to, wage));
            from = to.plusMonths(1);
        }
        List<InsuredMonth> insured = WageHistory.insuredMonths(contributions, scenario.scheme(), ranges);
        if (insured.size() != months) {
            throw new IllegalStateException("case #" + i + ": WageHistory gave " + insured.size() + " months, not "
                    + months);
        }
        List<ForeignPeriod> foreign = EntitlementScenario.hasPartnerPeriod(i)
                ? List.of(new ForeignPeriod(scenario.partnerScheme(), scenario.partnerFrom(), scenario.partnerTo(),
                        "bench"))
                : List.of();
        return new EntitlementCase(EntitlementScenario.dateOfBirth(i), SyntheticWorker.nationality(i),
                Map.of(scenario.scheme(), insured), foreign,
                List.of(new LifeEvent(LifeEventType.INSURED_STATUS_ENDED, scenario.statusEnded(), null)), null,
                scenario.asOf());
    }

    private static String describe(List<Entitlement> result) {
        List<String> out = new ArrayList<>();
        for (Entitlement e : result) {
            out.add(e.scheme() + "/" + e.benefit() + (e.eligible() ? " " + e.amount() + " "
                    + e.currency() + " " + e.periodicity() : " (not eligible)") + ", " + e.contributionMonths()
                    + " months, " + e.basis() + ", " + e.explanation().size() + " steps");
        }
        return out.toString();
    }
}

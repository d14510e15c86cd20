package org.mekongledger.settlement.it;

import static org.mekongledger.settlement.it.Api.map;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import net.minidev.json.JSONArray;

/**
 * The mission up to approval, through the API only: workers registered, three months of contributions
 * filed by one employer in big filings, insured status ended, a lump-sum claim filed on permanent
 * departure by the claims officer and approved by the approver, FX rates set by the administrator.
 * Requests go out from {@code clients} threads at once.
 */
final class Seeding {

    static final String SCHEME = "TH_SSF_S33";
    static final String BENEFIT = "OLD_AGE_LUMP_SUM";
    static final String AS_OF = "2026-01-01";
    private static final List<String> PERIODS = List.of("2025-01", "2025-02", "2025-03");
    private static final int LINES_PER_FILING = 5000;
    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 1000);

    /** The ways a benefit reaches a worker at home, across the channels and currencies the fund pays in. */
    enum Payee {
        MMK_BANK_BIC("MMR", "MMK"),
        MMK_WALLET("MMR", "MMK"),
        KHR_BANK_CODE("KHM", "KHR"),
        USD_KHM_BANK_BIC("KHM", "USD"),
        LAK_BANK_BIC("LAO", "LAK"),
        LAK_CASH_PICKUP("LAO", "LAK"),
        VND_BANK_BIC("VNM", "VND"),
        THB_BANK_CODE_AND_BIC("THA", "THB");

        final String country;
        final String currency;

        Payee(String country, String currency) {
            this.country = country;
            this.currency = currency;
        }

        /** Paid by credit transfer (a pain.001), not through the partner's wallet or pick-up network. */
        boolean bank() {
            return name().contains("BANK");
        }

        /** The nationality of a worker paid this way (a Thai account is a Myanmar worker's who stays). */
        String nationality() {
            return country.equals("THA") ? "MMR" : country;
        }

        /** The payee as filed; {@code n} varies the account so no two payees are alike. */
        Map<String, Object> filed(String name, long n) {
            String account = String.format("%010d", n);
            return switch (this) {
                case MMK_BANK_BIC -> map("name", name, "channel", "BANK_ACCOUNT", "country", country, "currency", currency,
                        "bankBic", "AYABMMMY", "accountNumber", "0020" + account);
                case MMK_WALLET -> map("name", name, "channel", "MOBILE_WALLET", "country", country, "currency", currency,
                        "walletProvider", "Wave Money", "msisdn", "+959" + account.substring(1));
                case KHR_BANK_CODE -> map("name", name, "channel", "BANK_ACCOUNT", "country", country, "currency", currency,
                        "bankCode", "ACLEDA-001", "accountNumber", "KH" + account);
                case USD_KHM_BANK_BIC -> map("name", name, "channel", "BANK_ACCOUNT", "country", country, "currency", currency,
                        "bankBic", "ABAAKHPP", "accountNumber", account);
                case LAK_BANK_BIC -> map("name", name, "channel", "BANK_ACCOUNT", "country", country, "currency", currency,
                        "bankBic", "COEBLALA", "accountNumber", "010" + account);
                case LAK_CASH_PICKUP -> map("name", name, "channel", "CASH_PICKUP", "country", country, "currency", currency,
                        "pickupPoint", "Savannakhet branch, Lane Xang Road " + (n % 97));
                case VND_BANK_BIC -> map("name", name, "channel", "BANK_ACCOUNT", "country", country, "currency", currency,
                        "bankBic", "BFTVVNVX", "accountNumber", "0071" + account);
                case THB_BANK_CODE_AND_BIC -> map("name", name, "channel", "BANK_ACCOUNT", "country", country,
                        "currency", currency, "bankBic", "BKKBTHBK", "bankCode", "002", "accountNumber", "1234" + account);
            };
        }

        /** Every kind in turn: payee {@code i} of a seeding. */
        static Payee cycle(int i) {
            return values()[i % values().length];
        }
    }

    /** A claim seeded up to approval: who, how paid, and the amount approved in THB. */
    record Claim(String claimId, String workerId, Payee payee, String name, String amount) {
    }

    private final int clients;
    private final Api admin;
    private final Api officer;
    private final Api approver;
    /** Whether a claim also needs the worker's insured status ended first (the ground alone may do). */
    private final boolean endInsuredStatus;

    Seeding(LedgerService service, int clients) {
        this(service.port(), clients, true);
    }

    /** Against a service on {@code port} with the users {@link LedgerService} configures. */
    Seeding(int port, int clients, boolean endInsuredStatus) {
        this.clients = clients;
        this.admin = new Api(port, LedgerService.ADMIN, LedgerService.password(LedgerService.ADMIN));
        this.officer = new Api(port, LedgerService.OFFICER, LedgerService.password(LedgerService.OFFICER));
        this.approver = new Api(port, LedgerService.APPROVER, LedgerService.password(LedgerService.APPROVER));
        this.endInsuredStatus = endInsuredStatus;
    }

    /** {@code count} approved claims, payee {@code i} paid as {@code payeeOf.apply(i)}, in seeding order. */
    List<Claim> approvedClaims(int count, IntFunction<Payee> payeeOf) {
        long started = System.nanoTime();
        List<Worker> workers = insuredWorkers(count, payeeOf);
        long insured = System.nanoTime();
        List<Claim> filed = inParallel(workers.size(), i -> fileClaim(workers.get(i)));
        long claimed = System.nanoTime();
        List<Claim> approved = inParallel(filed.size(), i -> approve(filed.get(i)));
        phases = String.format("workers registered, filed for and ended %.1f s, claims filed %.1f s, approved %.1f s",
                (insured - started) / 1e9, (claimed - insured) / 1e9, (System.nanoTime() - claimed) / 1e9);
        return approved;
    }

    /** How long each phase of the last {@link #approvedClaims} took. */
    String phases = "";

    /** A worker as registered, with the payee they will be paid as. */
    private record Worker(String workerId, String name, Payee payee, long number) {
    }

    private List<Worker> insuredWorkers(int count, IntFunction<Payee> payeeOf) {
        List<Worker> workers = inParallel(count, i -> register(payeeOf.apply(i)));
        // one employer per filing-sized group of workers: an employer files once per scheme and month
        List<Callable<Void>> filings = new ArrayList<>();
        for (int from = 0; from < workers.size(); from += LINES_PER_FILING) {
            String employer = String.format("%010d", NUMBERS.incrementAndGet() % 10_000_000_000L);
            admin.post("/employers", map("employerAccount", employer, "name", "Samut Sakhon Seafood Co., Ltd.")).expect(201);
            List<Object> lines = new ArrayList<>();
            for (Worker worker : workers.subList(from, Math.min(workers.size(), from + LINES_PER_FILING))) {
                lines.add(map("workerId", worker.workerId(), "wage", "12000.00"));
            }
            for (String period : PERIODS) {
                filings.add(() -> {
                    admin.post("/contribution-filings", map("scheme", SCHEME, "employerAccount", employer, "period", period,
                            "lines", lines)).expect(201);
                    return null;
                });
            }
        }
        // a few big filings at a time: sixteen 5,000-line filings at once exhausted the service's 512 MB
        // heap (OutOfMemoryError, found by the 100,000-claim bench); the intake is fast one filing at a time
        inParallel(filings.size(), i -> filings.get(i).call(), Math.min(clients, 2));
        if (endInsuredStatus) {
            inParallel(workers.size(), i -> admin.post("/workers/" + workers.get(i).workerId() + "/events",
                    map("type", "INSURED_STATUS_ENDED", "date", "2025-03-31")).expect(201));
        }
        return workers;
    }

    private Worker register(Payee payee) {
        long n = NUMBERS.incrementAndGet();
        String given = "Thida";
        String family = "Sok" + Long.toString(n, 36).toUpperCase();
        Api.Response registered = admin.post("/workers", map("givenName", given, "familyName", family,
                "dateOfBirth", "1985-07-14", "sex", "F", "nationality", payee.nationality(),
                "documents", List.of(map("type", "PASSPORT", "number", "P" + n, "issuingCountry", payee.nationality(),
                        "validUntil", "2030-01-31")))).expect(201);
        return new Worker(registered.text("$.workerId"), given + " " + family, payee, n);
    }

    /**
     * Filed as soon as the entitlement engine sees the three months: the ledger projection books a filing
     * a moment after it is answered, so a claim refused as not (yet) payable is filed again, for 90 s.
     */
    private Claim fileClaim(Worker worker) throws InterruptedException {
        Map<String, Object> claim = map("workerId", worker.workerId(), "scheme", SCHEME, "benefit", BENEFIT,
                "asOf", AS_OF, "ground", map("type", "PERMANENT_DEPARTURE", "date", "2025-12-20",
                        "country", worker.payee().nationality()),
                "payee", worker.payee().filed(worker.name(), worker.number()));
        long giveUp = System.nanoTime() + 90_000_000_000L;
        while (true) {
            Api.Response filed = officer.post("/claims", claim);
            if (filed.status() == 201) {
                return new Claim(filed.text("$.claimId"), worker.workerId(), worker.payee(), worker.name(),
                        filed.text("$.amount"));
            }
            if (filed.status() != 422 && filed.status() != 409 || System.nanoTime() > giveUp) {
                filed.expect(201);
            }
            Thread.sleep(500);
        }
    }

    private Claim approve(Claim claim) {
        Api.Response approved = approver.post("/claims/" + claim.claimId() + "/approval", map()).expect(200);
        if (!"APPROVED".equals(approved.text("$.status"))) {
            throw new AssertionError("not approved: " + approved.body());
        }
        return new Claim(claim.claimId(), claim.workerId(), claim.payee(), claim.name(), approved.text("$.amount"));
    }

    /** The rates of a day, by currency (units for one THB), as the administrator sets them. */
    void fxRates(LocalDate day, Map<String, String> rates) {
        rates.forEach((currency, rate) -> admin.put("/fx-rates/" + day + "/" + currency,
                map("base", "THB", "rate", rate, "source", "Bank of Thailand reference rate " + day)).expect(200, 201));
    }

    /** Plausible rates of late 2026 for the currencies the fund pays in besides baht. */
    static Map<String, String> usualRates() {
        Map<String, String> rates = new java.util.TreeMap<>();
        rates.put("MMK", "60.1234");
        rates.put("KHR", "117.85");
        rates.put("USD", "0.0295");
        rates.put("LAK", "612.5");
        rates.put("VND", "745.3321");
        return rates;
    }

    /** A claim's history as the API tells it: status and actor of each step, oldest first. */
    static List<String> history(Api api, String claimId) {
        Api.Response claim = api.get("/claims/" + claimId).expect(200);
        JSONArray steps = claim.read("$.history");
        List<String> told = new ArrayList<>();
        for (Object step : steps) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) step;
            told.add(entry.get("status") + " by " + entry.get("actor") + " at " + entry.get("at"));
        }
        return told;
    }

    /** {@code task(i)} for i in [0, count) from the seeding's clients; results in order, the first failure thrown. */
    <T> List<T> inParallel(int count, IndexedTask<T> task) {
        return inParallel(count, task, clients);
    }

    private <T> List<T> inParallel(int count, IndexedTask<T> task, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface IndexedTask<T> {
        T run(int index) throws Exception;
    }
}

package org.mekongledger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port over a database of its own: each test class gets a fresh
 * database (the context is dropped after the class, and the next one provisions anew).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ApiTestBase {

    protected static final String ADMIN = "fund-admin";
    protected static final String ADMIN_PW = "fund-admin-pw";
    protected static final String AUDITOR = "auditor";
    protected static final String AUDITOR_PW = "auditor-pw";
    protected static final String EMBASSY = "embassy-khm";
    protected static final String EMBASSY_PW = "embassy-khm-pw";
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000);

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private org.springframework.core.env.Environment environment;
    protected ApiClient api;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        TestDatabases.Database database = TestDatabases.fresh(ApiTestBase.class);
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.flyway.user", database::ownerUsername);
        registry.add("spring.flyway.password", database::ownerPassword);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    // --- the business, as the tests speak it -------------------------------------------------

    protected ApiClient.Response admin(String path, Object body) {
        return api.post(path, ADMIN, ADMIN_PW, body);
    }

    protected ApiClient.Response read(String path) {
        return api.get(path, AUDITOR, AUDITOR_PW);
    }

    /** A page of the audit trail, read as the auditor (the page must answer 200). */
    protected List<tools.jackson.databind.JsonNode> auditEntries(String path) {
        ApiClient.Response page = read(path);
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        List<tools.jackson.databind.JsonNode> entries = new ArrayList<>();
        page.json().path("entries").forEach(entries::add);
        return entries;
    }

    protected static Map<String, Object> worker(String nationality, String documentType, String number) {
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put("givenName", "Thida");
        worker.put("familyName", nationality.equals("MMR") ? "" : "Sok");
        worker.put("dateOfBirth", "1991-07-14");
        worker.put("sex", "F");
        worker.put("nationality", nationality);
        worker.put("documents", List.of(Map.of("type", documentType, "number", number, "issuingCountry", nationality,
                "validUntil", "2030-01-31")));
        worker.put("contacts", List.of(Map.of("channel", "LINE", "value", "@thida91")));
        return worker;
    }

    protected static String uniqueNumber(String prefix) {
        return prefix + NUMBERS.incrementAndGet();
    }

    /** A Myanmar worker known by a Thai pink card, as the console's browser tests find one. */
    protected record PinkCardHolder(String workerId, String pinkCard) {
    }

    protected PinkCardHolder registerPinkCardHolder() {
        String unique = uniqueNumber("");
        String pinkCard = "00-" + unique.substring(unique.length() - 4) + "-567890-1";
        Map<String, Object> holder = worker("MMR", "PINK_CARD", pinkCard);
        holder.put("documents", List.of(Map.of("type", "PINK_CARD", "number", pinkCard, "issuingCountry", "THA")));
        ApiClient.Response created = admin("/api/v1/workers", holder);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return new PinkCardHolder(created.json().path("workerId").asString(), pinkCard);
    }

    /**
     * Files the months at 12,000 with an employer of its own, records that the worker's insured work
     * ended on the last day of the last month, and waits until the ledger counts them.
     */
    protected void insuredThenNoLonger(String workerId, String... periods) {
        String employer = registerEmployer();
        for (String period : periods) {
            ApiClient.Response filed = file(employer, period, workerId, "12000.00");
            assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        }
        String ended = java.time.YearMonth.parse(periods[periods.length - 1]).atEndOfMonth().toString();
        assertThat(admin("/api/v1/workers/" + workerId + "/events",
                Map.of("type", "INSURED_STATUS_ENDED", "date", ended)).status()).isEqualTo(201);
        eventually("/api/v1/workers/" + workerId + "/ledger", r -> r.json().path("schemes").size() > 0
                && r.json().path("schemes").get(0).path("contributionMonths").asInt() == periods.length);
    }

    protected String registerWorker(String nationality) {
        ApiClient.Response created = admin("/api/v1/workers", worker(nationality, "PASSPORT", uniqueNumber("P")));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("workerId").asString();
    }

    protected String registerEmployer() {
        String account = String.format("%010d", NUMBERS.incrementAndGet() % 10_000_000_000L);
        ApiClient.Response created = admin("/api/v1/employers", Map.of("employerAccount", account,
                "name", "Mahachai Seafood Co., Ltd."));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return account;
    }

    protected static Map<String, Object> filing(String employer, String period, Object... workerWagePairs) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 0; i < workerWagePairs.length; i += 2) {
            lines.add(Map.of("workerId", (String) workerWagePairs[i], "wage", (String) workerWagePairs[i + 1]));
        }
        return Map.of("scheme", "TH_SSF_S33", "employerAccount", employer, "period", period, "lines", lines);
    }

    protected ApiClient.Response file(String employer, String period, Object... workerWagePairs) {
        return admin("/api/v1/contribution-filings", filing(employer, period, workerWagePairs));
    }

    /** Read models follow the events asynchronously; wait until one shows what was recorded. */
    protected ApiClient.Response eventually(String path, Predicate<ApiClient.Response> ready) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> read(path), ready);
    }

    /**
     * The owner's access (what Flyway runs as), for a test that must do what the service's role may
     * not, e.g. tamper with the event store to inject a fault.
     */
    protected JdbcTemplate owner() {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String schema = environment.getRequiredProperty("ledger.db.schema");
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", "")));
    }

    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    protected static String randomId() {
        return UUID.randomUUID().toString();
    }

    /** Sends the requests at once (all threads released together) and collects every answer. */
    protected static List<ApiClient.Response> inParallel(List<java.util.concurrent.Callable<ApiClient.Response>> requests) throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(requests.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ApiClient.Response>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<ApiClient.Response> request : requests) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (java.util.concurrent.Future<ApiClient.Response> future : futures) {
                answers.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}

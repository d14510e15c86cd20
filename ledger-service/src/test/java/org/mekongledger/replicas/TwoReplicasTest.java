package org.mekongledger.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mekongledger.LedgerServiceApplication;
import org.mekongledger.support.ApiClient;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.mekongledger.support.ConsoleSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Two service instances on one database behave as one: this test's service ("A") and a second
 * application context ("B") started on the same database. Cached histories live ten minutes here,
 * so only the cross-replica announcements can make a change visible in time.
 */
@TestPropertySource(properties = "ledger.entitlements.cache-ttl=10m")
class TwoReplicasTest extends ApiTestBase {

    private static ConfigurableApplicationContext other;
    @Autowired
    Environment environment;
    @Autowired
    EventProcessingConfiguration processing;
    private ApiClient b;

    @BeforeEach
    void secondReplica() {
        if (other == null) {
            other = new SpringApplicationBuilder(LedgerServiceApplication.class)
                    .profiles("test")
                    .run("--server.port=0",
                            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                            "--ledger.entitlements.cache-ttl=10m");
        }
        b = new ApiClient(((WebServerApplicationContext) other).getWebServer().getPort());
    }

    @AfterAll
    static void stopSecondReplica() {
        if (other != null) {
            other.close();
            other = null;
        }
    }

    @Test
    void eachLedgerSegmentIsProcessedByOneReplicaOnly() {
        PooledStreamingEventProcessor mine = ledgerProcessor(processing);
        PooledStreamingEventProcessor theirs = ledgerProcessor(other.getBean(EventProcessingConfiguration.class));
        // both replicas claim what they can; together they hold every segment, never one segment twice
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                mine.processingStatus().size() + theirs.processingStatus().size() >= 2);
        for (int i = 0; i < 20; i++) {
            Set<Integer> both = new HashSet<>(mine.processingStatus().keySet());
            both.retainAll(theirs.processingStatus().keySet());
            assertThat(both).as("segments processed by both replicas (this one %s, the other %s)",
                    mine.processingStatus().keySet(), theirs.processingStatus().keySet()).isEmpty();
            registerWorker("VNM"); // keep the processors busy meanwhile
        }
    }

    private static PooledStreamingEventProcessor ledgerProcessor(EventProcessingConfiguration processing) {
        return processing.eventProcessor("ledger", PooledStreamingEventProcessor.class).orElseThrow();
    }

    @Test
    void aWorkerRegisteredOnOneIsFoundByDocumentOnTheOtherAtOnce() {
        String number = uniqueNumber("MD");
        Response registered = admin("/api/v1/workers", worker("MMR", "PASSPORT", number));
        assertThat(registered.status()).isEqualTo(201);

        Response found = b.get("/api/v1/workers?documentType=PASSPORT&documentNumber=" + number + "&issuingCountry=MMR",
                AUDITOR, AUDITOR_PW);
        assertThat(found.json().path("workers")).hasSize(1);
        assertThat(found.json().path("workers").get(0).path("workerId").asString())
                .isEqualTo(registered.json().path("workerId").asString());
        // and on this replica too, without waiting for anything
        assertThat(read("/api/v1/workers?documentType=PASSPORT&documentNumber=" + number + "&issuingCountry=MMR")
                .json().path("workers")).hasSize(1);
    }

    @Test
    void aRegistrationTheDirectoryCannotHoldIsNotRecordedAndLaterOnesAreStillFound() {
        // PostgreSQL text cannot hold U+0000: the directory row fails, and with it the whole registration
        Map<String, Object> unstorable = worker("MMR", "PASSPORT", uniqueNumber("MZ"));
        unstorable.put("givenName", "Thi\u0000da");
        String registrations = "select count(*) from domain_event_entry where payload_type like '%WorkerRegistered'";
        long before = jdbc.queryForObject(registrations, Long.class);
        Response refused = admin("/api/v1/workers", unstorable);
        assertThat(refused.status()).as(refused.raw().body()).isNotEqualTo(201);
        assertThat(jdbc.queryForObject(registrations, Long.class)).isEqualTo(before);

        String number = uniqueNumber("MY");
        assertThat(admin("/api/v1/workers", worker("MMR", "PASSPORT", number)).status()).isEqualTo(201);
        assertThat(b.get("/api/v1/workers?documentType=PASSPORT&documentNumber=" + number + "&issuingCountry=MMR",
                AUDITOR, AUDITOR_PW).json().path("workers")).hasSize(1);
    }

    @Test
    void aRuleSetVersionAddedOnOneIsInForceOnTheOtherForTheNextFiling() {
        // B has read the rule sets at start; A now adds a welfare-fund version with a new fee
        int shipped = b.get("/api/v1/rule-sets/VN_OESF", AUDITOR, AUDITOR_PW).json().path("versions").size();
        assertThat(shipped).isPositive();
        Response added = admin("/api/v1/rule-sets/VN_OESF/versions", fundVersion("2026-06", "2026-06-01", "120000"));
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);

        String employer = registerEmployer();
        String worker = registerWorker("VNM");
        Response filed = b.post("/api/v1/contribution-filings", ADMIN, ADMIN_PW, Map.of("scheme", "VN_OESF",
                "employerAccount", employer, "period", "2026-07",
                "lines", List.of(Map.of("workerId", worker, "payer", "WORKER"))));
        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        assertThat(filed.json().path("ruleSetVersion").asString()).isEqualTo("2026-06");
        assertThat(filed.json().path("lines").get(0).path("fee").asString()).isEqualTo("120000");

        // B knows the month is taken: an older version is refused, not stored to break the next start
        Response older = b.post("/api/v1/rule-sets/VN_OESF/versions", ADMIN, ADMIN_PW,
                fundVersion("2026-05", "2026-05-01", "110000"));
        assertThat(older.status()).as(older.raw().body()).isEqualTo(422);
        assertThat(older.errorFields()).contains("effectiveFrom");
        assertThat(b.get("/api/v1/rule-sets/VN_OESF", AUDITOR, AUDITOR_PW).json().path("versions")).hasSize(shipped + 1);
        assertThat(jdbc.queryForObject("select revision from rule_set_revision", Long.class)).isEqualTo(1);
    }

    /**
     * Behind a load balancer without sticky sessions an officer's requests land on either replica: the
     * console's session (sign-in and CSRF token) is in the database, so both know it, and signing out
     * on one signs out on both.
     */
    @Test
    void anOfficerSignedInToTheConsoleOnOneIsSignedInOnTheOther() throws Exception {
        String worker = registerWorker("MMR");
        int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
        ConsoleSession onA = new ConsoleSession(port).signIn("embassy-mmr", "embassy-mmr-pw");
        ConsoleSession onB = onA.on(otherPort);

        java.net.http.HttpResponse<String> page = onB.get("/console/workers/" + worker);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("embassy-mmr");
        // a form from A's page, posted to B: the CSRF token is the session's, wherever it is served
        java.net.http.HttpResponse<String> signedOut = onB.post("/console/sign-out",
                Map.of("_csrf", ConsoleSession.csrf(onA.get("/console/workers").body())));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("/console/sign-in?signedOut");
        assertThat(onA.get("/console/workers").statusCode()).isEqualTo(302);
        assertThat(onB.get("/console/workers").statusCode()).isEqualTo(302);
    }

    @Test
    void aChangeThroughOneReachesTheOthersEntitlementAnswersThroughAnnouncements() {
        String employer = registerEmployer();
        String worker = registerWorker("VNM");
        assertThat(admin("/api/v1/contribution-filings", Map.of("scheme", "VN_OESF", "employerAccount", employer,
                "period", "2026-03", "lines", List.of(Map.of("workerId", worker, "payer", "WORKER")))).status())
                .isEqualTo(201);
        String entitlements = "/api/v1/workers/" + worker + "/entitlements?asOf=2026-10-01";
        String before = eventually(entitlements, r -> r.status() == 200
                && r.json().path("entitlements").toString().contains("VN_OESF")).raw().body();
        assertThat(read(entitlements).raw().body()).isEqualTo(before); // answered from A's cache

        assertThat(b.post("/api/v1/workers/" + worker + "/events", ADMIN, ADMIN_PW,
                Map.of("type", "INVALIDITY", "date", "2026-09-01")).status()).isEqualTo(201);
        String afterInvalidity = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> read(entitlements).raw().body(), body -> !body.equals(before));

        // the listening connections are cut: they reconnect by themselves and announcements flow again
        int killed = jdbc.queryForObject("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = current_database() and application_name = 'mekong-ledger-listener'""", Integer.class);
        assertThat(killed).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and application_name = 'mekong-ledger-listener'""", Integer.class) == 2);
        read(entitlements); // cached again after the reconnection
        assertThat(b.post("/api/v1/workers/" + worker + "/events", ADMIN, ADMIN_PW,
                Map.of("type", "DEATH", "date", "2026-09-15")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> read(entitlements).raw().body(), body -> !body.equals(afterInvalidity));

        // the fee was booked once, though both replicas run the ledger projection: events = entries
        assertThat(read("/api/v1/workers/" + worker + "/ledger").json().path("entries").path("totalEntries").asLong())
                .isEqualTo(1);
        for (ApiClient replica : List.of(api, b)) {
            Response reconciliation = replica.get("/api/v1/ledger/reconciliation", ADMIN, ADMIN_PW);
            assertThat(reconciliation.status()).as(reconciliation.raw().body()).isEqualTo(200);
            assertThat(reconciliation.json().path("balanced").asBoolean()).as(reconciliation.raw().body()).isTrue();
            JsonNode fees = null;
            for (JsonNode count : reconciliation.json().path("counts")) {
                if (count.path("eventType").asString().equals("WelfareFeeRecorded")) {
                    fees = count;
                }
            }
            assertThat(fees).as(reconciliation.raw().body()).isNotNull();
            assertThat(fees.path("entries").asLong()).isEqualTo(fees.path("events").asLong());
        }
    }

    private static Map<String, Object> fundVersion(String version, String effectiveFrom, String workerFee) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("currency", "VND");
        parameters.put("feesPerContract", Map.of("WORKER", workerFee, "RECRUITMENT_AGENCY", "150000"));
        parameters.put("coverMonths", 48);
        parameters.put("benefits", List.of(
                Map.of("benefit", "DEATH_BENEFIT", "events", List.of("DEATH"), "amount", "40000000",
                        "payableTo", "RELATIVES"),
                Map.of("benefit", "EARLY_RETURN_AFTER_ACCIDENT_OR_ILLNESS", "events", List.of("INVALIDITY"),
                        "amount", "10000000", "upTo", "30000000", "payableTo", "WORKER")));
        return org.mekongledger.rulelibrary.RuleSetsApiTest.amendment(
                Map.of("version", version, "effectiveFrom", effectiveFrom, "parameters", parameters), "test");
    }
}

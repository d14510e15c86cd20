package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.LedgerServiceApplication;
import org.mekongledger.support.ApiClient;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stops the service and starts it again on the same database: nothing lost, nothing booked twice. */
class LedgerSurvivesRestartTest {

    private static final String ADMIN = "fund-admin";
    private static final String PW = "fund-admin-pw";

    @Test
    void theLedgerAndTheWorkersAccountsSurviveARestart() {
        TestDatabases.Database database = TestDatabases.fresh(LedgerSurvivesRestartTest.class);
        String workerId;
        String filingId;
        try (ConfigurableApplicationContext first = start(database)) {
            ApiClient api = client(first);
            Response employer = api.post("/api/v1/employers", ADMIN, PW,
                    Map.of("employerAccount", "5000000001", "name", "Rayong Rubber"));
            assertThat(employer.status()).as(employer.raw().body()).isEqualTo(201);
            Response registered = api.post("/api/v1/workers", ADMIN, PW, Map.of("givenName", "Noy",
                    "familyName", "Phommachanh", "dateOfBirth", "1988-02-02", "sex", "F", "nationality", "LAO",
                    "documents", java.util.List.of(Map.of("type", "PASSPORT", "number", "LA0001", "issuingCountry", "LAO"))));
            assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
            workerId = registered.json().path("workerId").asString();
            filingId = api.post("/api/v1/contribution-filings", ADMIN, PW, Map.of("scheme", "TH_SSF_S33",
                    "employerAccount", "5000000001", "period", "2025-10",
                    "lines", java.util.List.of(Map.of("workerId", workerId, "wage", "15000.00"))))
                    .json().path("filingId").asString();
            entriesOf(api, workerId, 1);
        }

        try (ConfigurableApplicationContext second = start(database)) {
            ApiClient api = client(second);
            Response ledger = entriesOf(api, workerId, 1);
            assertThat(ledger.json().path("schemes").get(0).path("contributionMonths").asInt()).isEqualTo(1);

            // the account is rebuilt from its events (a fresh cache): it can still reverse what it recorded
            Response reversed = api.post("/api/v1/contribution-filings/" + filingId + "/reversal", ADMIN, PW,
                    Map.of("reason", "filed under the wrong employer"));
            assertThat(reversed.status()).as(reversed.raw().body()).isEqualTo(200);
            Response after = entriesOf(api, workerId, 2);
            assertThat(after.json().path("schemes").get(0).path("contributionMonths").asInt()).isZero();

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from ledger_entry", Long.class)).isEqualTo(2);
            assertThat(jdbc.queryForObject("select count(*) from worker_view", Long.class)).isEqualTo(1);
        }
    }

    private static Response entriesOf(ApiClient api, String workerId, int entries) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/workers/" + workerId + "/ledger", ADMIN, PW),
                        r -> r.status() == 200 && r.json().path("entries").path("totalEntries").asLong() == entries);
    }

    private static ConfigurableApplicationContext start(TestDatabases.Database database) {
        return new SpringApplicationBuilder(LedgerServiceApplication.class)
                .profiles("test")
                // as arguments: builder properties are only defaults, below application.yml
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0"),
                        database.springArguments().stream()).toArray(String[]::new));
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}

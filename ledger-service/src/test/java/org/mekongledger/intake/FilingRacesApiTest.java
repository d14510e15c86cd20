package org.mekongledger.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Filings racing each other, their reversals and other replicas' changes. */
class FilingRacesApiTest extends ApiTestBase {

    private static final String FILINGS = "/api/v1/contribution-filings";

    @Autowired
    @Qualifier("workerAccountCache")
    Cache accounts;

    @Test
    void aReversalRacingReFilingsNeverLeavesTwoStandingFilingsForOnePeriod() throws Exception {
        String employer = registerEmployer();
        String first = registerWorker("MMR");
        String second = registerWorker("KHM");
        String third = registerWorker("LAO");
        for (int round = 0; round < 20; round++) {
            String period = YearMonth.of(2023, 1).plusMonths(round).toString();
            Response standing = file(employer, period, first, "10000.00");
            assertThat(standing.status()).as(standing.raw().body()).isEqualTo(201);
            String standingId = standing.json().path("filingId").asString();

            List<Response> answers = inParallel(List.of(
                    () -> admin(FILINGS + "/" + standingId + "/reversal", Map.of("reason", "corrected")),
                    () -> file(employer, period, second, "11000.00"),
                    () -> file(employer, period, third, "12000.00")));

            assertThat(answers.get(0).status()).as(answers.get(0).raw().body()).isEqualTo(200);
            List<Response> refilings = answers.subList(1, 3);
            assertThat(refilings).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isIn(201, 409));
            List<String> accepted = refilings.stream().filter(r -> r.status() == 201)
                    .map(r -> r.json().path("filingId").asString()).toList();
            assertThat(accepted).as("standing filings for %s", period).hasSizeLessThanOrEqualTo(1);
            List<String> registered = jdbc.queryForList("""
                    select filing_id from filing_period_register
                    where scheme = 'TH_SSF_S33' and employer_account = ? and period = ?""", String.class, employer, period);
            assertThat(registered).isEqualTo(accepted);
        }
    }

    @Test
    void filingsNamingSharedWorkersInOppositeOrdersAllSucceed() throws Exception {
        List<String> workers = List.of(registerWorker("MMR"), registerWorker("KHM"), registerWorker("LAO"),
                registerWorker("VNM"));
        List<String> employers = List.of(registerEmployer(), registerEmployer(), registerEmployer());
        for (int round = 0; round < 4; round++) {
            String period = YearMonth.of(2022, 1).plusMonths(round).toString();
            List<Callable<Response>> filings = new ArrayList<>();
            for (int e = 0; e < employers.size(); e++) {
                List<String> order = new ArrayList<>(workers);
                java.util.Collections.rotate(order, e);
                if (e % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                String employer = employers.get(e);
                filings.add(() -> file(employer, period, order.get(0), "10000.00", order.get(1), "11000.00",
                        order.get(2), "12000.00", order.get(3), "13000.00"));
            }

            assertThat(inParallel(filings)).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isEqualTo(201));
        }
        for (String worker : workers) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%.ContributionRecorded'""", Long.class, worker))
                    .isEqualTo(4L * 3);
        }
    }

    /**
     * Another replica changed a worker this one holds in its cache: the append refuses the stale
     * account (and, in the same batch, the new filing's stream), the service retries from the store.
     */
    @Test
    void aStaleCachedAccountIsRetriedToSuccessNotAPermanentConflict() {
        String employer = registerEmployer();
        String worker = registerWorker("MMR");
        assertThat(file(employer, "2021-01", worker, "10000.00").status()).isEqualTo(201);
        assertThat(accounts.containsKey(worker)).isTrue();
        assertThat(admin("/api/v1/workers/" + worker + "/insurance-periods", CREDIT).status()).isEqualTo(201);
        creditThroughAnotherReplica(jdbc, worker);

        Response february = api.post(FILINGS, ADMIN, ADMIN_PW, filing(employer, "2021-02", worker, "10000.00"),
                Map.of("Idempotency-Key", "stale-1"));

        assertThat(february.status()).as(february.raw().body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.ContributionRecorded'""", Long.class, worker))
                .isEqualTo(2L);
    }

    static final Map<String, String> CREDIT = Map.of("scheme", "LA_LSSO", "from", "2015-01", "to", "2016-12",
            "source", "LSSO certificate 12/2026");

    /**
     * Another replica credits the worker a period: its event is appended straight to the store, so
     * this replica's cached account is one event behind.
     */
    static void creditThroughAnotherReplica(org.springframework.jdbc.core.JdbcTemplate jdbc, String worker) {
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                select gen_random_uuid()::text, aggregate_identifier, sequence_number + 1, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data
                from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.InsurancePeriodCredited'
                order by sequence_number desc limit 1""", worker);
    }

}

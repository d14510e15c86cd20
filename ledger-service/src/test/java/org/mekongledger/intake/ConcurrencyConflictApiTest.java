package org.mekongledger.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.test.context.TestPropertySource;

/** With no retries left, a lost race is a 409 of its own that the key does not remember. */
@TestPropertySource(properties = "ledger.commands.retry.max-attempts=1")
class ConcurrencyConflictApiTest extends ApiTestBase {

    @Test
    void aConflictThatOutlivesTheRetriesAnswers409WithRetryAfterAndIsNotTheKeysAnswer() {
        String employer = registerEmployer();
        String worker = registerWorker("MMR");
        assertThat(file(employer, "2021-01", worker, "10000.00").status()).isEqualTo(201);
        assertThat(admin("/api/v1/workers/" + worker + "/insurance-periods", FilingRacesApiTest.CREDIT).status())
                .isEqualTo(201);
        FilingRacesApiTest.creditThroughAnotherReplica(jdbc, worker);
        long events = eventCount();
        Map<String, Object> march = filing(employer, "2021-02", worker, "10000.00");

        Response conflict = api.post("/api/v1/contribution-filings", ADMIN, ADMIN_PW, march,
                Map.of("Idempotency-Key", "conflict-1"));

        assertThat(conflict.status()).as(conflict.raw().body()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().path("type").asString())
                .isEqualTo("https://mekong-ledger.org/problems/concurrency-conflict");
        assertThat(conflict.header("Retry-After")).isNotNull();
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where idem_key = 'conflict-1'",
                Long.class)).isZero();

        Response retried = api.post("/api/v1/contribution-filings", ADMIN, ADMIN_PW, march,
                Map.of("Idempotency-Key", "conflict-1"));

        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void theSameEmployerAccountRegisteredTwiceStaysAPlainConflict() {
        Map<String, String> employer = Map.of("employerAccount", "3000000001", "name", "A");
        assertThat(admin("/api/v1/employers", employer).status()).isEqualTo(201);

        Response twice = api.post("/api/v1/employers", ADMIN, ADMIN_PW, employer, Map.of("Idempotency-Key", "dup-1"));

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("type").asString()).isEqualTo("https://mekong-ledger.org/problems/conflict");
        assertThat(twice.header("Retry-After")).isNull();
    }
}

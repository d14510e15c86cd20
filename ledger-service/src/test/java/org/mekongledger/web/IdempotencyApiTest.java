package org.mekongledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

class IdempotencyApiTest extends ApiTestBase {

    @Test
    void theSameKeyAndBodyReturnsTheFirstResponseAndRecordsNothingNew() {
        String employer = registerEmployer();
        String workerId = registerWorker("MMR");
        Map<String, Object> filing = filing(employer, "2026-01", workerId, "10000.00");

        Response first = api.post("/api/v1/contribution-filings", ADMIN, ADMIN_PW, filing, Map.of("Idempotency-Key", "f-1"));
        long events = eventCount();
        Response retry = api.post("/api/v1/contribution-filings", ADMIN, ADMIN_PW, filing, Map.of("Idempotency-Key", "f-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Response first = api.post("/api/v1/employers", ADMIN, ADMIN_PW,
                Map.of("employerAccount", "2000000001", "name", "A"), Map.of("Idempotency-Key", "e-1"));
        long events = eventCount();

        Response other = api.post("/api/v1/employers", ADMIN, ADMIN_PW,
                Map.of("employerAccount", "2000000002", "name", "B"), Map.of("Idempotency-Key", "e-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRefusalIsRememberedTooSoARetryGetsTheSameAnswer() {
        Map<String, Object> bad = filing(registerEmployer(), "2026-01", randomId(), "10000.00");

        Response first = api.post("/api/v1/contribution-filings", ADMIN, ADMIN_PW, bad, Map.of("Idempotency-Key", "b-1"));
        Response retry = api.post("/api/v1/contribution-filings", ADMIN, ADMIN_PW, bad, Map.of("Idempotency-Key", "b-1"));

        assertThat(first.status()).isEqualTo(422);
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
    }

    @Test
    void withoutAKeyEveryPostIsItsOwnRequest() {
        Map<String, String> employer = Map.of("employerAccount", "2000000003", "name", "C");

        assertThat(api.post("/api/v1/employers", ADMIN, ADMIN_PW, employer).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/employers", ADMIN, ADMIN_PW, employer).status()).isEqualTo(409);
    }
}

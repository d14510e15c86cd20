package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

class AccessApiTest extends ApiTestBase {

    @Test
    void everyApiCallNeedsAuthentication() {
        Response anonymous = api.get("/api/v1/ledger/trial-balance", null, null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/employers", null, null, Map.of("employerAccount", "3000000001", "name", "X"))
                .status()).isEqualTo(401);
        assertThat(api.get("/api/v1/ledger/trial-balance", ADMIN, "wrong").status()).isEqualTo(401);
    }

    @Test
    void auditorsAndEmbassyOfficersReadButChangeNothing() {
        long events = eventCount();

        Response auditorWrite = api.post("/api/v1/employers", AUDITOR, AUDITOR_PW,
                Map.of("employerAccount", "3000000002", "name", "X"));
        Response embassyWrite = api.post("/api/v1/workers", EMBASSY, EMBASSY_PW, worker("KHM", "PASSPORT", "K1"));

        assertThat(auditorWrite.status()).isEqualTo(403);
        assertThat(auditorWrite.contentType()).startsWith("application/problem+json");
        assertThat(embassyWrite.status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get("/api/v1/ledger/trial-balance", AUDITOR, AUDITOR_PW).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ledger/trial-balance", EMBASSY, EMBASSY_PW).status()).isEqualTo(200);
        // a simulation records nothing, so readers may run one
        assertThat(api.post("/api/v1/entitlements/simulations", EMBASSY, EMBASSY_PW, Map.of(
                "worker", Map.of("dateOfBirth", "1990-01-01", "nationality", "KHM"),
                "history", java.util.List.of(Map.of("scheme", "TH_SSF_S33", "from", "2024-01", "to", "2024-12",
                        "wage", "12000.00")))).status()).isEqualTo(200);
    }

    @Test
    void healthIsOpenButTheContractAndItsUiNeedASignInOutsideTheLocalProfile() {
        assertThat(api.get("/actuator/health", null, null).status()).isEqualTo(200);
        for (String docs : java.util.List.of("/openapi/ledger-api.yaml", "/swagger-ui.html", "/swagger-ui/index.html",
                "/v3/api-docs", "/v3/api-docs/swagger-config")) {
            Response anonymous = api.get(docs, null, null);
            assertThat(anonymous.status()).as(docs).isEqualTo(401);
            assertThat(anonymous.contentType()).as(docs).startsWith("application/problem+json");
            assertThat(api.get(docs, AUDITOR, "wrong").status()).as(docs).isEqualTo(401);
        }
        // any reader role may read the contract
        Response spec = api.get("/openapi/ledger-api.yaml", EMBASSY, EMBASSY_PW);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.raw().body()).contains("/contribution-filings");
        assertThat(api.get("/swagger-ui/index.html", AUDITOR, AUDITOR_PW).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", ADMIN, ADMIN_PW).status()).isEqualTo(200);
    }

    @Test
    void refusalsOfSignInAndRoleAreProblemDetails() {
        Response anonymous = api.get("/api/v1/ledger/trial-balance", null, null);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);
        assertThat(anonymous.json().path("title").asString()).isEqualTo("Unauthenticated");
        assertThat(anonymous.json().path("type").asString()).endsWith("/problems/unauthenticated");

        Response forbidden = api.post("/api/v1/employers", AUDITOR, AUDITOR_PW,
                Map.of("employerAccount", "3000000003", "name", "X \"quoted\""));
        assertThat(forbidden.json().path("status").asInt()).isEqualTo(403);
        assertThat(forbidden.json().path("detail").asString()).isEqualTo("Your role may not do this.");
        assertThat(forbidden.json().path("type").asString()).endsWith("/problems/forbidden");
    }

    @Test
    void withoutTheLocalProfileThereAreNoDefaultUsers() {
        assertThat(api.get("/api/v1/ledger/trial-balance", "admin", "admin").status()).isEqualTo(401);
    }
}

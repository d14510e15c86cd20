package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles({"test", "local"})
class LocalProfileUsersTest extends ApiTestBase {

    @Test
    void theLocalProfileAddsAdminAndEmbassyUsersWithTheirNameAsPasswordUnlessConfigured() {
        assertThat(api.get("/api/v1/ledger/trial-balance", "admin", "admin").status()).isEqualTo(200);
        // the test profile configures its own "auditor" (password auditor-pw), which wins over the default
        assertThat(api.get("/api/v1/ledger/trial-balance", "auditor", "auditor").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/ledger/trial-balance", "auditor", "auditor-pw").status()).isEqualTo(200);
        // the test profile configures embassy-mmr, embassy-khm, approver and settlement too; officer is the default
        assertThat(api.get("/api/v1/ledger/trial-balance", "embassy-mmr", "embassy-mmr-pw").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ledger/trial-balance", "officer", "officer").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ledger/trial-balance", "approver", "approver-pw").status()).isEqualTo(200);
        // the batch's account reads claims, not the ledger
        assertThat(api.get("/api/v1/ledger/trial-balance", "settlement", "settlement-pw").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/employers", "officer", "officer",
                java.util.Map.of("employerAccount", "4000000001", "name", "X")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/employers", "admin", "admin",
                java.util.Map.of("employerAccount", "4000000001", "name", "X")).status()).isEqualTo(201);
    }

    @Test
    void underTheLocalProfileTheContractAndItsUiAreOpen() {
        Response spec = api.get("/openapi/ledger-api.yaml", null, null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.raw().body()).contains("/contribution-filings");
        assertThat(api.get("/swagger-ui/index.html", null, null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null, null).status()).isEqualTo(200);
    }
}

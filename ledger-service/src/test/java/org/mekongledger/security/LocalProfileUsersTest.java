package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code local} profile alone (not the test profile's users), with one user configured the way
 * an operator would: it wins over the local default of the same name.
 */
@ActiveProfiles(value = "local", inheritProfiles = false)
@TestPropertySource(properties = {
        "ledger.security.users[0].name=auditor",
        "ledger.security.users[0].password={noop}auditor-pw",
        "ledger.security.users[0].roles[0]=AUDITOR"})
class LocalProfileUsersTest extends ApiTestBase {

    @Autowired
    private UserDetailsService users;

    @Test
    void theLocalProfileAddsAUserPerRoleWithTheirNameAsPassword() {
        for (String reader : List.of("admin", "embassy-mmr", "embassy-khm", "officer", "approver")) {
            assertThat(api.get("/api/v1/ledger/trial-balance", reader, reader).status()).as(reader).isEqualTo(200);
            assertThat(api.get("/api/v1/ledger/trial-balance", reader, reader + "-pw").status()).as(reader).isEqualTo(401);
        }
        // the batch's account reads claims, not the ledger
        assertThat(api.get("/api/v1/ledger/trial-balance", "settlement", "settlement").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/claims/" + randomId() + "/approval", "officer", "officer", Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/settlement/bank-outcomes", "approver", "approver", Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/employers", "officer", "officer",
                Map.of("employerAccount", "4000000001", "name", "X")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/employers", "admin", "admin",
                Map.of("employerAccount", "4000000001", "name", "X")).status()).isEqualTo(201);
    }

    @Test
    void theLocalEmbassyOfficersActForTheirOwnNationals() {
        assertThat(((Officer.ActsForNationals) users.loadUserByUsername("embassy-khm")).nationality()).isEqualTo("KHM");
        assertThat(((Officer.ActsForNationals) users.loadUserByUsername("embassy-mmr")).nationality()).isEqualTo("MMR");
        assertThat(((Officer.ActsForNationals) users.loadUserByUsername("officer")).nationality()).isNull();
        assertThat(users.loadUserByUsername("embassy-khm").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_EMBASSY_OFFICER");
        assertThat(users.loadUserByUsername("settlement").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_SETTLEMENT_OPERATOR");
    }

    @Test
    void aConfiguredUserWinsOverTheLocalDefaultOfTheSameName() {
        assertThat(api.get("/api/v1/ledger/trial-balance", "auditor", "auditor").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/ledger/trial-balance", "auditor", "auditor-pw").status()).isEqualTo(200);
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

package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mekongledger.security.LedgerUsers.Role;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class AccessApiTest extends ApiTestBase {

    @Autowired
    private ApplicationContext context;

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

    /** A test user per role (application-test.yml): name, password. */
    private static final Map<Role, List<String>> USERS = new EnumMap<>(Map.of(
            Role.FUND_ADMIN, List.of(ADMIN, ADMIN_PW),
            Role.AUDITOR, List.of(AUDITOR, AUDITOR_PW),
            Role.EMBASSY_OFFICER, List.of(EMBASSY, EMBASSY_PW),
            Role.CLAIMS_OFFICER, List.of("claims-officer", "claims-officer-pw"),
            Role.APPROVER, List.of("approver", "approver-pw"),
            Role.SETTLEMENT_OPERATOR, List.of("settlement", "settlement-pw")));
    private static final Set<Role> READERS = EnumSet.of(Role.FUND_ADMIN, Role.AUDITOR, Role.EMBASSY_OFFICER,
            Role.CLAIMS_OFFICER, Role.APPROVER);

    /** One line of the access matrix: who may make this call at all (what they may do with it is decided further in). */
    private record Access(String method, String path, Set<Role> allowed) {
    }

    /**
     * Every role against the matrix of SecurityConfiguration. Some paths (claims, audit) may have no
     * handler yet: an allowed role then gets a 404, so an allowed role is asserted only to pass the
     * role check (neither 401 nor 403), and every other role to be refused with 403.
     */
    @Test
    void eachRoleReachesExactlyWhatTheMatrixGivesIt() {
        String claim = randomId();
        String worker = randomId();
        List<Access> matrix = List.of(
                new Access("GET", "/api/v1/audit?workerId=" + worker, EnumSet.of(Role.FUND_ADMIN, Role.AUDITOR)),
                new Access("GET", "/api/v1/contribution-filings/" + randomId(), EnumSet.of(Role.FUND_ADMIN, Role.AUDITOR)),
                new Access("GET", "/api/v1/claims?status=FILED", EnumSet.allOf(Role.class)),
                new Access("GET", "/api/v1/claims/" + claim, EnumSet.allOf(Role.class)),
                new Access("POST", "/api/v1/claims", EnumSet.of(Role.CLAIMS_OFFICER, Role.EMBASSY_OFFICER)),
                new Access("POST", "/api/v1/claims/" + claim + "/approval", EnumSet.of(Role.APPROVER)),
                new Access("POST", "/api/v1/claims/" + claim + "/rejection", EnumSet.of(Role.APPROVER)),
                new Access("POST", "/api/v1/claims/" + claim + "/cancellation",
                        EnumSet.of(Role.CLAIMS_OFFICER, Role.EMBASSY_OFFICER, Role.APPROVER)),
                new Access("GET", "/api/v1/settlement/payable-claims?approvedUpTo=2026-12-01",
                        EnumSet.of(Role.SETTLEMENT_OPERATOR)),
                new Access("POST", "/api/v1/settlement/schedulings", EnumSet.of(Role.SETTLEMENT_OPERATOR)),
                new Access("POST", "/api/v1/settlement/bank-outcomes", EnumSet.of(Role.SETTLEMENT_OPERATOR)),
                new Access("GET", "/api/v1/settlement/runs/SR-2026-12-01",
                        EnumSet.of(Role.SETTLEMENT_OPERATOR, Role.AUDITOR, Role.FUND_ADMIN)),
                new Access("GET", "/api/v1/fx-rates?from=2026-12-01&to=2026-12-01",
                        EnumSet.of(Role.FUND_ADMIN, Role.SETTLEMENT_OPERATOR, Role.AUDITOR)),
                new Access("GET", "/api/v1/fx-rates/2026-12-01/MMK",
                        EnumSet.of(Role.FUND_ADMIN, Role.SETTLEMENT_OPERATOR, Role.AUDITOR)),
                new Access("PUT", "/api/v1/fx-rates/2026-12-01/MMK", EnumSet.of(Role.FUND_ADMIN)),
                new Access("POST", "/api/v1/workers/" + worker + "/events",
                        EnumSet.of(Role.FUND_ADMIN, Role.CLAIMS_OFFICER, Role.EMBASSY_OFFICER)),
                new Access("GET", "/api/v1/workers/" + worker, READERS),
                new Access("GET", "/api/v1/ledger/trial-balance", READERS),
                new Access("POST", "/api/v1/entitlements/simulations", READERS),
                new Access("GET", "/api/v1/ledger/reconciliation", EnumSet.of(Role.FUND_ADMIN)),
                new Access("POST", "/api/v1/employers", EnumSet.of(Role.FUND_ADMIN)),
                new Access("POST", "/api/v1/workers", EnumSet.of(Role.FUND_ADMIN)),
                new Access("GET", "/actuator/metrics", EnumSet.of(Role.FUND_ADMIN, Role.AUDITOR)));
        long events = eventCount();

        List<String> wrong = new ArrayList<>();
        for (Access access : matrix) {
            for (Role role : Role.values()) {
                List<String> user = USERS.get(role);
                Response answer = switch (access.method()) {
                    case "GET" -> api.get(access.path(), user.get(0), user.get(1));
                    case "PUT" -> api.put(access.path(), user.get(0), user.get(1), Map.of());
                    default -> api.post(access.path(), user.get(0), user.get(1), Map.of());
                };
                boolean allowed = access.allowed().contains(role);
                boolean passed = answer.status() != 401 && answer.status() != 403;
                if (allowed != passed || !allowed && !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(role + " " + access.method() + " " + access.path() + " -> " + answer.status());
                }
            }
        }

        assertThat(wrong).as("calls answered against the matrix").isEmpty();
        // the empty bodies and unknown ids record nothing, whoever sent them
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void withoutAnOidcIssuerConfiguredBearerTokensAreNotAcceptedAtAll() {
        assertThat(context.getBeanProvider(JwtDecoder.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(BearerSignIn.class).getIfAvailable()).isNull();

        Response bearer = new BearerClient(port).get("/api/v1/ledger/trial-balance", "eyJhbGciOiJub25lIn0.e30.");
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(bearer.raw().headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"mekong-ledger\"");
        assertThat(bearer.json().path("type").asString()).endsWith("/problems/unauthenticated");
    }

    @Test
    void withoutTheLocalProfileThereAreNoDefaultUsers() {
        assertThat(api.get("/api/v1/ledger/trial-balance", "admin", "admin").status()).isEqualTo(401);
    }
}

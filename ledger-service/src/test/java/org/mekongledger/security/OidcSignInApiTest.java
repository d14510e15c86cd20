package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * With an OIDC issuer configured the API takes bearer tokens beside HTTP Basic. The issuer is this
 * test's own: a key pair and its JWK set served on a local port.
 */
class OidcSignInApiTest extends ApiTestBase {

    private static final LocalIssuer ISSUER = LocalIssuer.start();
    private BearerClient bearer;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("ledger.security.oidc.audience", () -> LocalIssuer.AUDIENCE);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @BeforeEach
    void bearerClient() {
        bearer = new BearerClient(port);
    }

    /** Who Officer.current() says is signed in: what the claims, scoping and audit code see. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SignedInOfficer {
        @Bean
        OfficerEcho officerEcho() {
            return new OfficerEcho();
        }
    }

    @RestController
    static class OfficerEcho {
        @GetMapping("/api/v1/test/signed-in-officer")
        Map<String, Object> signedIn() {
            Officer officer = Officer.current();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("name", officer.name());
            answer.put("roles", officer.roles().stream().map(Enum::name).sorted().toList());
            answer.put("nationality", officer.nationality() == null ? "(none)" : officer.nationality());
            answer.put("limitedTo", officer.limitedTo().orElse("(everyone)"));
            return answer;
        }
    }

    private String token(String user, String... roles) {
        return ISSUER.token(LocalIssuer.claims(user, List.of(roles)));
    }

    private Response officer(String token) {
        Response answer = bearer.get("/api/v1/test/signed-in-officer", token);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer;
    }

    @Test
    void aFundAdminTokenKeepsTheRegisters() {
        Response created = bearer.post("/api/v1/employers", token("somchai", "FUND_ADMIN"),
                Map.of("employerAccount", "5000000001", "name", "Samut Sakhon Cannery"));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        Response admin = officer(token("somchai", "FUND_ADMIN"));
        assertThat(admin.json().path("name").asString()).isEqualTo("somchai");
        assertThat(admin.json().path("roles").toString()).isEqualTo("[\"FUND_ADMIN\"]");
        assertThat(admin.json().path("limitedTo").asString()).isEqualTo("(everyone)");
    }

    @Test
    void anAuditorTokenReadsButChangesNothing() {
        long events = eventCount();
        String auditor = token("malee", "AUDITOR");

        assertThat(bearer.get("/api/v1/ledger/trial-balance", auditor).status()).isEqualTo(200);
        Response write = bearer.post("/api/v1/employers", auditor, Map.of("employerAccount", "5000000002", "name", "X"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(write.json().path("type").asString()).endsWith("/problems/forbidden");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anEmbassyOfficersTokenCarriesTheNationalityTheyActFor() {
        Response khm = officer(ISSUER.token(LocalIssuer.claims("attache.khm", List.of("EMBASSY_OFFICER"))
                .claim("nationality", "KHM")));

        assertThat(khm.json().path("name").asString()).isEqualTo("attache.khm");
        assertThat(khm.json().path("roles").toString()).isEqualTo("[\"EMBASSY_OFFICER\"]");
        assertThat(khm.json().path("nationality").asString()).isEqualTo("KHM");
        assertThat(khm.json().path("limitedTo").asString()).isEqualTo("KHM");
        // a multivalued attribute with one value, written in lower case, is the same nationality
        Response mmr = officer(ISSUER.token(LocalIssuer.claims("attache.mmr", List.of("EMBASSY_OFFICER"))
                .claim("nationality", List.of("mmr"))));
        assertThat(mmr.json().path("limitedTo").asString()).isEqualTo("MMR");
    }

    @Test
    void anEmbassyOfficerWithoutANationalitySeesNobody() {
        Response none = officer(token("attache.nowhere", "EMBASSY_OFFICER"));
        Response garbled = officer(ISSUER.token(LocalIssuer.claims("attache.garbled", List.of("EMBASSY_OFFICER"))
                .claim("nationality", "Cambodia")));

        assertThat(none.json().path("nationality").asString()).isEqualTo("(none)");
        assertThat(none.json().path("limitedTo").asString()).isEmpty();
        assertThat(garbled.json().path("limitedTo").asString()).isEmpty();
    }

    @Test
    void rolesOtherThanTheLedgersSixAreIgnored() {
        Response auditor = officer(token("malee", "AUDITOR", "offline_access", "uma_authorization",
                "default-roles-mekong", "ADMIN", "fund_admin", "ROLE_FUND_ADMIN"));
        assertThat(auditor.json().path("roles").toString()).isEqualTo("[\"AUDITOR\"]");

        String onlyForeignRoles = token("mallory", "admin", "superuser", "ROLE_FUND_ADMIN");
        assertThat(bearer.get("/api/v1/ledger/trial-balance", onlyForeignRoles).status()).isEqualTo(403);
        assertThat(bearer.post("/api/v1/employers", onlyForeignRoles,
                Map.of("employerAccount", "5000000003", "name", "X")).status()).isEqualTo(403);
    }

    @Test
    void theSubjectNamesTheOfficerWhenTheTokenHasNoUserName() {
        JWTClaimsSet.Builder claims = LocalIssuer.claims("ignored", List.of("APPROVER")).subject("f3b1c2d4-subject")
                .claim("preferred_username", null);

        assertThat(officer(ISSUER.token(claims)).json().path("name").asString()).isEqualTo("f3b1c2d4-subject");
    }

    @Test
    void expiredForgedForeignAndMalformedTokensAreRefusedAsProblems() {
        long events = eventCount();
        Instant now = Instant.now();
        Map<String, String> refused = new LinkedHashMap<>();
        // beyond the 60 s clock skew allowed
        refused.put("expired", ISSUER.token(LocalIssuer.claims("somchai", List.of("FUND_ADMIN"))
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(120)))));
        refused.put("not yet valid", ISSUER.token(LocalIssuer.claims("somchai", List.of("FUND_ADMIN"))
                .notBeforeTime(Date.from(now.plusSeconds(600)))));
        refused.put("signed by another key", ISSUER.forged(LocalIssuer.claims("somchai", List.of("FUND_ADMIN"))));
        refused.put("another issuer", ISSUER.fromAnotherIssuer(LocalIssuer.claims("somchai", List.of("FUND_ADMIN"))));
        refused.put("another audience", ISSUER.token(LocalIssuer.claims("somchai", List.of("FUND_ADMIN"))
                .audience("account")));
        refused.put("malformed", "not.a.jwt");
        refused.put("garbage", "%%%");
        String valid = token("somchai", "FUND_ADMIN");
        refused.put("unsigned", valid.substring(0, valid.lastIndexOf('.') + 1));
        refused.put("tampered", valid.substring(0, valid.length() - 4) + "AAAA");

        refused.forEach((why, token) -> {
            Response write = bearer.post("/api/v1/employers", token, Map.of("employerAccount", "5000000004", "name", "X"));
            Response read = bearer.get("/api/v1/ledger/trial-balance", token);
            for (Response answer : List.of(write, read)) {
                assertThat(answer.status()).as(why).isEqualTo(401);
                assertThat(answer.contentType()).as(why).startsWith("application/problem+json");
                assertThat(answer.json().path("status").asInt()).as(why).isEqualTo(401);
                assertThat(answer.json().path("type").asString()).as(why).endsWith("/problems/invalid-token");
                assertThat(answer.header("WWW-Authenticate")).as(why).contains("Bearer").contains("invalid_token");
            }
        });
        assertThat(eventCount()).isEqualTo(events);
        // the same claims, rightly signed, pass: the refusals above are the tokens', not the requests'
        assertThat(bearer.get("/api/v1/ledger/trial-balance", valid).status()).isEqualTo(200);
    }

    @Test
    void anIssuerOutOfReachIsAnUnavailableServiceNotABadToken() {
        // a key the service has not seen makes it fetch the key set again, and the issuer is down
        ISSUER.down(true);
        Response answer;
        try {
            answer = bearer.get("/api/v1/ledger/trial-balance",
                    ISSUER.withANewKey(LocalIssuer.claims("somchai", List.of("AUDITOR"))));
        } finally {
            ISSUER.down(false);
        }

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.json().path("type").asString()).endsWith("/problems/service-unavailable");
    }

    @Test
    void bearerTokensNeverMeetTheLoginThrottle() {
        // a flood of wrong passwords locks the Basic name...
        Response locked = null;
        for (int i = 0; i < 12; i++) {
            locked = api.get("/api/v1/ledger/trial-balance", "embassy-mmr", "wrong-" + i);
        }
        assertThat(locked.status()).isEqualTo(429);
        // ...but a token for the same name is not a password sign-in, and neither are bad tokens
        String token = ISSUER.token(LocalIssuer.claims("embassy-mmr", List.of("EMBASSY_OFFICER")).claim("nationality", "MMR"));
        assertThat(bearer.get("/api/v1/ledger/trial-balance", token).status()).isEqualTo(200);
        for (int i = 0; i < 12; i++) {
            String forged = ISSUER.forged(LocalIssuer.claims("claims-officer", List.of("CLAIMS_OFFICER")));
            assertThat(bearer.get("/api/v1/ledger/trial-balance", forged).status()).isEqualTo(401);
        }
        assertThat(api.get("/api/v1/ledger/trial-balance", "claims-officer", "claims-officer-pw").status()).isEqualTo(200);
    }

    @Test
    void basicUsersStillSignInAndAnonymousCallsAreOfferedBoth() {
        assertThat(api.get("/api/v1/ledger/trial-balance", AUDITOR, AUDITOR_PW).status()).isEqualTo(200);
        assertThat(admin("/api/v1/employers", Map.of("employerAccount", "5000000005", "name", "Basic Co")).status())
                .isEqualTo(201);
        Response embassy = api.get("/api/v1/test/signed-in-officer", EMBASSY, EMBASSY_PW);
        assertThat(embassy.json().path("limitedTo").asString()).isEqualTo("KHM");

        Response anonymous = api.get("/api/v1/ledger/trial-balance", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().allValues("WWW-Authenticate"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Basic"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(anonymous.json().path("type").asString()).endsWith("/problems/unauthenticated");
        assertThat(api.get("/api/v1/ledger/trial-balance", AUDITOR, "wrong").status()).isEqualTo(401);
    }
}

package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mekongledger.security.LocalIssuer;
import org.mekongledger.support.ApiTestBase;
import org.mekongledger.support.ConsoleSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an OIDC client registration configured, officers sign in to the console through the
 * identity provider (the authorization code flow, against this test's own provider) and are the
 * same officers as with a password: roles and the nationality an embassy officer acts for come from
 * the ID token's claims, read as the API reads a bearer token's.
 */
class ConsoleOidcSignInTest extends ApiTestBase {

    private static final LocalIssuer PROVIDER = LocalIssuer.start();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.registration.console.client-id", () -> "mekong-ledger-console");
        registry.add("spring.security.oauth2.client.registration.console.client-secret", () -> "console-secret");
        registry.add("spring.security.oauth2.client.registration.console.scope", () -> "openid");
        registry.add("spring.security.oauth2.client.provider.console.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void anEmbassyOfficerSignsInThroughTheProviderAndSeesOnlyTheirNationals() throws Exception {
        String ours = registerWorker("MMR");
        String theirs = registerWorker("KHM");
        PROVIDER.signsIn(LocalIssuer.claims("aye.oidc", List.of("EMBASSY_OFFICER", "offline_access"))
                .claim("nationality", "mmr"));

        ConsoleSession officer = new ConsoleSession(port);
        assertThat(officer.get("/console/sign-in").body()).contains("id=\"oidc\"")
                .contains("href=\"/console/oauth2/authorization/console\"");
        assertThat(signIn(officer)).endsWith("/console/workers");

        HttpResponse<String> page = officer.get("/console/workers/" + ours);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("aye.oidc");
        assertThat(officer.get("/console/workers/" + theirs).statusCode()).isEqualTo(404);
        // the read is recorded under the provider's user name, as a password sign-in's would be
        assertThat(auditEntries("/api/v1/audit?workerId=" + ours)).anySatisfy(entry ->
                assertThat(entry.path("actor").asString()).isEqualTo("aye.oidc"));
    }

    @Test
    void noLedgerRoleOpensNothingAndAForgedSignInSignsNobodyIn() throws Exception {
        String worker = registerWorker("MMR");
        PROVIDER.signsIn(LocalIssuer.claims("no.roles", List.of("offline_access", "default-roles-test")));
        ConsoleSession nobody = new ConsoleSession(port);
        signIn(nobody);
        assertThat(nobody.get("/console/workers/" + worker).statusCode()).isEqualTo(403);

        PROVIDER.signsIn(LocalIssuer.claims("mallory", List.of("FUND_ADMIN")));
        PROVIDER.wrongNonce(true);
        try {
            ConsoleSession forged = new ConsoleSession(port);
            String refused = signIn(forged);
            assertThat(refused).contains("/console/sign-in?oidcFailed=invalid_nonce");
            assertThat(forged.get("/console/workers").statusCode()).isEqualTo(302);
            assertThat(forged.get(refused.replaceFirst("^https?://[^/]+", "")).body())
                    .contains("The identity provider did not sign you in.").contains("<code>invalid_nonce</code>");
        } finally {
            PROVIDER.wrongNonce(false);
        }
    }

    /** The browser's trip: the console, the provider's page, back with a code; where the console sends it then. */
    private String signIn(ConsoleSession browser) throws Exception {
        HttpResponse<String> start = browser.get("/console/oauth2/authorization/console");
        assertThat(start.statusCode()).isEqualTo(302);
        String atProvider = start.headers().firstValue("Location").orElseThrow();
        assertThat(atProvider).startsWith(PROVIDER.issuer()).contains("nonce=").contains("state=");
        HttpResponse<String> back = browser.getUrl(atProvider);
        assertThat(back.statusCode()).isEqualTo(302);
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).contains("/console/oauth2/code/console?code=");
        HttpResponse<String> done = browser.getUrl(callback);
        assertThat(done.statusCode()).isEqualTo(302);
        return done.headers().firstValue("Location").orElseThrow();
    }
}

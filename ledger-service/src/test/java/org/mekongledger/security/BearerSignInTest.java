package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** What the decoder checks, whichever of the issuer and the JWK set URI is configured. */
class BearerSignInTest {

    private static final LocalIssuer ISSUER = LocalIssuer.start();

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @Test
    void anIssuerAloneIsFoundThroughItsDiscoveryDocumentAndItsNameIsChecked() {
        JwtDecoder decoder = BearerSignIn.decoder(ISSUER.issuer(), null, "");

        assertThat(decoder.decode(ISSUER.token(LocalIssuer.claims("somchai", List.of("AUDITOR")))).getSubject()).isNotBlank();
        assertThatThrownBy(() -> decoder.decode(ISSUER.fromAnotherIssuer(LocalIssuer.claims("somchai", List.of("AUDITOR")))))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(ISSUER.forged(LocalIssuer.claims("somchai", List.of("AUDITOR")))))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void anIssuerThatIsDownWhenTheServiceStartsIsAskedAgainOnTheFirstToken() {
        // building the decoder asks nobody: the discovery document is fetched with the first token
        JwtDecoder decoder = BearerSignIn.decoder("http://127.0.0.1:1/realms/down", null, "");

        assertThat(decoder).isNotNull();
    }

    @Test
    void keysOutOfReachAreTheIssuersFaultNotTheTokens() {
        // nothing listens on port 1: the token may be good, but nobody can tell
        for (JwtDecoder decoder : List.of(BearerSignIn.decoder(null, "http://127.0.0.1:1/certs", ""),
                BearerSignIn.decoder("http://127.0.0.1:1/realms/down", null, ""))) {
            BearerSignIn signIn = new BearerSignIn(decoder, new OfficerClaims(new OidcSettings("realm_access.roles",
                    "nationality", "preferred_username", "")));

            assertThatThrownBy(() -> signIn.authenticationManager().authenticate(new BearerTokenAuthenticationToken(
                    ISSUER.token(LocalIssuer.claims("somchai", List.of("AUDITOR"))))))
                    .isInstanceOf(IssuerUnreachable.class);
        }
    }

    @Test
    void aJwkSetUriWithoutAnIssuerChecksSignatureAndTimeButNotTheIssuersName() {
        JwtDecoder decoder = BearerSignIn.decoder(null, ISSUER.jwkSetUri(), "");

        assertThat(decoder.decode(ISSUER.fromAnotherIssuer(LocalIssuer.claims("somchai", List.of("AUDITOR"))))).isNotNull();
        assertThatThrownBy(() -> decoder.decode(ISSUER.forged(LocalIssuer.claims("somchai", List.of("AUDITOR")))))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void expiryIsCheckedWithSixtySecondsOfClockSkew() {
        JwtDecoder decoder = BearerSignIn.decoder(ISSUER.issuer(), ISSUER.jwkSetUri(), LocalIssuer.AUDIENCE);
        Instant now = Instant.now();

        assertThat(decoder.decode(ISSUER.token(LocalIssuer.claims("somchai", List.of("AUDITOR"))
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(30)))))).isNotNull();
        assertThatThrownBy(() -> decoder.decode(ISSUER.token(LocalIssuer.claims("somchai", List.of("AUDITOR"))
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(90))))))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aConfiguredAudienceMustBeNamed() {
        JwtDecoder decoder = BearerSignIn.decoder(ISSUER.issuer(), ISSUER.jwkSetUri(), LocalIssuer.AUDIENCE);

        assertThat(decoder.decode(ISSUER.token(LocalIssuer.claims("somchai", List.of("AUDITOR"))
                .audience(List.of("account", LocalIssuer.AUDIENCE))))).isNotNull();
        assertThatThrownBy(() -> decoder.decode(ISSUER.token(LocalIssuer.claims("somchai", List.of("AUDITOR"))
                .audience("account")))).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(ISSUER.token(LocalIssuer.claims("somchai", List.of("AUDITOR"))
                .audience((String) null)))).isInstanceOf(BadJwtException.class);
    }
}

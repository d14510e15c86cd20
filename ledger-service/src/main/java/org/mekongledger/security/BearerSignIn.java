package org.mekongledger.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.util.StringUtils;

/**
 * Sign-in with a bearer token from the OIDC issuer. Its authentication manager knows tokens only:
 * a bearer token never reaches the password check, its cache or the login throttle, which stay
 * HTTP Basic's.
 */
final class BearerSignIn {

    private final AuthenticationManager authenticationManager;

    BearerSignIn(JwtDecoder decoder, OfficerClaims claims) {
        JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
        tokens.setJwtAuthenticationConverter(new OfficerTokens(claims));
        ProviderManager manager = new ProviderManager(tokens);
        this.authenticationManager = request -> {
            try {
                return manager.authenticate(request);
            } catch (AuthenticationServiceException | JwtDecoderInitializationException unreachable) {
                // keys or discovery document out of reach: not the token's fault (Spring would answer 500)
                throw new IssuerUnreachable(unreachable);
            }
        };
    }

    AuthenticationManager authenticationManager() {
        return authenticationManager;
    }

    /**
     * The decoder for the configured issuer. With a JWK set URI the keys come from there and the
     * issuer, when also given, is checked against {@code iss} (so the service may reach the issuer
     * by an inner address while tokens name its public one). With the issuer alone its keys are
     * found through its discovery document, on the first token, so the service starts while the
     * issuer is still down. Always checked: the signature, {@code exp} and {@code nbf} (60 s clock
     * skew, Spring's default), the issuer when given, the audience when configured.
     */
    static JwtDecoder decoder(String issuerUri, String jwkSetUri, String audience) {
        boolean issuer = StringUtils.hasText(issuerUri);
        OAuth2TokenValidator<Jwt> validator = validator(issuer ? issuerUri : null, audience);
        if (StringUtils.hasText(jwkSetUri)) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (!issuer) {
            throw new IllegalArgumentException("an issuer URI or a JWK set URI is needed");
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuerUri, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(issuerUri == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuerUri));
        if (StringUtils.hasText(audience)) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}

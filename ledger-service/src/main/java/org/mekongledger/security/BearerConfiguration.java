package org.mekongledger.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Present only with an OIDC issuer or JWK set URI configured: then the API also accepts bearer
 * tokens (SecurityConfiguration). Our decoder replaces Spring Boot's, which would not check the
 * audience setting of {@link OidcSettings}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnOidcIssuer.class)
class BearerConfiguration {

    @Bean
    JwtDecoder jwtDecoder(Environment environment, OidcSettings settings) {
        return BearerSignIn.decoder(environment.getProperty(OnOidcIssuer.ISSUER_URI),
                environment.getProperty(OnOidcIssuer.JWK_SET_URI), settings.audience());
    }

    @Bean
    BearerSignIn bearerSignIn(JwtDecoder jwtDecoder, OfficerClaims claims) {
        return new BearerSignIn(jwtDecoder, claims);
    }
}

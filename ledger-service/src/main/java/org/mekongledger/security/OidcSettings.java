package org.mekongledger.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.security.oidc}: where a bearer token from the identity provider carries what the
 * ledger needs. Used only when an issuer or JWK set URI is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}).
 *
 * @param rolesClaim       path of the roles, dots between nested objects ({@code realm_access.roles} in Keycloak);
 *                         only the six ledger role names count, anything else there is ignored
 * @param nationalityClaim the nationality an embassy officer acts for (ISO 3166-1 alpha-3)
 * @param nameClaim        the signed-in name recorded as the actor; the subject ({@code sub}) when the token lacks it
 * @param audience         when not blank, a token must name it in {@code aud}
 */
@ConfigurationProperties(prefix = "ledger.security.oidc")
record OidcSettings(String rolesClaim, String nationalityClaim, String nameClaim, String audience) {
}

package org.mekongledger.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A validated bearer token as the officer it speaks for, read by {@link OfficerClaims}. */
final class OfficerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OfficerClaims claims;

    OfficerTokens(OfficerClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        // every action is recorded with its actor: a token that names nobody signs nobody in
        String name = claims.name(jwt.getClaims()).orElseThrow(() -> new InvalidBearerTokenException("The token names no user"));
        return new OfficerToken(jwt, claims.authorities(jwt.getClaims()), name, claims.nationality(jwt.getClaims()));
    }
}

package org.mekongledger.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A signed-in bearer token: its name, the ledger roles it carries and an embassy officer's nationality. */
final class OfficerToken extends JwtAuthenticationToken implements Officer.ActsForNationals {

    private final String nationality;

    OfficerToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name, String nationality) {
        super(jwt, authorities, name);
        this.nationality = nationality;
    }

    @Override
    public String nationality() {
        return nationality;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && other instanceof OfficerToken token
                && java.util.Objects.equals(nationality, token.nationality);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

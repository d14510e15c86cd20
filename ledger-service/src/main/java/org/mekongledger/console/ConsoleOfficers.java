package org.mekongledger.console;

import java.util.Map;

import org.mekongledger.security.Officer;
import org.mekongledger.security.OfficerClaims;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An officer signed in to the console through the identity provider: the ID token's claims (and
 * the user-info endpoint's, when the provider has one) read as the API reads a bearer token's, so
 * roles and the nationality an embassy officer acts for are the same whichever way they sign in.
 */
class ConsoleOfficers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final OfficerClaims claims;

    ConsoleOfficers(OfficerClaims claims) {
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Map<String, Object> said = user.getClaims();
        // every action is recorded with its actor: claims that name nobody sign nobody in
        if (claims.name(said).isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "The token names no user", null));
        }
        String nameClaim = said.get(claims.nameClaim()) instanceof String ? claims.nameClaim() : "sub";
        return new ConsoleOfficer(user, claims, nameClaim);
    }

    /** The provider's user with the ledger's roles as authorities and the nationality it acts for. */
    static final class ConsoleOfficer extends DefaultOidcUser implements Officer.ActsForNationals {

        private final String nationality;

        ConsoleOfficer(OidcUser user, OfficerClaims claims, String nameClaim) {
            super(claims.authorities(user.getClaims()), user.getIdToken(), user.getUserInfo(), nameClaim);
            this.nationality = claims.nationality(user.getClaims());
        }

        @Override
        public String nationality() {
            return nationality;
        }
    }
}

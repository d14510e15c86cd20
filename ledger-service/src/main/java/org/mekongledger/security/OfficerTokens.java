package org.mekongledger.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.mekongledger.security.LedgerUsers.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.util.StringUtils;

/**
 * Reads who a validated token speaks for from the claims the settings name. Only the six ledger
 * roles count: an identity provider's own roles (offline_access, default-roles-..., a client's
 * roles) give nothing. A nationality that is not three letters counts as none, so an embassy
 * officer with a garbled one sees nobody rather than everybody.
 */
final class OfficerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}");

    private final List<String> rolesPath;
    private final String nationalityClaim;
    private final String nameClaim;

    OfficerTokens(OidcSettings settings) {
        this.rolesPath = List.of(settings.rolesClaim().split("\\."));
        this.nationalityClaim = settings.nationalityClaim();
        this.nameClaim = settings.nameClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(rolesOf(jwt.getClaims()))) {
            Role.named(value).ifPresent(roles::add);
        }
        List<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new OfficerToken(jwt, authorities, nameOf(jwt), nationalityOf(jwt));
    }

    private Object rolesOf(Map<String, Object> claims) {
        Object node = claims;
        for (String step : rolesPath) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }

    /** A list of names, or one name, or names separated by blanks (as OAuth scopes are written). */
    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (claim instanceof String value) {
            return List.of(value.trim().split("\\s+"));
        }
        return List.of();
    }

    /** Every action is recorded with its actor: a token that names nobody signs nobody in. */
    private String nameOf(Jwt jwt) {
        String name = jwt.getClaimAsString(nameClaim);
        if (!StringUtils.hasText(name)) {
            name = jwt.getClaimAsString(JwtClaimNames.SUB);
        }
        if (!StringUtils.hasText(name)) {
            throw new InvalidBearerTokenException("The token names no user");
        }
        return name;
    }

    private String nationalityOf(Jwt jwt) {
        Object claim = jwt.getClaims().get(nationalityClaim);
        // a multivalued user attribute arrives as a list: one value is a nationality, several are none
        if (claim instanceof Collection<?> values && values.size() == 1) {
            claim = values.iterator().next();
        }
        if (!(claim instanceof String value)) {
            return null;
        }
        String nationality = value.trim().toUpperCase(Locale.ROOT);
        return NATIONALITY.matcher(nationality).matches() ? nationality : null;
    }
}

package org.mekongledger.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.mekongledger.security.LedgerUsers.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Who the identity provider's claims speak for, read where {@code ledger.security.oidc} says: the
 * API's bearer tokens and the console's OIDC sign-in read them the same way. Only the six ledger
 * roles count: an identity provider's own roles (offline_access, default-roles-..., a client's
 * roles) give nothing. A nationality that is not three letters counts as none, so an embassy
 * officer with a garbled one sees nobody rather than everybody.
 */
@Component
public class OfficerClaims {

    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}");

    private final List<String> rolesPath;
    private final String nationalityClaim;
    private final String nameClaim;

    OfficerClaims(OidcSettings settings) {
        this.rolesPath = List.of(settings.rolesClaim().split("\\."));
        this.nationalityClaim = settings.nationalityClaim();
        this.nameClaim = settings.nameClaim();
    }

    /** The ledger roles named, as authorities ({@code ROLE_APPROVER}, ...). */
    public List<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(rolesOf(claims))) {
            Role.named(value).ifPresent(roles::add);
        }
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    /** The claim that names the user, for {@code getName()}: the configured one. */
    public String nameClaim() {
        return nameClaim;
    }

    /** The signed-in name, else the subject; empty when the claims name nobody (who then signs nobody in). */
    public Optional<String> name(Map<String, Object> claims) {
        for (String claim : List.of(nameClaim, "sub")) {
            if (claims.get(claim) instanceof String name && StringUtils.hasText(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    public String nationality(Map<String, Object> claims) {
        Object claim = claims.get(nationalityClaim);
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
}

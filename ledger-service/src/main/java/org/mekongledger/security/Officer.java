package org.mekongledger.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.mekongledger.security.LedgerUsers.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is signed in: a name, roles, and for an embassy officer the nationality they act for. Every
 * way of signing in (HTTP Basic, a bearer token) yields one.
 */
public record Officer(String name, Set<Role> roles, String nationality) {

    /** Matches no worker: an embassy officer without a nationality sees nobody, never everybody. */
    private static final String NOBODY = "";

    public Officer {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The officer of the current request; fails if nobody is signed in (every /api call is authenticated). */
    public static Officer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no signed-in user on this thread");
        }
        return of(authentication);
    }

    static Officer of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Role.named(name.substring("ROLE_".length())).ifPresent(roles::add);
            }
        }
        // a Basic user's principal carries it; a bearer token's authentication does (its principal is the token)
        String nationality = authentication instanceof ActsForNationals token ? token.nationality()
                : authentication.getPrincipal() instanceof ActsForNationals national ? national.nationality() : null;
        return new Officer(authentication.getName(), roles, nationality);
    }

    /**
     * The nationality whose workers alone this officer may see and act for; empty for an officer
     * who sees every worker. Holding EMBASSY_OFFICER limits, whatever other role is held.
     */
    public Optional<String> limitedTo() {
        if (!roles.contains(Role.EMBASSY_OFFICER)) {
            return Optional.empty();
        }
        return Optional.of(nationality == null || nationality.isBlank() ? NOBODY : nationality);
    }

    /** Whether this officer may see a worker of the given nationality. */
    public boolean sees(String workerNationality) {
        return limitedTo().map(limit -> limit.equals(workerNationality)).orElse(true);
    }

    /** A principal, or an authentication, that carries the nationality its user acts for. */
    public interface ActsForNationals {
        String nationality();
    }
}

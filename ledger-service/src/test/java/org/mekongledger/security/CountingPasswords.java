package org.mekongledger.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Stands in for the bcrypt check: accepts the password "s3cret" with one role, and counts how often
 * the real password check runs.
 */
final class CountingPasswords implements AuthenticationProvider {

    static final String PASSWORD = "s3cret";

    private final AtomicInteger checks = new AtomicInteger();
    private final String role;

    CountingPasswords(String role) {
        this.role = role;
    }

    /** How many password checks ran. */
    AtomicInteger checks() {
        return checks;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        checks.incrementAndGet();
        if (!PASSWORD.equals(request.getCredentials())) {
            throw new BadCredentialsException("bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                AuthorityUtils.createAuthorityList(role));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return true;
    }
}

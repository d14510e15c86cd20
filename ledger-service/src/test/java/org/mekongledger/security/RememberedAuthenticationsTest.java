package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class RememberedAuthenticationsTest {

    private final AtomicInteger checks = new AtomicInteger();
    /** Stands in for the bcrypt check: counts how often the real password check runs. */
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (!"s3cret".equals(request.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_FUND_ADMIN"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    @Test
    void aSuccessfulCheckIsRememberedForAWhileThenMadeAgain() {
        MutableClock clock = new MutableClock();
        RememberedAuthentications remembered = new RememberedAuthentications(passwords, Duration.ofMinutes(5), clock);

        remembered.authenticate(login("admin", "s3cret"));
        remembered.authenticate(login("admin", "s3cret"));
        assertThat(checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        remembered.authenticate(login("admin", "s3cret"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverRememberedNorLetThroughByAnEarlierSuccess() {
        RememberedAuthentications remembered = new RememberedAuthentications(passwords, Duration.ofMinutes(5),
                new MutableClock());
        remembered.authenticate(login("admin", "s3cret"));

        assertThatThrownBy(() -> remembered.authenticate(login("admin", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> remembered.authenticate(login("admin", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

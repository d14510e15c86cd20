package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class LoginThrottleTest {

    private final CountingPasswords passwords = new CountingPasswords("ROLE_AUDITOR");
    private final AtomicInteger checks = passwords.checks();
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(passwords,
            new LoginThrottleSettings(3, Duration.ofMinutes(5)), clock);

    @Test
    void afterTheLimitANameIsRefusedWithoutCheckingThePasswordUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttle.authenticate(login("admin", "guess"))).isInstanceOf(BadCredentialsException.class);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(1));

        assertThatThrownBy(() -> throttle.authenticate(login("admin", "guess")))
                .isInstanceOfSatisfying(LoginThrottled.class,
                        throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo(4 * 60));
        // even the right password is not checked while the name is throttled
        assertThatThrownBy(() -> throttle.authenticate(login("ADMIN", "s3cret"))).isInstanceOf(LoginThrottled.class);
        assertThat(checks).hasValue(3);

        // the window runs from the first failure and is not extended by refusals
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.authenticate(login("admin", "s3cret")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(4);
    }

    @Test
    void otherNamesAreNotAffectedAndARightPasswordEndsTheCount() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttle.authenticate(login("admin", "guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.authenticate(login("auditor", "s3cret")).isAuthenticated()).isTrue();

        assertThatThrownBy(() -> throttle.authenticate(login("auditor", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> throttle.authenticate(login("auditor", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(throttle.authenticate(login("auditor", "s3cret")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> throttle.authenticate(login("auditor", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> throttle.authenticate(login("auditor", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(throttle.authenticate(login("auditor", "s3cret")).isAuthenticated()).as("count restarted").isTrue();
    }

    @Test
    void aNameIsCountedWhateverItsLetterCase() {
        assertThatThrownBy(() -> throttle.authenticate(login("admin", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> throttle.authenticate(login("Admin", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> throttle.authenticate(login("ADMIN", "guess"))).isInstanceOf(BadCredentialsException.class);

        assertThatThrownBy(() -> throttle.authenticate(login("aDmIn", "guess"))).isInstanceOf(LoginThrottled.class);
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
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

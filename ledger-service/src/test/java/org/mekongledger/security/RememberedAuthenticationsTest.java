package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RememberedAuthenticationsTest {

    private final CountingPasswords passwords = new CountingPasswords("ROLE_FUND_ADMIN");
    private final AtomicInteger checks = passwords.checks();

    @Test
    void aSuccessfulCheckIsRememberedForAWhileThenMadeAgain() {
        MutableClock clock = new MutableClock();
        RememberedAuthentications remembered = new RememberedAuthentications(passwords, Duration.ofMinutes(5), 100, clock);

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
                100, new MutableClock());
        remembered.authenticate(login("admin", "s3cret"));

        assertThatThrownBy(() -> remembered.authenticate(login("admin", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> remembered.authenticate(login("admin", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void rememberedLoginsAreKeyedByAnHmacUnderAKeyOfThisProcessNotByAPlainDigest() throws Exception {
        RememberedAuthentications one = new RememberedAuthentications(passwords, Duration.ofMinutes(5), 100,
                new MutableClock());
        RememberedAuthentications another = new RememberedAuthentications(passwords, Duration.ofMinutes(5), 100,
                new MutableClock());

        String key = one.keyOf("admin", "s3cret");
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("admin\u0000s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(key).hasSize(64).isEqualTo(one.keyOf("admin", "s3cret")).isNotEqualTo(sha256);
        assertThat(another.keyOf("admin", "s3cret")).as("a fresh random key per process").isNotEqualTo(key);
        assertThat(key).doesNotContain("s3cret");
        // a name and password cannot pose as another pair by moving characters across the boundary
        assertThat(one.keyOf("admin\u0000", "s3cret")).isNotEqualTo(one.keyOf("admin", "\u0000s3cret"));
    }

    @Test
    void holdsAtMostItsBoundOfRememberedLogins() {
        RememberedAuthentications remembered = new RememberedAuthentications(passwords, Duration.ofMinutes(5), 100,
                new MutableClock());

        for (int i = 0; i < 1_000; i++) {
            remembered.authenticate(login("batch-client-" + i, "s3cret"));
        }

        assertThat(remembered.rememberedCount()).isLessThanOrEqualTo(100);
        assertThat(checks).hasValue(1_000);
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

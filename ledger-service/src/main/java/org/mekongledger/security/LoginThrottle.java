package org.mekongledger.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * A flood of wrong passwords for one user name must not hold the request threads and the cores
 * with bcrypt checks. Counts wrong passwords per user name in a window that starts with the first
 * one; after {@code maxFailures} the name is refused ({@link LoginThrottled}, answered 429) until
 * the window ends, without checking the password. So a flood costs at most {@code maxFailures}
 * checks per name and window (plus those already running when the limit is reached), and other
 * users' requests wait for no more than those. A correct password ends the count.
 */
class LoginThrottle implements AuthenticationProvider {

    /** Names counted at once; beyond that Caffeine drops the least used counts. */
    static final long MAX_NAMES = 10_000;
    /** User names are compared case-insensitively, as the user store does; longer ones are cut. */
    private static final int MAX_NAME_LENGTH = 128;

    private record Failures(AtomicInteger count, long windowEndsMillis) {
    }

    private final AuthenticationProvider delegate;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    LoginThrottle(AuthenticationProvider delegate, LoginThrottleSettings settings, Clock clock) {
        this.delegate = delegate;
        this.maxFailures = settings.maxFailures();
        this.window = settings.window();
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(MAX_NAMES)
                // the window is fixed from the first failure: later failures do not extend it
                .expireAfter(Expiry.<String, Failures>creating((name, count) -> window))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = nameOf(request);
        Failures counted = failures.getIfPresent(name);
        long now = clock.millis();
        if (counted != null && counted.count().get() >= maxFailures && now < counted.windowEndsMillis()) {
            throw new LoginThrottled(Duration.ofMillis(counted.windowEndsMillis() - now));
        }
        try {
            Authentication result = delegate.authenticate(request);
            failures.invalidate(name);
            return result;
        } catch (BadCredentialsException wrong) {
            long windowEnds = now + window.toMillis();
            failures.get(name, first -> new Failures(new AtomicInteger(), windowEnds)).count().incrementAndGet();
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String nameOf(Authentication request) {
        String name = String.valueOf(request.getName()).toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }
}

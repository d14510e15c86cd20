package org.mekongledger.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (tens of ms).
 * Remembers a successful check for a short while (bounded, expiring after write), keyed by an
 * HMAC-SHA256 of the credentials under a random key made when the process starts: never the
 * password itself, and no digest that could be checked against guesses outside this process.
 */
class RememberedAuthentications implements AuthenticationProvider {

    private static final String HMAC = "HmacSHA256";
    private final AuthenticationProvider delegate;
    private final SecretKeySpec key;
    private final Cache<String, Authentication> remembered;

    RememberedAuthentications(AuthenticationProvider delegate, Duration ttl, long maxEntries, Clock clock) {
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.remembered = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String key = keyOf(request.getName(), String.valueOf(request.getCredentials()));
        Authentication hit = remembered.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            remembered.put(key, result);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The user name is length-prefixed, so no name and password pair can pose as another. */
    String keyOf(String name, String password) {
        byte[] user = name.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(ByteBuffer.allocate(4).putInt(user.length).array());
            mac.update(user);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    long rememberedCount() {
        remembered.cleanUp();
        return remembered.estimatedSize();
    }
}

package org.mekongledger.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.security.login-throttle}: after {@code maxFailures} wrong passwords for one user
 * name within {@code window} (counted from the first), that name is answered 429 until the window ends.
 */
@ConfigurationProperties(prefix = "ledger.security.login-throttle")
record LoginThrottleSettings(int maxFailures, Duration window) {
}

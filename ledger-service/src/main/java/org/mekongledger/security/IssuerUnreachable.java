package org.mekongledger.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider's keys could not be fetched, so a bearer token can be neither accepted nor
 * refused: answered 503 with Retry-After (the client's token may well be good), never 401 or 500.
 */
class IssuerUnreachable extends AuthenticationException {

    /** Long enough for a restarting identity provider, short enough not to strand a user. */
    static final long RETRY_AFTER_SECONDS = 5;

    IssuerUnreachable(Throwable cause) {
        super("The identity provider cannot be reached", cause);
    }
}

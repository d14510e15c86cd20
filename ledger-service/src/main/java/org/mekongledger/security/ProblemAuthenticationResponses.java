package org.mekongledger.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mekongledger.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403, 429 and (identity provider out of reach) 503 as problem+json like every other refusal. */
class ProblemAuthenticationResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;
    private final boolean bearerTokens;

    /** {@code bearerTokens}: whether an OIDC issuer is configured, so a 401 offers bearer sign-in too. */
    ProblemAuthenticationResponses(ProblemWriter problems, boolean bearerTokens) {
        this.problems = problems;
        this.bearerTokens = bearerTokens;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottled throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            problems.write(response, ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "Too many requests", "Too many failed sign-ins for this user name; retry after "
                            + throttled.retryAfterSeconds() + " s."));
            return;
        }
        if (failure instanceof IssuerUnreachable) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(IssuerUnreachable.RETRY_AFTER_SECONDS));
            problems.write(response, ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", "The identity provider's keys cannot be fetched just now, so the bearer "
                            + "token cannot be checked. Retry after " + IssuerUnreachable.RETRY_AFTER_SECONDS + " s."));
            return;
        }
        if (failure instanceof OAuth2AuthenticationException) {
            // expired, not yet valid, wrongly signed, another issuer or audience, malformed: the reason
            // is not told (RFC 6750 allows that), so a forger learns nothing about what was checked
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"mekong-ledger\", error=\"invalid_token\"");
            problems.write(response, ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
                    "The bearer token was refused: it is malformed or expired, or not issued and signed for this "
                            + "service by the configured identity provider."));
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mekong-ledger\"");
        if (bearerTokens) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mekong-ledger\"");
        }
        problems.write(response, ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                bearerTokens ? "Sign in with a bearer token from the identity provider, or with a user name and "
                        + "password (HTTP Basic)." : "Sign in with a user name and password (HTTP Basic)."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, ProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role may not do this."));
    }
}

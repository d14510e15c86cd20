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
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 as problem+json like every other refusal, built as Spring's ProblemDetail. */
class ProblemAuthenticationResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemAuthenticationResponses(ProblemWriter problems) {
        this.problems = problems;
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
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mekong-ledger\"");
        problems.write(response, ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "Sign in with a user name and password (HTTP Basic)."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, ProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role may not do this."));
    }
}

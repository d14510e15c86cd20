package org.mekongledger.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The answer while the database is out of reach: 503 {@code service-unavailable} with {@code Retry-After},
 * so a client retries (with its Idempotency-Key) instead of treating the request as refused.
 */
@Component
public class ServiceUnavailable {

    private final String retryAfterSeconds;
    private final ProblemWriter problems;

    ServiceUnavailable(WebSettings settings, ProblemWriter problems) {
        this.retryAfterSeconds = Long.toString(Math.max(1, settings.db().unavailableRetryAfter().toSeconds()));
        this.problems = problems;
    }

    ProblemDetail problem() {
        return ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The database cannot be reached just now. Retry after " + retryAfterSeconds
                        + " s with the same Idempotency-Key: a change is recorded wholly or not at all.");
    }

    ResponseEntity<Object> entity() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem());
    }

    void write(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        problems.write(response, problem());
    }
}

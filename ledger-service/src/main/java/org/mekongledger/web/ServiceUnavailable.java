package org.mekongledger.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The answer while the database is out of reach: 503 {@code service-unavailable} with {@code Retry-After},
 * so a client retries (with its Idempotency-Key) instead of treating the request as refused.
 */
@Component
public class ServiceUnavailable {

    static final URI TYPE = URI.create("https://mekong-ledger.org/problems/service-unavailable");
    private final String retryAfterSeconds;
    private final JsonMapper json;

    ServiceUnavailable(@Value("${ledger.db.unavailable-retry-after}") Duration retryAfter, JsonMapper json) {
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
        this.json = json;
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached just now. Retry after " + retryAfterSeconds
                        + " s with the same Idempotency-Key: a change is recorded wholly or not at all.");
        problem.setType(TYPE);
        problem.setTitle("Service unavailable");
        return problem;
    }

    ResponseEntity<Object> entity() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem());
    }

    void write(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem()));
    }
}

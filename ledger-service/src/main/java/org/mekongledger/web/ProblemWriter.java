package org.mekongledger.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem from a servlet filter, where no controller advice runs: the same RFC 9457
 * shape, serialised by the application's JSON mapper (which knows ProblemDetail's layout).
 */
public final class ProblemWriter {

    public static final String TYPES = "https://mekong-ledger.org/problems/";

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        // the mixin writes ProblemDetail's extra properties (errors) as members, as Spring MVC does
        this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    /** A problem that names the one field, parameter or header at fault. */
    public static ProblemDetail fieldProblem(HttpStatus status, String type, String title, String detail, String field) {
        ProblemDetail problem = problem(status, type, title, detail);
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", detail)));
        return problem;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = json.writeValueAsBytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}

package org.mekongledger.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a POST with an {@code Idempotency-Key} safe to retry: the same caller, key and request get
 * the first response again and nothing new is recorded; the same key with another request is
 * refused (422). A key is claimed before the request runs, so two concurrent retries cannot both
 * record; a claim left by a crash is taken over after {@link #ABANDONED_AFTER}.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final int MAX_KEY_LENGTH = 200;

    private record StoredResponse(String requestHash, Integer status, String contentType, byte[] body, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public IdempotencyFilter(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problem(response, 422, "Invalid request", "The Idempotency-Key must have 1 to 200 characters.", HEADER);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        String principal = principal();
        while (!claim(principal, key, hash)) {
            Optional<StoredResponse> stored = stored(principal, key);
            if (stored.isEmpty()) {
                continue; // the other claim was just given up; try again
            }
            StoredResponse first = stored.get();
            if (!first.requestHash().equals(hash)) {
                problem(response, 422, "Invalid request",
                        "This Idempotency-Key was already used with a different request.", HEADER);
                return;
            }
            if (first.status() != null) {
                replay(response, first);
                return;
            }
            if (first.createdAt().plus(ABANDONED_AFTER).isAfter(Instant.now())) {
                problem(response, 409, "Request in progress",
                        "A request with this Idempotency-Key is still being processed; retry later.", null);
                return;
            }
            release(principal, key);
        }
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorder);
        } catch (IOException | ServletException | RuntimeException failure) {
            release(principal, key);
            throw failure;
        }
        if (recorder.getStatus() >= 500) {
            release(principal, key);
        } else {
            jdbc.sql("update idempotency_record set status = ?, content_type = ?, body = ? where principal = ? and idem_key = ?")
                    .params(recorder.getStatus(), recorder.getContentType(), recorder.getContentAsByteArray(), principal, key)
                    .update();
        }
        recorder.copyBodyToResponse();
    }

    private boolean claim(String principal, String key, String hash) {
        return jdbc.sql("""
                        insert into idempotency_record (principal, idem_key, request_hash) values (?, ?, ?)
                        on conflict do nothing""")
                .params(principal, key, hash)
                .update() == 1;
    }

    private Optional<StoredResponse> stored(String principal, String key) {
        return jdbc.sql("""
                        select request_hash, status, content_type, body, created_at from idempotency_record
                        where principal = ? and idem_key = ?""")
                .params(principal, key)
                .query((row, n) -> new StoredResponse(row.getString("request_hash"),
                        (Integer) row.getObject("status"), row.getString("content_type"), row.getBytes("body"),
                        row.getTimestamp("created_at").toInstant()))
                .optional();
    }

    private void release(String principal, String key) {
        jdbc.sql("delete from idempotency_record where principal = ? and idem_key = ? and status is null")
                .params(principal, key).update();
    }

    private static void replay(HttpServletResponse response, StoredResponse first) throws IOException {
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        response.setHeader(REPLAYED, "true");
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail, String field)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String errors = field == null ? "" : ",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + detail + "\"}]";
        response.getWriter().write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"" + errors + "}");
    }

    private static String principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + ' ' + request.getRequestURI() + '\n').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Lets the rest of the chain read a body this filter has already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

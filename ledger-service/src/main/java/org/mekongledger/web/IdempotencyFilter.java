package org.mekongledger.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a POST with an {@code Idempotency-Key} safe to retry: the same caller, key and request get
 * the first response again and nothing new is recorded; the same key with another request is
 * refused (422).
 *
 * <p>The key's record commits in the same transaction as the change it guards: the request runs
 * inside one transaction that first claims the key, and each command joins it as a savepoint. A
 * crash at any point leaves either both or neither, so a retry either replays the stored answer or
 * runs for the first time. A concurrent request with the same key waits on the claim (up to
 * {@code ledger.idempotency.lock-timeout}) and then replays the answer, or is told 409
 * request-in-progress. The answer reaches the client only after the commit; a failed commit is a 503.
 * Answers that ask for a retry (5xx, anything with {@code Retry-After}) are not the key's answer:
 * their transaction rolls back, so the key stays free.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;
    /** PostgreSQL's lock_not_available: the first request with the key is still running. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private record StoredResponse(String requestHash, Integer status, String contentType, byte[] body) {
    }

    /** What the key's transaction ended with. */
    private sealed interface Outcome {
    }

    private record Replay(StoredResponse first) implements Outcome {
    }

    private record OtherRequest() implements Outcome {
    }

    private record Ran() implements Outcome {
    }

    /** Carries a checked failure of the filter chain through the transaction template. */
    private static final class ChainFailure extends RuntimeException {
        ChainFailure(Exception cause) {
            super(cause);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final long lockTimeoutMillis;
    private final ProblemWriter problems;
    private final ServiceUnavailable unavailable;

    public IdempotencyFilter(DataSource dataSource, PlatformTransactionManager transactionManager,
                             IdempotencySettings settings, ProblemWriter problems, ServiceUnavailable unavailable) {
        this.problems = problems;
        this.unavailable = unavailable;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.lockTimeoutMillis = Math.max(1, settings.lockTimeout().toMillis());
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
            problems.write(response, ProblemWriter.fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation",
                    "Invalid request", "The Idempotency-Key must have 1 to 200 characters.", HEADER));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        String principal = principal();
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transactions.execute(transaction -> once(transaction, principal, key, hash,
                    () -> chain.doFilter(new CachedBodyRequest(request, body), recorder), recorder));
        } catch (ChainFailure failure) {
            if (failure.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failure.getCause();
        } catch (RuntimeException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            response.reset(); // whatever the request answered was not committed
            if (hasSqlState(failure, LOCK_NOT_AVAILABLE)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(response, ProblemWriter.problem(HttpStatus.CONFLICT, "request-in-progress",
                        "Request in progress",
                        "A request with this Idempotency-Key is still being processed; retry later."));
            } else {
                log.warn("A keyed request could not be committed: {}", failure.getClass().getName());
                unavailable.write(response);
            }
            return;
        }
        if (outcome instanceof Replay replay) {
            replay(response, replay.first());
        } else if (outcome instanceof OtherRequest) {
            problems.write(response, ProblemWriter.fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation",
                    "Invalid request", "This Idempotency-Key was already used with a different request.", HEADER));
        } else {
            recorder.copyBodyToResponse();
        }
    }

    /** Everything between the claim and the stored answer, in one transaction. */
    private Outcome once(TransactionStatus transaction, String principal, String key, String hash, Chain chain,
                         ContentCachingResponseWrapper recorder) {
        // a concurrent request holding the key makes the claim wait, but not for ever
        jdbc.sql("set local lock_timeout = " + lockTimeoutMillis).update();
        while (!claim(principal, key, hash)) {
            Optional<StoredResponse> stored = stored(principal, key);
            if (stored.isEmpty()) {
                continue; // purged just now; claim again
            }
            StoredResponse first = stored.get();
            if (!first.requestHash().equals(hash)) {
                return new OtherRequest();
            }
            if (first.status() == null) {
                // left by the former scheme, which stored claims before the answer; V11 removed them
                throw new IllegalStateException("an idempotency claim without an answer");
            }
            return new Replay(first);
        }
        // the request's own statements (a filing's appends) wait as long as they need
        jdbc.sql("set local lock_timeout to default").update();
        try {
            chain.run();
        } catch (IOException | ServletException failure) {
            throw new ChainFailure(failure);
        }
        if (recorder.getStatus() >= 500 || recorder.getHeader(HttpHeaders.RETRY_AFTER) != null) {
            transaction.setRollbackOnly(); // not the key's answer: a retry runs the request anew
        } else {
            jdbc.sql("update idempotency_record set status = ?, content_type = ?, body = ? where principal = ? and idem_key = ?")
                    .params(recorder.getStatus(), recorder.getContentType(), recorder.getContentAsByteArray(), principal, key)
                    .update();
        }
        return new Ran();
    }

    @FunctionalInterface
    private interface Chain {
        void run() throws IOException, ServletException;
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
                        select request_hash, status, content_type, body from idempotency_record
                        where principal = ? and idem_key = ?""")
                .params(principal, key)
                .query((row, n) -> new StoredResponse(row.getString("request_hash"),
                        (Integer) row.getObject("status"), row.getString("content_type"), row.getBytes("body")))
                .optional();
    }

    private static boolean hasSqlState(Throwable failure, String state) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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

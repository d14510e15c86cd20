package org.mekongledger.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the configured size (413) before anything reads it whole: a declared
 * Content-Length is checked up front, and a chunked body fails as soon as it crosses the limit.
 * Runs before Spring Security and the idempotency filter, which reads bodies into memory.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    /** Raised by the guarded stream; whoever reads the body sees an I/O failure carrying it. */
    public static final class PayloadTooLarge extends IOException {
        PayloadTooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final ProblemWriter problems;

    public RequestSizeLimit(HttpLimits limits, ProblemWriter problems) {
        this.limit = limits.maxRequestBytes().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!isTooLarge(failure) || response.isCommitted()) {
                throw failure;
            }
            response.resetBuffer();
            refuse(response);
        }
    }

    public static boolean isTooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail tooLarge(long limit) {
        return ProblemWriter.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body is larger than " + limit + " bytes; nothing was recorded.");
    }

    private void refuse(HttpServletResponse response) throws IOException {
        // the rest of the body is not read: close the connection rather than swallow it
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(response, tooLarge(limit));
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream body;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLarge {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}

package org.mekongledger.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mekongledger.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A path the firewall refuses (";", encoded dots or slashes, "//") is the client's mistake: 400,
 * answered before authentication, so valid credentials never turn it into a 401.
 */
class MalformedRequests implements RequestRejectedHandler {

    private final ProblemWriter problems;

    MalformedRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        // the rejection message quotes the path, which may carry personal data: not echoed, not logged
        problems.write(response, ProblemWriter.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request path or headers are not in a form this service accepts (for example ';', "
                        + "encoded '.' or '/', or '//'); nothing was recorded."));
    }
}

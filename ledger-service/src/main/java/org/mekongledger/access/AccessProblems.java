package org.mekongledger.access;

import org.mekongledger.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A step beyond an embassy officer's mandate as the same 403 problem the URL matrix answers.
 * Ordered first: the general advice's catch-all would otherwise answer it with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessProblems {

    @ExceptionHandler(BeyondEmbassyMandate.class)
    ProblemDetail beyondMandate(BeyondEmbassyMandate refusal) {
        return ProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", refusal.getMessage());
    }
}

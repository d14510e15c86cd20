package org.mekongledger.console;

import org.mekongledger.api.UnknownRecord;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The console's header and its "not found" page for the statement's pages, as the worker's page has
 * them: before the API's problem+json answers, which are for /api.
 */
@ControllerAdvice(assignableTypes = {ConsoleStatementController.class, StatementScanController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatementPagesAdvice {

    /** Who is signed in, for the header. */
    @ModelAttribute("officerName")
    String officerName() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken ? null : who.getName();
    }

    /** "Not yours" and "no such worker" are one page, as in the API. */
    @ExceptionHandler(UnknownRecord.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "console/not-found";
    }
}

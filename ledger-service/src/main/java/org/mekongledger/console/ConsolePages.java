package org.mekongledger.console;

import org.mekongledger.api.UnknownRecord;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every console page shares: who is signed in, for the header (and its sign-out form, which
 * carries the CSRF token), and one "not found" page. Ordered before the API's problem+json advice,
 * which would otherwise answer a console page with JSON; the statement's API controller, in this
 * package too, is not a {@link ConsolePage} and keeps problem+json.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePages {

    /** Who is signed in, for the header; null on the sign-in page. */
    @ModelAttribute("officerName")
    String officerName() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken ? null : who.getName();
    }

    /** An address with a parameter that is not one (page=abc): said as a page, not as the API's problem+json. */
    @ExceptionHandler({org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Model model) {
        return notice(model, "badRequest");
    }

    /** "Not yours" and "no such record" are one page, as in the API. */
    @ExceptionHandler(UnknownRecord.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return notice(model, "notFound");
    }

    /** One page for both: the bundle's {@code <notice>.title} and {@code <notice>.text}. */
    private static String notice(Model model, String notice) {
        model.addAttribute("notice", notice);
        return "console/notice";
    }
}

package org.mekongledger.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal as RFC 9457 problem details, naming each offending field or line in {@code errors}.
 * Refusals are expected business outcomes: logged without request bodies (personal data).
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final URI VALIDATION = URI.create("https://mekong-ledger.org/problems/validation");
    static final URI CONFLICT = URI.create("https://mekong-ledger.org/problems/conflict");
    static final URI NOT_FOUND = URI.create("https://mekong-ledger.org/problems/not-found");
    private final ServiceUnavailable serviceUnavailable;

    ProblemResponses(ServiceUnavailable serviceUnavailable) {
        this.serviceUnavailable = serviceUnavailable;
    }

    @ExceptionHandler(RequestRefused.class)
    ProblemDetail refused(RequestRefused refusal) {
        return invalid("The request breaks " + refusal.violations().size() + " rule(s); nothing was recorded.",
                refusal.violations());
    }

    @ExceptionHandler({ConflictWithRecord.class})
    ProblemDetail conflict(RuntimeException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setType(CONFLICT);
        problem.setTitle("Conflicts with what is recorded");
        return problem;
    }

    /** A second stream for the same aggregate (the employer account is taken), or a lost race. */
    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    ProblemDetail duplicate(RuntimeException duplicate) {
        return conflict(new ConflictWithRecord("Already registered, or changed by someone else at the same time"));
    }

    @ExceptionHandler({UnknownRecord.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                missing instanceof UnknownRecord ? missing.getMessage() : "No such record");
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        return invalid("A parameter has a value of the wrong kind.",
                List.of(new Violation(mismatch.getName(), "not a valid value: " + mismatch.getValue())));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new Violation(error.getObjectName(), error.getDefaultMessage())));
        return problem(invalid("The request has " + violations.size() + " invalid field(s); nothing was recorded.",
                violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                violations.add(new Violation(parameterName(result.getMethodParameter()), error.getDefaultMessage()))));
        return problem(invalid("The request has invalid parameters; nothing was recorded.", violations));
    }

    /** Broken JSON is 400; well-formed JSON with a value of the wrong kind names the field with 422. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        DatabindException databind = databindCause(ex);
        if (databind != null && !databind.getPath().isEmpty()) {
            return problem(invalid("A field has a value of the wrong kind; nothing was recorded.",
                    List.of(new Violation(path(databind), "not a valid value here: " + firstLine(databind.getOriginalMessage())))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                cause instanceof JacksonException json ? "Malformed JSON: " + firstLine(json.getOriginalMessage())
                        : "The request body is missing or unreadable");
        problem.setTitle("Malformed request");
        return problem(problem);
    }

    private static DatabindException databindCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind) {
                return databind;
            }
        }
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure, WebRequest request) {
        // the database out of reach (however Spring, Hikari or Axon wrapped it) is no defect: retry later
        if (DatabaseUnavailable.causedBy(failure)) {
            log.warn("Database unavailable handling {}: {}", request.getDescription(false), causeTypes(failure));
            return serviceUnavailable.entity();
        }
        // exception messages can carry SQL parameters (names, document numbers): the types only,
        // the full chain at DEBUG for an operator who switches it on deliberately
        log.error("Unexpected failure handling {}: {}", request.getDescription(false), causeTypes(failure));
        log.debug("Unexpected failure in detail", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was recorded. The error is logged.");
        problem.setTitle("Internal error");
        return problem(problem);
    }

    private static String causeTypes(Throwable failure) {
        StringBuilder types = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!types.isEmpty()) {
                types.append(" <- ");
            }
            types.append(cause.getClass().getName());
            if (cause instanceof java.sql.SQLException sql) {
                types.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
        }
        return types.toString();
    }

    static ProblemDetail invalid(String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
        return problem;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        org.springframework.web.bind.annotation.RequestParam param =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        org.springframework.web.bind.annotation.RequestHeader header =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        return parameter.getParameterName();
    }

    /** JSON path in the form the API documents: lines[3].wage. */
    private static String path(DatabindException databind) {
        StringBuilder path = new StringBuilder();
        for (var reference : databind.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package org.mekongledger.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mekongledger.api.ClaimInWrongState;
import org.mekongledger.api.ClaimNoLongerPayable;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.axon.ConcurrentChangeConflict;
import org.mekongledger.axon.DatabaseUnavailable;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.SeparationOfDuties;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.ResponseEntity;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedMethod;
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
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal as RFC 9457 problem details, naming each offending field or line in {@code errors}.
 * Refusals are expected business outcomes: logged without request bodies (personal data).
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final URI VALIDATION = URI.create(ProblemWriter.TYPES + "validation");
    static final URI CONFLICT = URI.create(ProblemWriter.TYPES + "conflict");
    static final URI NOT_FOUND = URI.create(ProblemWriter.TYPES + "not-found");
    static final URI CONCURRENCY_CONFLICT = URI.create(ProblemWriter.TYPES + "concurrency-conflict");
    static final URI CLAIM_IN_WRONG_STATE = URI.create(ProblemWriter.TYPES + "claim-in-wrong-state");
    static final URI CLAIM_NO_LONGER_PAYABLE = URI.create(ProblemWriter.TYPES + "claim-no-longer-payable");
    static final URI SEPARATION_OF_DUTIES = URI.create(ProblemWriter.TYPES + "separation-of-duties");

    private final HttpLimits limits;
    private final ServiceUnavailable serviceUnavailable;

    ProblemResponses(HttpLimits limits, ServiceUnavailable serviceUnavailable) {
        this.limits = limits;
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

    /** The claim's state does not allow the step: the state is named for a client to act on. */
    @ExceptionHandler(ClaimInWrongState.class)
    ProblemDetail claimInWrongState(ClaimInWrongState conflict) {
        ProblemDetail problem = conflict(conflict);
        problem.setType(CLAIM_IN_WRONG_STATE);
        problem.setTitle("Not allowed in the claim's state");
        problem.setProperty("currentState", conflict.current().name());
        return problem;
    }

    /** Re-assessed at approval, the benefit is no longer payable: the engine's reason is the answer. */
    @ExceptionHandler(ClaimNoLongerPayable.class)
    ProblemDetail claimNoLongerPayable(ClaimNoLongerPayable conflict) {
        ProblemDetail problem = conflict(conflict);
        problem.setType(CLAIM_NO_LONGER_PAYABLE);
        problem.setTitle("No longer payable");
        problem.setProperty("reason", conflict.reason());
        return problem;
    }

    /** Maker-checker: the signed-in user may hold the role, but not for this record. */
    @ExceptionHandler(SeparationOfDuties.class)
    ProblemDetail separationOfDuties(SeparationOfDuties refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal.getMessage());
        problem.setType(SEPARATION_OF_DUTIES);
        problem.setTitle("Not by the same person");
        return problem;
    }

    /**
     * A step the signed-in user's role allows on the URL, refused further in for this record or
     * request (an embassy officer's mandate): the same 403 problem the URL rules answer.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException refusal) {
        return ProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", refusal.getMessage());
    }

    /** A second stream for the same aggregate: the employer account is taken. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail duplicate(RuntimeException duplicate) {
        return conflict(new ConflictWithRecord("Already registered"));
    }

    /**
     * Lost races with concurrent changes even after the service's own retries: nothing was recorded
     * and the same request (same Idempotency-Key) may be sent again; never stored as the key's answer.
     */
    @ExceptionHandler({ConcurrentChangeConflict.class, ConcurrencyException.class, LockAcquisitionFailedException.class})
    ResponseEntity<ProblemDetail> concurrencyConflict(RuntimeException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The records were changed by someone else at the same time; nothing was recorded. Retry the request.");
        problem.setType(CONCURRENCY_CONFLICT);
        problem.setTitle("Changed concurrently");
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
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

    /**
     * A query, path or header parameter outside the contract (the generated interfaces validate
     * them): 422 naming the parameter as the client sent it.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail parameterViolated(ConstraintViolationException violated) {
        List<Violation> violations = violated.getConstraintViolations().stream()
                .map(violation -> new Violation(parameterName(violation),
                        violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Pattern
                                ? explainPattern(violation.getInvalidValue(), violation.getMessage())
                                : violation.getMessage()))
                .sorted(java.util.Comparator.comparing(Violation::field))
                .toList();
        return invalid("The request has invalid parameters; nothing was recorded.", violations);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), "Pattern".equals(error.getCode())
                    ? explainPattern(error.getRejectedValue(), error.getDefaultMessage()) : error.getDefaultMessage()));
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
        if (RequestSizeLimit.isTooLarge(ex)) {
            // a chunked body crossed the limit while it was being read
            return problem(RequestSizeLimit.tooLarge(limits.maxRequestBytes().toBytes()));
        }
        Throwable cause = ex.getMostSpecificCause();
        StreamConstraintsException tooBig = causeOf(ex, StreamConstraintsException.class);
        if (tooBig != null) {
            return problem(invalid("The JSON document exceeds a read limit; nothing was recorded.",
                    List.of(new Violation(jsonPath(tooBig), firstLine(tooBig.getOriginalMessage())))));
        }
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

    /** A regular expression means little to a caller: say what is wrong with the value when it is plain. */
    private static String explainPattern(Object rejected, String message) {
        if (rejected instanceof String text) {
            int forbidden = text.codePoints().filter(ProblemResponses::forbiddenInText).findFirst().orElse(-1);
            if (forbidden >= 0) {
                return String.format("contains U+%04X; control and bidirectional-formatting characters are not allowed",
                        forbidden);
            }
            if (!text.isEmpty() && text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                return "must not be blank";
            }
        }
        return message;
    }

    private static boolean forbiddenInText(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE
                || codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Where in the document a stream limit was crossed, as lines[3].wage; "body" when unknown. */
    private static String jsonPath(JacksonException failure) {
        if (!failure.getPath().isEmpty()) {
            return path(failure);
        }
        if (failure.processor() instanceof tools.jackson.core.JsonParser parser) {
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (String segment : pointer.substring(1).split("/")) {
                    if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
                        path.append('[').append(segment).append(']');
                    } else {
                        path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
                    }
                }
                return path.toString();
            }
        }
        return "body";
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
            if (cause.getCause() == null && cause.getStackTrace().length > 0) {
                // where the root cause was thrown: code, never data, so an operator can find the defect
                StackTraceElement origin = cause.getStackTrace()[0];
                types.append(" at ").append(origin.getClassName()).append('.').append(origin.getMethodName())
                        .append(':').append(origin.getLineNumber());
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

    /** The HTTP name of the parameter a violation is about (Idempotency-Key, not idempotencyKey). */
    private static String parameterName(ConstraintViolation<?> violation) {
        String method = null;
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD) {
                method = node.getName();
            } else if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                name = node.getName();
                MethodParameter parameter = parameter(violation, method, node.as(Path.ParameterNode.class).getParameterIndex());
                if (parameter != null) {
                    name = parameterName(parameter);
                }
            } else if (node.getName() != null) {
                name = (name == null ? "" : name + ".") + node.getName();
            }
        }
        return name == null ? violation.getPropertyPath().toString() : name;
    }

    private static MethodParameter parameter(ConstraintViolation<?> violation, String method, int index) {
        Object[] arguments = violation.getExecutableParameters();
        if (method == null || arguments == null || violation.getRootBeanClass() == null) {
            return null;
        }
        for (java.lang.reflect.Method candidate : violation.getRootBeanClass().getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length
                    && index < arguments.length) {
                // the request annotations sit on the generated interface, which AnnotatedMethod merges in
                return new AnnotatedMethod(candidate).getMethodParameters()[index];
            }
        }
        return null;
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
        org.springframework.web.bind.annotation.PathVariable path =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        return parameter.getParameterName();
    }

    /** JSON path in the form the API documents: lines[3].wage. */
    private static String path(JacksonException databind) {
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

package org.clinicflow.platform.web;

import jakarta.validation.ConstraintViolationException;
import org.clinicflow.platform.rules.RefusedByRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every error a client can cause into an {@code application/problem+json} answer that says which field is wrong.
 * Details name fields and rules, never the values sent: those may be a patient's personal data.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final DatabaseRules databaseRules;

    public ProblemDetailsAdvice(DatabaseRules databaseRules) {
        this.databaseRules = databaseRules;
    }

    /** One entry per offending field, so a form can show each message beside its input. */
    public record FieldProblem(String field, String detail) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return problem(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (ex.getCause() instanceof StreamReadException) {
            return problem(ProblemType.MALFORMED_JSON, HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is not valid JSON.", List.of());
        }
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            var field = jackson.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            var errors = List.of(new FieldProblem(field, "has the wrong type or format"));
            return problem(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
        }
        return problem(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Unreadable request", "The request body could not be read.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        var name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        var errors = List.of(new FieldProblem(name, "has the wrong type or format"));
        return problem(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        var errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .toList();
        return problem(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        var errors = ex.problems().entrySet().stream()
                .map(problem -> new FieldProblem(problem.getKey(), problem.getValue()))
                .toList();
        var response = problem(ProblemType.RULE_BROKEN, HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", describe(errors), errors);
        if (response.getBody() instanceof ProblemDetail problem) {
            ex.properties().forEach(problem::setProperty);
        }
        return response;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(ProblemType.NOT_FOUND, HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        var response = problem(ProblemType.CONFLICT, HttpStatus.CONFLICT, "Conflict", ex.getMessage(), List.of());
        if (response.getBody() instanceof ProblemDetail problem) {
            ex.properties().forEach(problem::setProperty);
        }
        return response;
    }

    @ExceptionHandler(RefusedByRule.class)
    ResponseEntity<Object> refusedByRule(RefusedByRule ex) {
        var response = problem(ProblemType.CONFLICT, HttpStatus.CONFLICT, "Conflict", ex.getMessage(), List.of());
        if (response.getBody() instanceof ProblemDetail problem) {
            ex.properties().forEach(problem::setProperty);
            problem.setProperty("rule", ex.rule());
        }
        return response;
    }

    @ExceptionHandler(Versions.PreconditionException.class)
    ResponseEntity<Object> precondition(Versions.PreconditionException ex) {
        var status = HttpStatus.valueOf(ex.status());
        return problem(ProblemType.STALE_VERSION, status, status.getReasonPhrase(), ex.getMessage(), List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentEdit(OptimisticLockingFailureException ex) {
        // Someone else's edit committed between our read and our write: the same answer as a stale If-Match.
        return problem(ProblemType.STALE_VERSION, HttpStatus.PRECONDITION_FAILED, "Precondition Failed",
                "The resource has changed since you read it; read it again", List.of());
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> lockLost(PessimisticLockingFailureException ex) {
        // The database chose this request as the loser of a lock (a deadlock or a lock wait cut short); it changed
        // nothing, and the same request again normally goes through.
        log.info("Request lost a database lock: {}", ex.getMostSpecificCause().getClass().getSimpleName());
        return problem(ProblemType.TRY_AGAIN, HttpStatus.CONFLICT, "Conflict", "Another change got in the way; please try again.",
                List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        // The database guards the invariants Java also checks; losing a race to it is the client's news, not a fault.
        // The log names the rule only: the database's own detail quotes the row (a patient's id, their times).
        var broken = databaseRules.brokenBy(ex);
        if (broken.isEmpty()) {
            log.info("Request refused by the database: {}", ex.getMostSpecificCause().getClass().getSimpleName());
            return problem(ProblemType.CONFLICT, HttpStatus.CONFLICT, "Conflict", "The request conflicts with the current state.",
                    List.of());
        }
        var rule = broken.get();
        log.info("Request refused by database rule {}", rule.constraint());
        var errors = rule.field() == null ? List.<FieldProblem>of() : List.of(new FieldProblem(rule.field(),
                rule.detail()));
        var response = rule.conflict()
                ? problem(ProblemType.DATABASE_RULE, HttpStatus.CONFLICT, "Conflict", rule.detail(), errors)
                : problem(ProblemType.DATABASE_RULE, HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", rule.detail(), errors);
        if (response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("rule", rule.constraint());
        }
        return response;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> denied(RuntimeException ex) {
        return problem(ProblemType.FORBIDDEN, HttpStatus.FORBIDDEN, "Forbidden", "You may not do this.", List.of());
    }

    /**
     * The service's own failure, which no other handler foresaw. Without this it would travel to the error page,
     * which the security chain refuses, and reach the caller as a 403 that blames them. The transaction it broke has
     * rolled back, so nothing was changed. The log keeps the exception's kind and where it happened; its message is
     * left out of the answer, and the driver keeps row values out of SQL exceptions (DatabaseErrorsWithoutRows).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure ({})", ex.getClass().getName(), ex);
        return problem(ProblemType.INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side and nothing was changed. Please try again; if it happens again, "
                        + "tell the clinic's IT support.", List.of());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String describe(List<FieldProblem> errors) {
        return errors.stream().map(error -> error.field() + " " + error.detail())
                .collect(Collectors.joining("; "));
    }

    /**
     * The framework's own refusals (a method or media type not supported, a missing parameter) get a type too: a
     * missing or mistyped parameter is an invalid request like a bad body, the rest are named by their status.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && "about:blank".equals(String.valueOf(problem.getType()))) {
            problem.setType(status.value() == 400 ? ProblemType.INVALID_REQUEST.uri()
                    : status.value() == 404 ? ProblemType.NOT_FOUND.uri() : ProblemType.OTHER.uri());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> problem(ProblemType type, HttpStatus status, String title, String detail,
                                                  List<FieldProblem> errors) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperties(new java.util.LinkedHashMap<>(Map.of("errors", errors)));
        }
        return ResponseEntity.status(status).body(problem);
    }
}

package org.clinicflow.content.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of conditional requests (RFC 9110 section 13), as RFC 9457 problem details. Spring MVC's own
 * handler renders {@link ErrorResponseException}, so these need no handler of their own.
 */
public final class HttpPreconditions {

    private HttpPreconditions() {
    }

    /** 428: a change to a version must say, in If-Match, which state of it the caller saw. */
    public static ErrorResponseException required() {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required",
                "Send If-Match with the ETag of the version you read; changes without it are refused");
    }

    /** 412: the version changed since the caller read it (or If-Match names another version). */
    public static ErrorResponseException failed() {
        return problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                "The version has changed since you read it: read it again and redo your change");
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}

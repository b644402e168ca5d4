package org.clinicflow.content.platform;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two requests that both passed the If-Match check race to commit; the version column lets only the first win. The
 * loser gets the same answer as a stale If-Match (412), not a server error.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConcurrentEditAdvice {

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentEdit(OptimisticLockingFailureException ex) {
        ErrorResponseException failed = HttpPreconditions.failed();
        return failed.getBody();
    }
}

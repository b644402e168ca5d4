package org.clinicflow.gateway.answer;

import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the gateway answers when handling a request fails in the gateway itself (a path it has no handler for, a bad
 * sign-in callback, Redis unreachable for a browser session: 503, its own fault). Boot's default would write a Whitelabel page or its own JSON, or a 406 when the
 * caller's {@code Accept} matched neither. Ordered before Boot's handler, so that it never runs.
 */
@Component
@Order(-2)
class GatewayErrors implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (failure instanceof ResponseStatusException refused) {
            var status = HttpStatus.resolve(refused.getStatusCode().value());
            if (status != null && status.is4xxClientError()) {
                exchange.getResponse().getHeaders().addAll(refused.getHeaders());
                return GatewayAnswers.answer(exchange, status, heading(status), detail(status));
            }
        }
        if (sessionStoreUnreachable(failure)) {
            // Once per failed request, but short: the rate limits log the outage itself once (RateLimits).
            log.warn("Browser session not served: Redis cannot be reached ({})", failure.getClass().getName());
            exchange.getResponse().getHeaders().set("Retry-After", "30");
            return GatewayAnswers.answer(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "Signed-in pages are not available just now",
                    "The clinic cannot reach where it keeps your sign-in. Please try again in a few minutes.");
        }
        // The type only: a message may quote the request.
        log.warn("The gateway failed to answer {} {}: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), failure.getClass().getName());
        return GatewayAnswers.answer(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Sorry, there is a problem",
                "Something went wrong at the clinic's end. Nothing you sent has been half-saved; try again shortly.");
    }

    /**
     * Redis, which holds the browser sessions (ADR 8), could not be asked: Spring Data's translation of a Lettuce
     * failure, or Lettuce's own. The gateway reaches no other data store, so any such failure is Redis's.
     */
    static boolean sessionStoreUnreachable(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof RedisException) {
                return true;
            }
        }
        return false;
    }

    private static String heading(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Page not found";
            case METHOD_NOT_ALLOWED -> "This page cannot do that";
            default -> "Sorry, the clinic could not handle that request";
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address. Check it, or start again from the home page.";
            case METHOD_NOT_ALLOWED -> "This address does not accept this kind of request.";
            default -> "The request could not be understood (" + status.value() + " " + status.getReasonPhrase()
                    + ").";
        };
    }
}

package org.clinicflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.clinicflow.gateway.answer.GatewayAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Where a route's circuit breaker sends a request when its service does not answer (down, too slow, or the breaker is
 * open): 503 with a problem-details body naming the part of the system that is unavailable, so the rest of the
 * system carries on and a client can tell "content is down" from "my request was wrong". Reached only by the gateway's
 * own forward; the security chain refuses {@code /fallback/**} from outside.
 */
@RestController
class FallbackController {

    private static final Set<String> ROUTES = Set.of("booking", "content", "followup");

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    /**
     * The screens themselves are down: a page of plain HTML (the design system's files are served by the web module,
     * so none can be used here) that says so, and that the APIs still answer.
     */
    @RequestMapping("/fallback/web")
    ResponseEntity<String> screensUnavailable(ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (!(cause instanceof CallNotPermittedException)) {
            log.warn("web route answered by its fallback: {}", cause == null ? "no cause" : cause.toString());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(SCREENS_UNAVAILABLE);
    }

    private static final String SCREENS_UNAVAILABLE = """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>Screens unavailable – Spine clinic</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body>
            <h1>The clinic's screens are unavailable at the moment</h1>
            <p>Nothing you sent has been half-saved. Try again in a minute.</p>
            </body></html>
            """;

    @RequestMapping("/fallback/{route}")
    Mono<Void> unavailable(@PathVariable String route, ServerWebExchange exchange) {
        var name = ROUTES.contains(route) ? route : "service";
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        // The exception's type and message only: they name hosts and timeouts, never a request's content. A call
        // the open breaker did not let through is no news: BreakerStateLog said so once when it opened.
        if (cause instanceof CallNotPermittedException) {
            log.debug("{} route answered by its fallback: breaker open", name);
        } else {
            log.warn("{} route answered by its fallback: {}", name, cause == null ? "no cause" : cause.toString());
        }
        // Written whatever the caller's Accept says: negotiated, a browser's text/html got a 406 instead.
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return GatewayAnswers.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "The " + name + " service is not available at the moment; other parts of the system still work. "
                        + "Try again shortly.");
    }
}

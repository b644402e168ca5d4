package org.clinicflow.gateway.correlation;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id before anything else looks at it: the caller's own when it is well formed,
 * otherwise a new one (a malformed id is replaced, never passed on, so nothing a caller sends reaches a log line
 * unchecked). The services receive it in {@value #HEADER}, put it in their logs, audit records and events, and the
 * caller gets it back in the response, also when the gateway itself refuses the request.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";
    /** The same rule as the services' (org.clinicflow.platform.correlation.CorrelationId). */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var given = exchange.getRequest().getHeaders().getFirst(HEADER);
        var id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        var request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        // Set as the response is committed, so that it replaces the service's echo of the same id instead of
        // answering the header twice.
        var response = exchange.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

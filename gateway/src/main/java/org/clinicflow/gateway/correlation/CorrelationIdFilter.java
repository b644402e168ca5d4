package org.clinicflow.gateway.correlation;

import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers every request with its correlation id, which is the id of the trace the gateway started for it (ADR 22):
 * support staff given it find the request's whole trace in Zipkin and its lines in every service's log. The services
 * receive the trace in the W3C {@code traceparent} header that the gateway's own observation of the route adds; a
 * correlation id or trace context the caller sends is not taken (see {@code management.tracing.propagation}), so
 * nothing a caller chooses names a trace, a log line or an audit record.
 * <p>
 * The header is also set on answers the gateway gives itself (a refused token, a rate limit), since the trace starts
 * before any filter runs.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var traceId = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId());
        traceId.ifPresent(id -> {
            // Set as the response is committed, so that it replaces the service's answer of the same id instead of
            // answering the header twice.
            var response = exchange.getResponse();
            response.beforeCommit(() -> {
                response.getHeaders().set(HEADER, id);
                return Mono.empty();
            });
        });
        if (!exchange.getRequest().getHeaders().containsHeader(HEADER)) {
            // Nothing to remove: changing a request copies all its headers, a cost on every request for nothing.
            return chain.filter(exchange);
        }
        var request = exchange.getRequest().mutate().headers(headers -> headers.remove(HEADER)).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

package org.clinicflow.gateway.answer;

import org.clinicflow.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses a body over the limit, declared by its {@code Content-Length}, before it reaches a service: the services'
 * own JSON bodies and the screens' forms are small. Spring Cloud Gateway's {@code RequestSize} filter does the same
 * but answers with an empty body; this one says what the limit is, as every other refusal does.
 */
@Component
class RequestSizeLimit implements GlobalFilter, Ordered {

    private final DataSize limit;

    RequestSizeLimit(GatewayProperties properties) {
        this.limit = properties.maxRequestSize();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit.toBytes()) {
            return GatewayAnswers.answer(exchange, HttpStatus.CONTENT_TOO_LARGE, "What you sent is too large",
                    "The request body is larger than the %d KB the clinic accepts.".formatted(limit.toKilobytes()));
        }
        return chain.filter(exchange);
    }

    /** Before the rate limits: an oversized body is refused without costing the caller a request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}

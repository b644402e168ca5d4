package org.clinicflow.gateway.ratelimit;

import org.clinicflow.gateway.GatewayProperties;
import org.clinicflow.gateway.forwarding.ClientAddress;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;

/**
 * Limits how fast one client address, and one signed-in user, may call the API through the gateway; too fast is
 * answered 429 with {@code Retry-After} (whole seconds) and a problem-details body. Both limits apply to every routed
 * request: the address limit also covers callers without a token, the user limit a user spread over many addresses.
 * The buckets live in this gateway's memory (ADR 8).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final TokenBuckets perUser;
    private final TokenBuckets perAddress;

    RateLimitFilter(GatewayProperties properties) {
        this.perUser = new TokenBuckets(properties.perUser().capacity(), properties.perUser().period(),
                System::nanoTime);
        this.perAddress = new TokenBuckets(properties.perAddress().capacity(), properties.perAddress().period(),
                System::nanoTime);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var wait = perAddress.take(ClientAddress.of(exchange));
        if (!wait.isZero()) {
            return tooMany(exchange, wait);
        }
        return exchange.getPrincipal().map(Principal::getName)
                .map(perUser::take)
                .defaultIfEmpty(Duration.ZERO)
                .flatMap(userWait -> userWait.isZero() ? chain.filter(exchange) : tooMany(exchange, userWait));
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set("Retry-After", Long.toString(seconds));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var body = """
                {"type":"about:blank","title":"Too Many Requests","status":429,\
                "detail":"Too many requests; try again in %d seconds."}""".formatted(seconds);
        var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** Early among the route filters, before any work is done for a request that will be refused. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

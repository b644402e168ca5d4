package org.clinicflow.gateway.ratelimit;

import org.clinicflow.gateway.answer.GatewayAnswers;
import org.clinicflow.gateway.forwarding.ClientAddress;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Limits how fast one client address, and one signed-in user, may call the API through the gateway; too fast is
 * answered 429 with {@code Retry-After} (whole seconds) and a problem-details body. Both limits apply to every routed
 * request: the address limit also covers callers without a token, the user limit a user spread over many addresses.
 * Submitting a self-referral has a much smaller bucket of its own per address. The buckets are shared by every
 * gateway instance, in Redis ({@link RateLimits}, ADR 8).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimits limits;

    RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    /** The public self-referral form's submission, and the API it posts to. */
    static boolean submitsSelfReferral(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method)
                && (path.equals("/refer") || path.equals("/api/booking/self-referrals"));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var address = ClientAddress.of(exchange);
        boolean selfReferral = submitsSelfReferral(exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value());
        return exchange.getPrincipal().map(Principal::getName).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(user -> {
                    // In this order: a refused request takes nothing from the buckets after the one that refused it.
                    var takes = new ArrayList<RateLimits.Take>(3);
                    takes.add(new RateLimits.Take(RateLimits.Limit.PER_ADDRESS, address));
                    if (selfReferral) {
                        takes.add(new RateLimits.Take(RateLimits.Limit.SELF_REFERRALS, address));
                    }
                    user.ifPresent(name -> takes.add(new RateLimits.Take(RateLimits.Limit.PER_USER, name)));
                    return limits.take(takes);
                })
                .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : tooMany(exchange, wait));
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        if (GatewayAnswers.wantsPage(exchange)) {
            long minutes = Math.max(1, (seconds + 59) / 60);
            return GatewayAnswers.answer(exchange, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests from your connection",
                    "Please try again in %d minute%s.".formatted(minutes, minutes == 1 ? "" : "s"));
        }
        return GatewayAnswers.problem(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; try again in %d seconds.".formatted(seconds));
    }

    /** Early among the route filters, before any work is done for a request that will be refused. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

package org.clinicflow.gateway.balancing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances that refused a connection a moment ago, left out of the balancing for a few seconds: an instance that was
 * killed refuses every connection until it is back, and round-robin alone would send it every other request, each
 * then costing a retry (and, when several requests interleave, a retry that lands on it again). Passive, from the
 * gateway's own traffic: no health-check calls, and an instance that comes back is tried again when its pause ends.
 */
@Component
class RefusingInstances implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RefusingInstances.class);
    /** Long enough to ride out a restart's first seconds, short enough that a returned instance soon gets work. */
    private static final Duration LEFT_OUT = Duration.ofSeconds(5);

    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    RefusingInstances() {
        this(Clock.systemUTC());
    }

    RefusingInstances(Clock clock) {
        this.clock = clock;
    }

    /**
     * The instances to balance over: those that have not just refused, or all of them when every one has (a guess
     * is better than no answer).
     */
    List<ServiceInstance> available(List<ServiceInstance> instances) {
        var now = clock.instant();
        var answering = instances.stream()
                .filter(instance -> refusedUntil.getOrDefault(address(instance), Instant.MIN).isBefore(now))
                .toList();
        return answering.isEmpty() ? instances : answering;
    }

    void refused(String address) {
        if (refusedUntil.put(address, clock.instant().plus(LEFT_OUT)) == null) {
            log.warn("Instance {} refused a connection; left out of balancing for {} s", address,
                    LEFT_OUT.toSeconds());
        }
    }

    /** Runs right after the load balancer has chosen, so the address it sees is the chosen instance's. */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).doOnError(ConnectException.class, refusal -> {
            URI chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            if (chosen != null) {
                refused(chosen.getHost() + ":" + chosen.getPort());
            }
        });
    }

    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
    }

    private static String address(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }
}

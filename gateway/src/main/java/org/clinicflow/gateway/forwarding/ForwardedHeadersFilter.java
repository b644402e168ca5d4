package org.clinicflow.gateway.forwarding;

import org.clinicflow.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Works out who the client is, believing {@code X-Forwarded-For} only from the configured proxies, and tells the
 * services exactly that: whatever forwarded headers a client sent are dropped and replaced by the gateway's own
 * {@code X-Forwarded-For} (the client's address) and {@code X-Forwarded-Proto}. The services in turn believe these only
 * from the gateway. Rate limits and audit records both rely on this address, so a caller must not be able to choose it.
 */
@Component
class ForwardedHeadersFilter implements WebFilter, Ordered {

    private static final List<String> FORWARDED = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Real-IP");
    /** An IPv4 or IPv6 literal, roughly: enough to refuse names and anything with spaces or markup. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Pattern trustedProxies;

    ForwardedHeadersFilter(GatewayProperties properties) {
        this.trustedProxies = properties.trustedProxies().isBlank() ? null
                : Pattern.compile(properties.trustedProxies());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        var remote = request.getRemoteAddress();
        var peer = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        var headers = request.getHeaders();
        var client = trusted(peer) ? clientBehind(headers, peer) : peer;
        var proto = trusted(peer) && "https".equalsIgnoreCase(headers.getFirst("X-Forwarded-Proto")) ? "https"
                : request.getURI().getScheme();
        exchange.getAttributes().put(ClientAddress.ATTRIBUTE, client);
        var rewritten = request.mutate().headers(h -> {
            FORWARDED.forEach(h::remove);
            h.set("X-Forwarded-For", client);
            h.set("X-Forwarded-Proto", proto);
        }).build();
        return chain.filter(exchange.mutate().request(rewritten).build());
    }

    /** The nearest address in X-Forwarded-For that is not one of our own proxies. */
    private String clientBehind(HttpHeaders headers, String peer) {
        var hops = new ArrayList<String>();
        headers.getValuesAsList("X-Forwarded-For").forEach(value ->
                Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(hops::add));
        Collections.reverse(hops);
        for (var hop : hops) {
            if (!ADDRESS.matcher(hop).matches()) {
                return peer; // A hop we cannot read: stop believing the chain here.
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.getLast();
    }

    private boolean trusted(String address) {
        return trustedProxies != null && trustedProxies.matcher(address).matches();
    }

    /** Right after the correlation id, before security and rate limits, which need the client's address. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

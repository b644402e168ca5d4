package org.clinicflow.gateway.revalidation;

import org.clinicflow.gateway.GatewayProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Answers an anonymous {@code If-None-Match} on a public content page with 304 from the tag content-service gave for
 * that page moments ago, as any shared cache may (RFC 9111, 4.3.2). Readers revalidate far more often than the clinic
 * publishes, and the hop to content-service was most of such a request's time at the tail.
 * <p>
 * Only what content-service itself marked {@code Cache-Control: public}, with an ETag and varying by nothing but
 * {@code Accept} (and the CORS request headers), is remembered, and only for requests with neither a token nor a
 * cookie: nobody's drafts or personal pages are ever answered from here. A tag is used for
 * {@link GatewayProperties#revalidation()} (five seconds) after the request that confirmed it was sent, so a new
 * publication reaches readers at most that much later than it would without this, far inside the 60 s for which the
 * service lets every reader keep the page anyway. A full read (no {@code If-None-Match}, or another tag) always goes
 * to the service.
 */
@Component
class PublicRevalidation implements GlobalFilter, Ordered {

    private static final String PUBLIC_PAGES = "/api/content/";
    /** Pages times representations: a few hundred; made-up Accept headers cannot grow it past this. */
    private static final int CAPACITY = 1_000;
    private static final Set<String> VARIES_HARMLESSLY = Set.of("accept", "origin",
            "access-control-request-method", "access-control-request-headers");

    private final long freshFor;
    private final LongSupplier nanoTime;
    private final Map<String, Confirmed> tags = new ConcurrentHashMap<>();

    @Autowired
    PublicRevalidation(GatewayProperties properties) {
        this(properties.revalidation().toNanos(), System::nanoTime);
    }

    /** For tests, which move time instead of waiting. */
    PublicRevalidation(long freshForNanos, LongSupplier nanoTime) {
        this.freshFor = freshForNanos;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var request = exchange.getRequest();
        var headers = request.getHeaders();
        if (request.getMethod() != HttpMethod.GET || !request.getPath().value().startsWith(PUBLIC_PAGES)
                || headers.containsHeader(HttpHeaders.AUTHORIZATION) || headers.containsHeader(HttpHeaders.COOKIE)) {
            return chain.filter(exchange);
        }
        var key = request.getURI().getRawPath() + '?' + request.getURI().getRawQuery() + '|'
                + String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT));
        var confirmed = tags.get(key);
        long now = nanoTime.getAsLong();
        if (confirmed != null && now - confirmed.at() < freshFor
                && matches(headers.getOrEmpty(HttpHeaders.IF_NONE_MATCH), confirmed.etag())) {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            // Set now rather than before commit, so the security headers see the page's own Cache-Control.
            response.getHeaders().setETag(confirmed.etag());
            response.getHeaders().setCacheControl(confirmed.cacheControl());
            response.getHeaders().setVary(confirmed.vary());
            return response.setComplete();
        }
        exchange.getResponse().beforeCommit(() -> {
            remember(key, exchange.getResponse().getStatusCode(), exchange.getResponse().getHeaders(), now);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private void remember(String key, HttpStatusCode status, HttpHeaders headers, long askedAt) {
        var etag = headers.getETag();
        var cacheControl = headers.getCacheControl();
        boolean reusable = status != null && (status.value() == 200 || status.value() == 304) && etag != null
                && cacheControl != null && cacheControl.contains("public") && !cacheControl.contains("no-store")
                && headers.getVary().stream().allMatch(PublicRevalidation::variesHarmlessly);
        if (!reusable) {
            // The service said something else about the page (a private or changed answer): forget the tag. An
            // error from the gateway itself (429, 503) says nothing about the page, and the tag lapses soon anyway.
            if (status == null || status.value() < 400) {
                tags.remove(key);
            }
            return;
        }
        if (tags.size() >= CAPACITY && !tags.containsKey(key)) {
            tags.clear();
        }
        // Stamped with when the request was sent: the tag was current at some moment after that.
        tags.put(key, new Confirmed(etag, cacheControl, List.copyOf(headers.getVary()), askedAt));
    }

    /** If-None-Match compares weakly: {@code W/"x"} matches {@code "x"}; a list matches if any member does. */
    private static boolean matches(List<String> ifNoneMatch, String etag) {
        var tag = weak(etag);
        for (var header : ifNoneMatch) {
            for (var candidate : header.split(",")) {
                if (weak(candidate.strip()).equals(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** Early among the route filters, after the rate limits: a flood of revalidations is still a flood. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    /**
     * The key holds the Accept header; the CORS headers a response varies by are the gateway's own to answer (its
     * CORS filter runs on every request, this one's 304 included).
     */
    private static boolean variesHarmlessly(String header) {
        return VARIES_HARMLESSLY.contains(header.toLowerCase(Locale.ROOT));
    }

    private record Confirmed(String etag, String cacheControl, List<String> vary, long at) {
    }
}

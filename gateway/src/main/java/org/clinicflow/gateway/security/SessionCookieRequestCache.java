package org.clinicflow.gateway.security;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The page a browser asked for before it was sent to sign in, kept in its session as Spring Security's default does,
 * but looked for only in a request that carries the session cookie. Spring Security looks for it on every request
 * (its request-cache filter asks for the request's session), and a request without the cookie was given a new, empty
 * session for that: created on {@code boundedElastic} with a random id and handed back on {@code parallel}, so every
 * API call changed threads twice before it reached the routes, 8% of the gateway's CPU samples held to one core
 * (issue 14, docs/benchmarks.md). Saving is unchanged: a browser sent to sign in still gets the session and its cookie.
 */
final class SessionCookieRequestCache implements ServerRequestCache {

    private final ServerRequestCache sessions = new WebSessionServerRequestCache();

    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return sessions.saveRequest(exchange);
    }

    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return GatewaySecurity.carriesSessionCookie(exchange.getRequest()) ? sessions.getRedirectUri(exchange) : Mono.empty();
    }

    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        return GatewaySecurity.carriesSessionCookie(exchange.getRequest()) ? sessions.removeMatchingRequest(exchange) : Mono.empty();
    }
}

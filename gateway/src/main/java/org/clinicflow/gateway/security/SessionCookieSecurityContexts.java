package org.clinicflow.gateway.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Security contexts kept in the browser's session, as Spring Security's default for sign-in keeps them, but looked
 * for only in a request that carries the session cookie. A request without one has no session to find a context in;
 * asking for its session anyway made WebFlux create a new, empty one on every API call, and Spring Session creates it
 * on {@code boundedElastic} and hands it back on {@code parallel}: two thread hand-offs and a random session id per
 * request for nothing, which on a gateway held to one core were waits for a time slice each (issue 14). Saving is
 * unchanged: signing in still creates the session and sets the cookie.
 */
final class SessionCookieSecurityContexts implements ServerSecurityContextRepository {

    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return GatewaySecurity.carriesSessionCookie(exchange.getRequest()) ? sessions.load(exchange) : Mono.empty();
    }
}

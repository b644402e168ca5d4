package org.clinicflow.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Hands this browser session's CSRF token to the screens (the web module) in {@link #HEADER}, so that every form they
 * render carries it and they can check what a posted form sends back (ADR 11). Whatever a caller sent in that header
 * is dropped first: only the gateway says what the token is. Requests to the APIs and to the gateway's own paths get
 * no such header.
 */
final class CsrfTokenToScreens implements WebFilter {

    static final String HEADER = "X-Clinicflow-Csrf";

    /** Paths the gateway answers itself or routes to a service; every other path is a screen. */
    private static final Set<String> NOT_SCREENS = Set.of("/api/", "/oauth2/", "/login/", "/logout", "/me",
            "/actuator", "/fallback/");

    static boolean toScreens(String path) {
        return NOT_SCREENS.stream().noneMatch(path::startsWith);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!toScreens(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        var withoutForgery = exchange.mutate().request(request -> request.headers(h -> h.remove(HEADER))).build();
        boolean session = GatewaySecurity.carriesSessionCookie(exchange.getRequest());
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (!session || token == null) {
            return chain.filter(withoutForgery);
        }
        return token.flatMap(csrf -> chain.filter(withoutForgery.mutate()
                        .request(request -> request.header(HEADER, csrf.getToken())).build()))
                .switchIfEmpty(Mono.defer(() -> chain.filter(withoutForgery)));
    }
}

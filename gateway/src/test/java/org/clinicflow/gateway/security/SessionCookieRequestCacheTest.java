package org.clinicflow.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieRequestCacheTest {

    private final SessionCookieRequestCache cache = new SessionCookieRequestCache();
    private final AtomicInteger sessionsAskedFor = new AtomicInteger();
    private final WebSession session = new MockWebSession();

    @Test
    void aRequestWithoutTheSessionCookieIsNotGivenASession() {
        var exchange = exchange(MockServerHttpRequest.get("/api/booking/availability")
                .header("Authorization", "Bearer token"));

        assertThat(cache.removeMatchingRequest(exchange).blockOptional()).isEmpty();
        assertThat(cache.getRedirectUri(exchange).blockOptional()).isEmpty();
        assertThat(sessionsAskedFor).hasValue(0);
    }

    @Test
    void aPageSavedBeforeSignInIsStillFoundAndRemovedOnTheWayBack() {
        // A page, as a browser asks for it; an API call or a script is not saved.
        cache.saveRequest(exchange(MockServerHttpRequest.get("/diary").header("Accept", "text/html"))).block();
        assertThat(session.getAttributes()).isNotEmpty();

        var afterSignIn = exchange(MockServerHttpRequest.get("/login/oauth2/code/keycloak")
                .cookie(new HttpCookie(GatewaySecurity.SESSION_COOKIE, "abc")));
        assertThat(cache.getRedirectUri(afterSignIn).block()).isEqualTo(URI.create("/diary"));

        var backAtThePage = exchange(MockServerHttpRequest.get("/diary")
                .cookie(new HttpCookie(GatewaySecurity.SESSION_COOKIE, "abc")));
        assertThat(cache.removeMatchingRequest(backAtThePage).block()).isNotNull();
        assertThat(session.getAttributes()).isEmpty();
    }

    private MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.builder(request.build())
                .sessionManager(ignored -> Mono.fromSupplier(() -> {
                    sessionsAskedFor.incrementAndGet();
                    return session;
                }))
                .build();
    }
}

package org.clinicflow.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieRequestCacheTest {

    private final SessionCookieRequestCache cache = new SessionCookieRequestCache();
    private final SessionCountingExchanges exchanges = new SessionCountingExchanges();
    private final WebSession session = exchanges.session;

    @Test
    void aRequestWithoutTheSessionCookieIsNotGivenASession() {
        var exchange = exchange(MockServerHttpRequest.get("/api/booking/availability")
                .header("Authorization", "Bearer token"));

        assertThat(cache.removeMatchingRequest(exchange).blockOptional()).isEmpty();
        assertThat(cache.getRedirectUri(exchange).blockOptional()).isEmpty();
        assertThat(exchanges.sessionsAskedFor).hasValue(0);
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
        return exchanges.exchange(request);
    }
}

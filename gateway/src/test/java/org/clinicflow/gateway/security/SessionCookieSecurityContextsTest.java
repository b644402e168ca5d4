package org.clinicflow.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieSecurityContextsTest {

    private final SessionCookieSecurityContexts contexts = new SessionCookieSecurityContexts();
    private final SessionCountingExchanges exchanges = new SessionCountingExchanges();
    private final WebSession session = exchanges.session;

    @Test
    void aRequestWithoutTheSessionCookieIsNotGivenASession() {
        var exchange = exchange(MockServerHttpRequest.get("/api/booking/availability")
                .header("Authorization", "Bearer token"));

        assertThat(contexts.load(exchange).blockOptional()).isEmpty();
        assertThat(exchanges.sessionsAskedFor).hasValue(0);
    }

    @Test
    void aSignedInBrowsersContextIsFoundInItsSession() {
        var context = new SecurityContextImpl();
        session.getAttributes().put(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME,
                context);
        var exchange = exchange(MockServerHttpRequest.get("/diary")
                .cookie(new HttpCookie(GatewaySecurity.SESSION_COOKIE, "abc")));

        assertThat(contexts.load(exchange).block()).isSameAs(context);
        assertThat(exchanges.sessionsAskedFor).hasValue(1);
    }

    @Test
    void signingInStillKeepsTheContextInTheSession() {
        var context = new SecurityContextImpl();
        var exchange = exchange(MockServerHttpRequest.get("/login/oauth2/code/keycloak"));

        contexts.save(exchange, context).block();

        assertThat(session.getAttributes()).containsValue(context);
    }

    private MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return exchanges.exchange(request);
    }
}

package org.clinicflow.gateway.security;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exchanges that all share one session and count how often anything asks for it: a request that is asked for its
 * session is one that would have been given a new one in the gateway.
 */
final class SessionCountingExchanges {

    final WebSession session = new MockWebSession();
    final AtomicInteger sessionsAskedFor = new AtomicInteger();

    MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.builder(request.build())
                .sessionManager(ignored -> Mono.fromSupplier(() -> {
                    sessionsAskedFor.incrementAndGet();
                    return session;
                }))
                .build();
    }
}

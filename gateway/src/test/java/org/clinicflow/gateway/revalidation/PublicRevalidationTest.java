package org.clinicflow.gateway.revalidation;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the gateway may answer a revalidation itself, and when it must ask content-service. The whole path, with the
 * real content-service stopped, is in GatewayEdgeIT.
 */
class PublicRevalidationTest {

    private static final String PAGE = "/api/content/treatments/balloon-kyphoplasty";
    private static final String TAG = "\"abc123\"";

    private long now = 0;
    private final PublicRevalidation filter = new PublicRevalidation(Duration.ofSeconds(1).toNanos(), () -> now);
    private final AtomicInteger serviceCalls = new AtomicInteger();
    private String cacheControl = "max-age=60, public";

    /** Stands in for the routed call: content-service's answer to a read of a published page. */
    private final GatewayFilterChain service = exchange -> {
        serviceCalls.incrementAndGet();
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setETag(TAG);
        response.getHeaders().setCacheControl(cacheControl);
        response.getHeaders().setVary(java.util.List.of("Accept"));
        return response.setComplete();
    };

    private ServerWebExchange send(MockServerHttpRequest.BaseBuilder<?> request) {
        var exchange = MockServerWebExchange.from(request.header("Accept", "application/json"));
        filter.filter(exchange, service).then(Mono.defer(() -> exchange.getResponse().setComplete())).block();
        return exchange;
    }

    @Test
    void anAnonymousReaderHoldingTheCurrentTagIsAnswered304WithoutAskingTheService() {
        send(MockServerHttpRequest.get(PAGE));
        var revalidated = send(MockServerHttpRequest.get(PAGE).header("If-None-Match", TAG));

        assertThat(revalidated.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(revalidated.getResponse().getHeaders().getETag()).isEqualTo(TAG);
        assertThat(revalidated.getResponse().getHeaders().getCacheControl()).contains("public");
        assertThat(serviceCalls).hasValue(1);
    }

    @Test
    void theServiceIsAskedAgainOnceTheTagIsOlderThanAllowed() {
        send(MockServerHttpRequest.get(PAGE));
        now += Duration.ofSeconds(1).toNanos();
        send(MockServerHttpRequest.get(PAGE).header("If-None-Match", TAG));
        assertThat(serviceCalls).hasValue(2);
    }

    @Test
    void anotherTagATokenOrACookieAlwaysGoesToTheService() {
        send(MockServerHttpRequest.get(PAGE));
        send(MockServerHttpRequest.get(PAGE).header("If-None-Match", "\"older\""));
        send(MockServerHttpRequest.get(PAGE).header("If-None-Match", TAG).header("Authorization", "Bearer x"));
        send(MockServerHttpRequest.get(PAGE).header("If-None-Match", TAG).header("Cookie", "SESSION=s"));
        assertThat(serviceCalls).hasValue(4);
    }

    @Test
    void aPageTheServiceDidNotMarkPublicIsNeverAnsweredHere() {
        cacheControl = "private, max-age=60";
        send(MockServerHttpRequest.get(PAGE));
        send(MockServerHttpRequest.get(PAGE).header("If-None-Match", TAG));
        assertThat(serviceCalls).hasValue(2);
    }

    @Test
    void onlyContentPagesAreConsidered() {
        send(MockServerHttpRequest.get("/api/booking/appointments/mine"));
        send(MockServerHttpRequest.get("/api/booking/appointments/mine").header("If-None-Match", TAG));
        assertThat(serviceCalls).hasValue(2);
    }
}

package org.clinicflow.gateway.forwarding;

import org.clinicflow.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedHeadersFilterTest {

    private static final GatewayProperties.Limit LIMIT = new GatewayProperties.Limit(1, Duration.ofSeconds(1));

    @Test
    void aClientCannotChooseItsOwnAddress() {
        var passedOn = filter("", "203.0.113.5", "198.51.100.1, 10.0.0.1");
        assertThat(ClientAddress.of(passedOn)).isEqualTo("203.0.113.5");
        assertThat(passedOn.getRequest().getHeaders().get("X-Forwarded-For")).containsExactly("203.0.113.5");
        assertThat(passedOn.getRequest().getHeaders().containsHeader("Forwarded")).isFalse();
    }

    @Test
    void aTrustedProxyIsBelievedUpToTheFirstAddressThatIsNotOurs() {
        var passedOn = filter("10\\.0\\.0\\.\\d+", "10.0.0.2", "198.51.100.7, 203.0.113.9, 10.0.0.1");
        assertThat(ClientAddress.of(passedOn)).isEqualTo("203.0.113.9");
        assertThat(passedOn.getRequest().getHeaders().get("X-Forwarded-For")).containsExactly("203.0.113.9");
    }

    @Test
    void anUnreadableHopEndsTheTrust() {
        var passedOn = filter("10\\.0\\.0\\.\\d+", "10.0.0.2", "<script>, 10.0.0.1");
        assertThat(ClientAddress.of(passedOn)).isEqualTo("10.0.0.2");
    }

    private static ServerWebExchange filter(String trustedProxies, String peer, String forwardedFor) {
        var filter = new ForwardedHeadersFilter(new GatewayProperties(List.of("https://clinic.example"),
                trustedProxies, LIMIT, LIMIT, LIMIT, "clinicflow:test", java.time.Duration.ofSeconds(1),
                org.springframework.util.unit.DataSize.ofMegabytes(1)));
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/booking/appointments/mine")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor)
                .header("Forwarded", "for=192.0.2.1"));
        var seen = new AtomicReference<ServerWebExchange>();
        filter.filter(exchange, passed -> {
            seen.set(passed);
            return Mono.empty();
        }).block();
        return seen.get();
    }
}

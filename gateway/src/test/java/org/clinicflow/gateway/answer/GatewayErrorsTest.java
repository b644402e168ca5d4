package org.clinicflow.gateway.answer;

import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayErrorsTest {

    private final GatewayErrors errors = new GatewayErrors();

    @Test
    void aSessionThatCannotBeReadFromRedisIsAnswered503NotAFault() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/diary").header("Accept", "text/html"));
        errors.handle(exchange, new RedisConnectionFailureException("Unable to connect",
                new RedisException("Currently not connected. Commands are rejected."))).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("Signed-in pages are not available");
    }

    @Test
    void anApiCallRidingOnTheSessionGetsProblemDetails() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/booking/clinicians"));
        errors.handle(exchange, new IllegalStateException("wrapped",
                new RedisException("Currently not connected. Commands are rejected."))).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void anyOtherFailureOfTheGatewayIsStill500() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/booking/clinicians"));
        errors.handle(exchange, new IllegalStateException("a bug")).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}

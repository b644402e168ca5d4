package org.clinicflow.booking.web;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.ApiCall;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The security filters' own refusals are problem details too, with the bearer challenge kept. */
class SecurityRefusalsIT extends BookingServiceIT {

    @Test
    void noTokenOrABadOneIsAnswered401WithProblemDetails() {
        var none = ApiCall.get(url("/api/booking/appointments/mine"), null);
        var bad = ApiCall.send("GET", url("/api/booking/appointments/mine"), "not.a.token", null, Map.of());
        for (var refused : java.util.List.of(none, bad)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(body(refused).get("status").asInt()).isEqualTo(401);
            assertThat(body(refused).get("type").asString()).endsWith("/problems/sign-in-needed");
        }
        assertThat(bad.header("WWW-Authenticate")).contains("invalid_token");
    }
}

package org.clinicflow.gateway.balancing;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefusingInstancesTest {

    private static final ServiceInstance FIRST = new DefaultServiceInstance("booking-1", "booking", "localhost", 8081,
            false);
    private static final ServiceInstance SECOND = new DefaultServiceInstance("booking-2", "booking", "localhost",
            8181, false);

    private final MovableClock clock = new MovableClock();
    private final RefusingInstances refusing = new RefusingInstances(clock);

    @Test
    void anInstanceThatRefusedIsLeftOutForAFewSecondsThenTriedAgain() {
        refusing.refused("localhost:8181");
        assertThat(refusing.available(List.of(FIRST, SECOND))).containsExactly(FIRST);
        clock.now = clock.now.plus(Duration.ofSeconds(6));
        assertThat(refusing.available(List.of(FIRST, SECOND))).containsExactly(FIRST, SECOND);
    }

    @Test
    void whenEveryInstanceRefusedAllAreTriedRatherThanNone() {
        refusing.refused("localhost:8081");
        refusing.refused("localhost:8181");
        assertThat(refusing.available(List.of(FIRST, SECOND))).containsExactly(FIRST, SECOND);
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

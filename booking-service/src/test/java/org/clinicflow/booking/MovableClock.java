package org.clinicflow.booking;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock in tests: the real time, unless a test moves it, for example to the morning of an appointment
 * next week to check the patient in. It moves by an offset, so time still passes while it is moved. The base test
 * class puts it back after every test.
 */
public class MovableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    MovableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on the clock reads {@code instant}, and runs on from there. */
    public void moveTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        // Shares this clock's offset rather than copying it, so a zoned view moves with it.
        var base = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId again) {
                return base.withZone(again);
            }

            @Override
            public Instant instant() {
                return base.instant();
            }
        };
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(ZoneId.of("Europe/London"));
        }
    }
}

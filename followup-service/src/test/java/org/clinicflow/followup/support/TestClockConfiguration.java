package org.clinicflow.followup.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.ZoneId;

/** Puts the shared {@link TestClock} in place of the service's system clock. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    public static final TestClock CLOCK = new TestClock(ZoneId.of("Europe/London"));

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}

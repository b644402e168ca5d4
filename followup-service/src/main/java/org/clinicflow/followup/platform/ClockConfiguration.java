package org.clinicflow.followup.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The clinic works in UK civil time; every "09:00" in the system means 09:00 in London, summer or winter. */
    static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");

    @Bean
    Clock clock() {
        return Clock.system(CLINIC_ZONE);
    }
}

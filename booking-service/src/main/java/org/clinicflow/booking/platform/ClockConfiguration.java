package org.clinicflow.booking.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.clinicflow.booking.time.ClinicTime;

import java.time.Clock;

/** The clinic works in UK civil time; every "09:00" in the system means 09:00 in London, summer or winter. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ClinicTime.ZONE);
    }
}

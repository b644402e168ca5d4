package org.clinicflow.followup.platform;

import org.clinicflow.platform.time.ClinicZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The clinic works in UK civil time; every "09:00" in the system means 09:00 in London, summer or winter. */
    @Bean
    Clock clock() {
        return Clock.system(ClinicZone.ZONE);
    }
}

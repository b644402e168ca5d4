package org.clinicflow.content.platform;

import org.clinicflow.platform.time.ClinicZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Review dates and times shown to the clinic are UK civil dates and times. */
    @Bean
    Clock clock() {
        return Clock.system(ClinicZone.ZONE);
    }
}

package org.clinicflow.platform.metrics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/** The one {@link Readings} of a service, for platform's gauges and the service's own. */
@AutoConfiguration
public class ReadingsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Readings readings(@Value("${clinicflow.metrics.reading-max-age:15s}") Duration maxAge) {
        return new Readings(maxAge);
    }
}

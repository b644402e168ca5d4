package org.clinicflow.platform.housekeeping;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/**
 * Every service that has the platform's tables gets the pruning; {@code clinicflow.housekeeping.enabled=false} turns
 * it off (for example while investigating an incident).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnProperty(name = "clinicflow.housekeeping.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(JdbcClient.class)
@EnableConfigurationProperties(HousekeepingProperties.class)
public class HousekeepingConfiguration {

    @Bean
    Housekeeping housekeeping(JdbcClient jdbc, HousekeepingProperties properties,
                              org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        return new Housekeeping(jdbc, properties, clock.getIfAvailable(Clock::systemUTC));
    }
}

package org.clinicflow.platform.deadletter;

import org.clinicflow.platform.metrics.Readings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Dead letters for every service with a database and Kafka; {@code clinicflow.dead-letters.path} (such as
 * {@code /api/booking/dead-letters}) adds the clinic-admin endpoints.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ConditionalOnBean({JdbcClient.class, KafkaTemplate.class})
public class DeadLetterConfiguration {

    @Bean
    DeadLetters deadLetters(JdbcClient jdbc, KafkaTemplate<String, String> kafka, JsonMapper json,
                            ObjectProvider<Clock> clock) {
        return new DeadLetters(jdbc, kafka, json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(DeadLetters deadLetters, Readings readings) {
        return new DeadLetterMetrics(deadLetters, readings);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty("clinicflow.dead-letters.path")
    @Import(DeadLetterController.class)
    static class Endpoints {
    }
}

package org.clinicflow.platform.outbox;

import org.clinicflow.platform.metrics.Readings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Switched on by {@code clinicflow.outbox.enabled=true} in services that publish events. */
@AutoConfiguration
@ConditionalOnProperty(name = "clinicflow.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions,
                            KafkaTemplate<String, String> kafka, OutboxProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), kafka, properties);
    }

    @Bean
    OutboxMetrics outboxMetrics(OutboxRelay relay, Readings readings) {
        return new OutboxMetrics(relay, readings);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        return new Outbox(jdbc, json, relay);
    }
}

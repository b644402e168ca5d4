package org.clinicflow.platform.inbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that keeps failing must not stop the partition behind it (one bad record must never hold up every other
 * patient's messages): after a few tries with backoff it is parked on a dead-letter topic ({@code <topic>-dlt}) for
 * the clinic to examine. Records that are not readable events go there at once. A service may declare its own handler.
 */
@AutoConfiguration
public class KafkaErrorHandling {

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka) {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxAttempts(5);
        var handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka), backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}

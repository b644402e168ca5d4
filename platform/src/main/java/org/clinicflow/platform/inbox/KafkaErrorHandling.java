package org.clinicflow.platform.inbox;

import org.clinicflow.platform.deadletter.DeadLetterConfiguration;
import org.clinicflow.platform.deadletter.DeadLetters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that keeps failing must not stop the partition behind it (one bad record must never hold up every other
 * patient's messages): after a few tries with backoff it is parked as a dead letter in the service's own database, for
 * the clinic admin's worklist and a replay (see {@link DeadLetters}); a service without a database parks it on a
 * dead-letter topic ({@code <topic>-dlt}). Records that are not readable events are parked at once. A service may
 * declare its own handler.
 */
@AutoConfiguration(after = DeadLetterConfiguration.class)
public class KafkaErrorHandling {

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka,
                                          ObjectProvider<DeadLetters> deadLetters) {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxAttempts(5);
        ConsumerRecordRecoverer parking = deadLetters.getIfAvailable();
        var handler = new DefaultErrorHandler(parking != null ? parking : new DeadLetterPublishingRecoverer(kafka),
                backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}

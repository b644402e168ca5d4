package org.clinicflow.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param pollInterval how often the relay looks for unsent events when nothing nudged it
 * @param sendTimeout  how long one send may wait for the broker's acknowledgement before the pass gives up
 */
@ConfigurationProperties("clinicflow.outbox")
public record OutboxProperties(@DefaultValue("500ms") Duration pollInterval,
                               @DefaultValue("100") int batchSize,
                               @DefaultValue("15s") Duration sendTimeout) {
}

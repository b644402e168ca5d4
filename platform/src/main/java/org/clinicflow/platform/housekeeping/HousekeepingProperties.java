package org.clinicflow.platform.housekeeping;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the outbox and inbox keep what they no longer need ({@code clinicflow.housekeeping.*}).
 *
 * @param outboxRetention how long an event stays after Kafka acknowledged it: long enough to look into a recent
 *                        incident, no longer
 * @param inboxRetention  how long a consumer remembers an event it processed. A redelivery older than this would be
 *                        processed again, so it must be well past the longest a Kafka topic keeps a record (seven days
 *                        by default) plus any consumer outage
 * @param interval        how often the tables are pruned
 * @param batchSize       rows deleted per statement, so that a first prune of a large table never holds long locks
 */
@ConfigurationProperties("clinicflow.housekeeping")
public record HousekeepingProperties(@DefaultValue("P7D") Duration outboxRetention,
                                     @DefaultValue("P30D") Duration inboxRetention,
                                     @DefaultValue("PT1H") Duration interval,
                                     @DefaultValue("5000") int batchSize) {
}

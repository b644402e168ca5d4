package org.clinicflow.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.clinicflow.platform.metrics.CachedReading;
import org.clinicflow.platform.metrics.Readings;

/**
 * {@code clinicflow.outbox.lag} (Prometheus: {@code clinicflow_outbox_lag_seconds}): how long the oldest event not yet
 * on Kafka has waited. Near zero while the relay keeps up; it grows while the broker is away or the relay is stuck, and
 * every consumer (reminders, the access alerts) is behind by at least that much.
 */
class OutboxMetrics implements MeterBinder {

    private final CachedReading lag;

    OutboxMetrics(OutboxRelay relay, Readings readings) {
        this.lag = readings.of("outbox lag", relay::oldestUnsentAgeSeconds);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("clinicflow.outbox.lag", lag, CachedReading::value)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
    }
}

package org.clinicflow.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.clinicflow.platform.metrics.CachedReading;
import org.clinicflow.platform.metrics.Readings;

/**
 * {@code clinicflow.dead.letters.waiting}: events a consumer gave up on and nobody has replayed. Anything above zero
 * means something the clinic expected to happen (a reminder, an alert) has not, until an admin looks.
 */
class DeadLetterMetrics implements MeterBinder {

    private final CachedReading waiting;

    DeadLetterMetrics(DeadLetters deadLetters, Readings readings) {
        this.waiting = readings.of("dead letters waiting", deadLetters::waiting);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("clinicflow.dead.letters.waiting", waiting, CachedReading::value)
                .description("Dead letters not yet replayed")
                .register(registry);
    }
}

package org.clinicflow.booking.enquiry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.clinicflow.platform.metrics.CachedReading;
import org.clinicflow.platform.metrics.Readings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Where the 48-hour promise stands now, for Prometheus: counts only, never which patient.
 * <ul>
 *   <li>{@code clinicflow.enquiries.at.risk}: enquiries {@link AccessClock#AT_RISK at risk} as the access clock
 *       defines it, whether or not its warning has been raised yet;</li>
 *   <li>{@code clinicflow.enquiries.breached}: enquiries {@link AccessClock#BREACHED breached} that are still on
 *       reception's worklist ({@link EnquiryQueries#AWAITING_BOOKING}). A breach stays a breach for ever, in the access
 *       report; for an alert only those that someone can still act on count, so the gauge falls back to zero once
 *       each is booked or settled, or has left the worklist's reach.</li>
 * </ul>
 * Each is one query, run at most once per {@link Readings#maxAge()} however often Prometheus scrapes.
 */
@Component
class EnquiryMetrics implements MeterBinder {

    private final CachedReading atRisk;
    private final CachedReading breached;

    EnquiryMetrics(JdbcClient jdbc, Clock clock, AccessClock accessClock, Readings readings) {
        this.atRisk = readings.of("enquiries at risk", () -> {
            var now = clock.instant();
            return jdbc.sql("select count(*) from enquiry e where " + AccessClock.AT_RISK)
                    .param("now", Timestamp.from(now))
                    .param("atRiskFrom", Timestamp.from(accessClock.atRiskFrom(now)))
                    .query(Long.class).single();
        });
        this.breached = readings.of("enquiries breached", () -> {
            var now = clock.instant();
            return jdbc.sql("select count(*) from enquiry e join enquiry_promise p on p.enquiry_id = e.id where "
                            + AccessClock.BREACHED + " and " + EnquiryQueries.AWAITING_BOOKING)
                    .param("now", Timestamp.from(now))
                    .param("since", Timestamp.from(now.minus(EnquiryQueries.WORKLIST_REACH)))
                    .query(Long.class).single();
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("clinicflow.enquiries.at.risk", atRisk, CachedReading::value)
                .description("Enquiries whose 48-hour deadline is near with no booking that keeps the promise")
                .register(registry);
        Gauge.builder("clinicflow.enquiries.breached", breached, CachedReading::value)
                .description("Enquiries past their 48-hour deadline and still waiting on reception's worklist")
                .register(registry);
    }
}

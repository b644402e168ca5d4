package org.clinicflow.booking.appointment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code clinicflow.appointments.booked} (Prometheus: {@code clinicflow_appointments_booked_total}), tagged
 * {@code channel} with who made the booking. A booking counts once it has committed: one that lost a race to the
 * exclusion constraint and rolled back was never made. A move (by staff, the patient or from the waiting list) is
 * not a new booking and is not counted.
 */
@Component
class BookingMetrics {

    /** Who booked: the words of the tag, a handful of fixed values, never anything about the patient. */
    enum BookedThrough {
        /** Staff: reception's booking, from a hold or straight away, and a clinic admin's overbook. */
        DESK,
        /** The person themselves, picking a consultation online when they referred themselves. */
        SELF_REFERRAL;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<BookedThrough, Counter> booked = new EnumMap<>(BookedThrough.class);

    BookingMetrics(MeterRegistry registry) {
        // Registered up front, so that every channel shows (at zero) before its first booking and rates work at once.
        for (var through : BookedThrough.values()) {
            booked.put(through, Counter.builder("clinicflow.appointments.booked")
                    .description("Appointments booked, by who booked them")
                    .tag("channel", through.tag())
                    .register(registry));
        }
    }

    /** Counts the booking when the transaction that makes it commits; at once when there is none. */
    void booked(BookedThrough through) {
        var counter = booked.get(through);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}

package org.clinicflow.booking.appointment;

import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The one place where booking-service's appointments become events on topic {@value #TOPIC}; each type and payload
 * here matches a schema in {@code contracts/schemas}.
 */
final class AppointmentEvents {

    static final String TOPIC = "clinic.booking.appointment";
    static final String SOURCE = "/clinicflow/booking-service";
    static final String BOOKED_V1 = "clinic.booking.appointment-booked.v1";
    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");

    private AppointmentEvents() {
    }

    /** Payload of {@code clinic.booking.appointment-booked.v1}: ids and times only, no personal details. */
    record AppointmentBookedV1(UUID appointmentId, UUID patientId, UUID clinicianId, String appointmentType,
                               OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime bookedAt) {
    }

    static CloudEvent booked(Appointment appointment, Clock clock) {
        var data = new AppointmentBookedV1(appointment.id(), appointment.patientId(), appointment.clinicianId(),
                appointment.appointmentType().name(), clinicTime(appointment.startsAt()),
                clinicTime(appointment.endsAt()), clinicTime(appointment.bookedAt()));
        return new CloudEvent(UUID.randomUUID(), SOURCE, BOOKED_V1, appointment.id().toString(),
                OffsetDateTime.now(clock), null, data);
    }

    private static OffsetDateTime clinicTime(java.time.Instant instant) {
        return instant.atZone(CLINIC_ZONE).toOffsetDateTime();
    }
}

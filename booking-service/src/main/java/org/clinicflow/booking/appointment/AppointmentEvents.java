package org.clinicflow.booking.appointment;

import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one place where booking-service's appointments become events on topic {@value #TOPIC}; each type and payload
 * here matches a schema in {@code contracts/schemas}. Payloads carry ids and times: never names, contact details or
 * the free-text reasons, which may hold clinical details.
 * <p>
 * Its topic and source are public for the other events about an appointment (a procedure performed on it), which go
 * on the same topic so that a consumer reads them in order with the appointment's own.
 */
public final class AppointmentEvents {

    public static final String TOPIC = "clinic.booking.appointment";
    public static final String SOURCE = "/clinicflow/booking-service";
    static final String BOOKED_V1 = "clinic.booking.appointment-booked.v1";
    static final String RESCHEDULED_V1 = "clinic.booking.appointment-rescheduled.v1";
    static final String CANCELLED_V1 = "clinic.booking.appointment-cancelled.v1";
    static final String CHECKED_IN_V1 = "clinic.booking.appointment-checked-in.v1";
    static final String NO_SHOW_V1 = "clinic.booking.appointment-no-show.v1";
    static final String COMPLETED_V1 = "clinic.booking.appointment-completed.v1";

    private AppointmentEvents() {
    }

    /**
     * Payload of {@code clinic.booking.appointment-booked.v1}.
     *
     * @param reviewRequestId the follow-up review request this booking answers, or null
     */
    record AppointmentBookedV1(UUID appointmentId, UUID patientId, UUID clinicianId, String appointmentType,
                               OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime bookedAt,
                               UUID reviewRequestId) {
    }

    /** Payload of {@code clinic.booking.appointment-rescheduled.v1}: the old time goes with the new one. */
    record AppointmentRescheduledV1(UUID appointmentId, UUID patientId, UUID clinicianId, String appointmentType,
                                    OffsetDateTime previousStartsAt, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                    OffsetDateTime rescheduledAt) {
    }

    /** Payload of the cancelled, checked-in, no-show and completed events: which appointment, and when it happened. */
    record AppointmentStatusChangedV1(UUID appointmentId, UUID patientId, UUID clinicianId, String appointmentType,
                                      OffsetDateTime startsAt, OffsetDateTime occurredAt) {
    }

    static CloudEvent booked(Appointment a, UUID reviewRequestId, Clock clock) {
        return event(BOOKED_V1, a, clock, new AppointmentBookedV1(a.id(), a.patientId(), a.clinicianId(),
                a.appointmentType().name(), ClinicTime.show(a.startsAt()), ClinicTime.show(a.endsAt()),
                ClinicTime.show(a.bookedAt()), reviewRequestId));
    }

    static CloudEvent rescheduled(Appointment a, Instant previousStart, Clock clock) {
        return event(RESCHEDULED_V1, a, clock, new AppointmentRescheduledV1(a.id(), a.patientId(), a.clinicianId(),
                a.appointmentType().name(), ClinicTime.show(previousStart), ClinicTime.show(a.startsAt()),
                ClinicTime.show(a.endsAt()), ClinicTime.show(clock.instant())));
    }

    static CloudEvent statusChanged(String type, Appointment a, Clock clock) {
        return event(type, a, clock, new AppointmentStatusChangedV1(a.id(), a.patientId(), a.clinicianId(),
                a.appointmentType().name(), ClinicTime.show(a.startsAt()), ClinicTime.show(clock.instant())));
    }

    private static CloudEvent event(String type, Appointment appointment, Clock clock, Object data) {
        return new CloudEvent(UUID.randomUUID(), SOURCE, type, appointment.id().toString(),
                OffsetDateTime.now(clock), null, data);
    }
}

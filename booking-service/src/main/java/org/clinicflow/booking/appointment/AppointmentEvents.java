package org.clinicflow.booking.appointment;

import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one place where booking-service's appointments become events on topic {@value #TOPIC}; each type and payload
 * here matches a schema in {@code contracts/schemas}. Payloads carry ids and times, and for the events a patient is
 * told about (booked, moved, cancelled) where and with whom: the site's name and address and the clinician's name,
 * which are the clinic's, not the patient's. Never the patient's name or contact details, nor the free-text reasons,
 * which may hold clinical details.
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
     * Where and with whom an appointment is, in the words its patient's messages use; optional fields added within
     * v1. Each is null when unknown (an overbook outside the clinician's sessions has no site).
     */
    record Setting(String clinicianName, String siteName, String siteAddress) {
    }

    /**
     * Payload of {@code clinic.booking.appointment-booked.v1}.
     *
     * @param reviewRequestId the follow-up review request this booking answers, or null
     */
    record AppointmentBookedV1(UUID appointmentId, UUID patientId, UUID clinicianId, String appointmentType,
                               OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime bookedAt,
                               UUID reviewRequestId, String clinicianName, String siteName, String siteAddress) {
    }

    /** Payload of {@code clinic.booking.appointment-rescheduled.v1}: the old time goes with the new one. */
    record AppointmentRescheduledV1(UUID appointmentId, UUID patientId, UUID clinicianId, String appointmentType,
                                    OffsetDateTime previousStartsAt, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                    OffsetDateTime rescheduledAt, String clinicianName, String siteName,
                                    String siteAddress) {
    }

    /** Payload of {@code clinic.booking.appointment-cancelled.v1}: which appointment, when, and where it was to be. */
    record AppointmentCancelledV1(UUID appointmentId, UUID patientId, UUID clinicianId, String appointmentType,
                                  OffsetDateTime startsAt, OffsetDateTime occurredAt, String clinicianName,
                                  String siteName, String siteAddress) {
    }

    /** Payload of the checked-in, no-show and completed events: which appointment, and when it happened. */
    record AppointmentStatusChangedV1(UUID appointmentId, UUID patientId, UUID clinicianId, String appointmentType,
                                      OffsetDateTime startsAt, OffsetDateTime occurredAt) {
    }

    static CloudEvent booked(Appointment a, Setting where, UUID reviewRequestId, Clock clock) {
        return event(BOOKED_V1, a, clock, new AppointmentBookedV1(a.id(), a.patientId(), a.clinicianId(),
                a.appointmentType().name(), ClinicTime.show(a.startsAt()), ClinicTime.show(a.endsAt()),
                ClinicTime.show(a.bookedAt()), reviewRequestId, where.clinicianName(), where.siteName(),
                where.siteAddress()));
    }

    static CloudEvent rescheduled(Appointment a, Setting where, Instant previousStart, Clock clock) {
        return event(RESCHEDULED_V1, a, clock, new AppointmentRescheduledV1(a.id(), a.patientId(), a.clinicianId(),
                a.appointmentType().name(), ClinicTime.show(previousStart), ClinicTime.show(a.startsAt()),
                ClinicTime.show(a.endsAt()), ClinicTime.show(clock.instant()), where.clinicianName(),
                where.siteName(), where.siteAddress()));
    }

    static CloudEvent cancelled(Appointment a, Setting where, Clock clock) {
        return event(CANCELLED_V1, a, clock, new AppointmentCancelledV1(a.id(), a.patientId(), a.clinicianId(),
                a.appointmentType().name(), ClinicTime.show(a.startsAt()), ClinicTime.show(clock.instant()),
                where.clinicianName(), where.siteName(), where.siteAddress()));
    }

    /** The checked-in, no-show and completed events; a cancellation has its own, {@link #cancelled}. */
    static CloudEvent statusChanged(String type, Appointment a, Clock clock) {
        if (CANCELLED_V1.equals(type)) {
            throw new IllegalArgumentException("A cancellation says where the appointment was: use cancelled()");
        }
        return event(type, a, clock, new AppointmentStatusChangedV1(a.id(), a.patientId(), a.clinicianId(),
                a.appointmentType().name(), ClinicTime.show(a.startsAt()), ClinicTime.show(clock.instant())));
    }

    private static CloudEvent event(String type, Appointment appointment, Clock clock, Object data) {
        return new CloudEvent(UUID.randomUUID(), SOURCE, type, appointment.id().toString(),
                OffsetDateTime.now(clock), null, data);
    }
}

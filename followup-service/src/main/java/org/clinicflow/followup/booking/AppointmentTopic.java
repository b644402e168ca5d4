package org.clinicflow.followup.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * booking-service's topic of appointment events, as follow-up reads it. Each reader requires what the producer's
 * schema requires and follow-up uses; an event without it is malformed (a dead letter), never half-handled. Fields
 * the producer added later within a version are optional here too: an event sent before them reads as null.
 */
public final class AppointmentTopic {

    public static final String TOPIC = "clinic.booking.appointment";
    public static final String BOOKED = "clinic.booking.appointment-booked.v1";
    public static final String RESCHEDULED = "clinic.booking.appointment-rescheduled.v1";
    public static final String CANCELLED = "clinic.booking.appointment-cancelled.v1";
    public static final String NO_SHOW = "clinic.booking.appointment-no-show.v1";
    public static final String PROCEDURE_COMPLETED = "clinic.booking.procedure-completed.v1";

    private AppointmentTopic() {
    }

    /**
     * Where and with whom, as booking-service named them when it sent the event; each null when the event did not
     * say (sent before the fields were added, or an appointment without a site).
     */
    public record Setting(String clinicianName, String siteName, String siteAddress) {
    }

    /** @param reviewRequestId the review request it answers, or null */
    public record AppointmentBooked(UUID appointmentId, UUID patientId, String appointmentType,
                                    OffsetDateTime startsAt, OffsetDateTime endsAt, UUID reviewRequestId,
                                    String clinicianName, String siteName, String siteAddress) {
        public Setting setting() {
            return new Setting(clinicianName, siteName, siteAddress);
        }

        public AppointmentBooked {
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(appointmentType, "appointmentType");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
        }
    }

    public record AppointmentRescheduled(UUID appointmentId, UUID patientId, String appointmentType,
                                         OffsetDateTime startsAt, OffsetDateTime endsAt, String clinicianName,
                                         String siteName, String siteAddress) {
        public Setting setting() {
            return new Setting(clinicianName, siteName, siteAddress);
        }

        public AppointmentRescheduled {
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(appointmentType, "appointmentType");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
        }
    }

    public record AppointmentCancelled(UUID appointmentId, UUID patientId, String appointmentType,
                                       OffsetDateTime startsAt, String clinicianName, String siteName,
                                       String siteAddress) {
        public Setting setting() {
            return new Setting(clinicianName, siteName, siteAddress);
        }

        public AppointmentCancelled {
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(appointmentType, "appointmentType");
            Objects.requireNonNull(startsAt, "startsAt");
        }
    }

    public record AppointmentNoShow(UUID appointmentId) {
        public AppointmentNoShow {
            Objects.requireNonNull(appointmentId, "appointmentId");
        }
    }

    public record ProcedureCompleted(UUID procedureId, UUID appointmentId, UUID patientId, UUID surgeonId,
                                     String treatment, LocalDate performedOn) {
        public ProcedureCompleted {
            Objects.requireNonNull(procedureId, "procedureId");
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(surgeonId, "surgeonId");
            Objects.requireNonNull(treatment, "treatment");
            Objects.requireNonNull(performedOn, "performedOn");
        }
    }
}

package org.clinicflow.booking.procedure;

import org.clinicflow.booking.appointment.Appointment;
import org.clinicflow.booking.appointment.AppointmentEvents;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.outbox.CloudEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The one place where a recorded procedure becomes an event; its type and payload match
 * {@code contracts/schemas}. It goes on the appointment's topic, keyed by the appointment, so that follow-up reads it
 * after the appointment's own events.
 */
final class ProcedureEvents {

    static final String TOPIC = AppointmentEvents.TOPIC;
    static final String COMPLETED_V1 = "clinic.booking.procedure-completed.v1";

    private ProcedureEvents() {
    }

    /** Payload of {@value #COMPLETED_V1}: what follow-up needs to start its pathway. */
    record ProcedureCompletedV1(UUID procedureId, UUID appointmentId, UUID patientId, UUID surgeonId,
                                String treatment, List<String> vertebralLevels, LocalDate performedOn,
                                OffsetDateTime recordedAt) {
    }

    static CloudEvent completed(ProcedureRecord record, Appointment appointment, Instant now) {
        return new CloudEvent(UUID.randomUUID(), AppointmentEvents.SOURCE, COMPLETED_V1,
                appointment.id().toString(), ClinicTime.show(now), null,
                new ProcedureCompletedV1(record.id(), appointment.id(), appointment.patientId(), record.performedBy(),
                        record.treatment().name(), record.vertebralLevels(), record.performedOn(),
                        ClinicTime.show(now)));
    }
}

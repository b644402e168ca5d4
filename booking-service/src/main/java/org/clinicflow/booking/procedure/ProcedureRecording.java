package org.clinicflow.booking.procedure;

import org.clinicflow.booking.appointment.AppointmentBooking;
import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.outbox.Outbox;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A surgeon records a procedure as performed on their theatre appointment. The record, the appointment's completion
 * and the event that starts follow-up commit together, or not at all.
 * <p>
 * The order of the checks is part of the rule: what the request alone says is checked first, then whose appointment it
 * is (anyone but its surgeon is told it does not exist), and only then its state, so that a colleague cannot learn an
 * appointment's type or status from the refusal.
 */
@Service
class ProcedureRecording {

    /** @param performedBy the operating surgeon; the caller when not given */
    record Procedure(Treatment treatment, List<String> vertebralLevels, LocalDate performedOn, UUID performedBy) {
    }

    private final ProcedureRecordRepository procedures;
    private final AppointmentBooking appointments;
    private final ClinicianRepository clinicians;
    private final Outbox outbox;
    private final Clock clock;

    ProcedureRecording(ProcedureRecordRepository procedures, AppointmentBooking appointments,
                       ClinicianRepository clinicians, Outbox outbox, Clock clock) {
        this.procedures = procedures;
        this.appointments = appointments;
        this.clinicians = clinicians;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    ProcedureRecord record(UUID appointmentId, Procedure procedure, ClinicUser by) {
        if (procedure.performedOn().isAfter(LocalDate.now(clock.withZone(ClinicTime.ZONE)))) {
            throw new InvalidFieldException("performedOn", "must not be in the future");
        }
        if (new HashSet<>(procedure.vertebralLevels()).size() != procedure.vertebralLevels().size()) {
            throw new InvalidFieldException("vertebralLevels", "names a level twice");
        }
        var surgeonId = Optional.ofNullable(procedure.performedBy()).or(by::clinicianId)
                .orElseThrow(() -> new InvalidFieldException("performedBy", "is required"));
        clinicians.findById(surgeonId).filter(Clinician::active).filter(c -> c.profession().equals("SURGEON"))
                .orElseThrow(() -> new InvalidFieldException("performedBy", "does not match an active surgeon"));

        // Refuses another surgeon's appointment as not found before it looks at the appointment's state.
        var appointment = appointments.completeForProcedure(appointmentId, by);
        AuditScope.patient(appointment.patientId());
        if (procedures.existsByAppointmentId(appointmentId)) {
            throw new ConflictException("A procedure is already recorded for this appointment");
        }
        var theatreDay = ClinicTime.dateOf(appointment.startsAt());
        if (!procedure.performedOn().equals(theatreDay)) {
            throw new InvalidFieldException("performedOn", "must be the date of the theatre appointment, " + theatreDay);
        }
        var now = clock.instant();
        var record = procedures.save(new ProcedureRecord(appointmentId, procedure.treatment(),
                procedure.vertebralLevels(), procedure.performedOn(), surgeonId, by.userId(), now));
        outbox.append(ProcedureEvents.TOPIC, ProcedureEvents.completed(record, appointment, now));
        return record;
    }
}

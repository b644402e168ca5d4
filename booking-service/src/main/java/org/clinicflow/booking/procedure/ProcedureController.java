package org.clinicflow.booking.procedure;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clinicflow.booking.appointment.AppointmentBooking;
import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.platform.ClinicTime;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.outbox.CloudEvent;
import org.clinicflow.platform.outbox.Outbox;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.HiddenRecordException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A surgeon records a procedure as performed on its theatre appointment. The record, the appointment's completion and
 * the {@code clinic.booking.procedure-completed.v1} event that starts follow-up commit together.
 */
@RestController
@RequestMapping("/api/booking/appointments/{appointmentId}/procedure")
class ProcedureController {

    static final String COMPLETED_V1 = "clinic.booking.procedure-completed.v1";

    private final ProcedureRecordRepository procedures;
    private final AppointmentBooking appointments;
    private final ClinicianRepository clinicians;
    private final Outbox outbox;
    private final Clock clock;

    ProcedureController(ProcedureRecordRepository procedures, AppointmentBooking appointments,
                        ClinicianRepository clinicians, Outbox outbox, Clock clock) {
        this.procedures = procedures;
        this.appointments = appointments;
        this.clinicians = clinicians;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param performedBy the operating surgeon; the caller when not given */
    record RecordProcedure(@NotNull Treatment treatment,
                           @NotEmpty @Size(max = 10) List<@Pattern(regexp = "C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]",
                                   message = "must be a vertebral level such as T12 or L1") String> vertebralLevels,
                           @NotNull LocalDate performedOn,
                           UUID performedBy) {
    }

    record ProcedureView(UUID id, UUID appointmentId, Treatment treatment, List<String> vertebralLevels,
                         LocalDate performedOn, UUID performedBy) {
    }

    /** Payload of {@code clinic.booking.procedure-completed.v1}: what follow-up needs to start its pathway. */
    record ProcedureCompletedV1(UUID procedureId, UUID appointmentId, UUID patientId, UUID surgeonId,
                                String treatment, List<String> vertebralLevels, LocalDate performedOn,
                                OffsetDateTime recordedAt) {
    }

    @Operation(summary = "Record the procedure performed on a theatre appointment (surgeons)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('surgeon')")
    @Audited(action = AuditAction.CREATE, record = "procedure", id = "#result?.id()")
    @Transactional
    ProcedureView record(@PathVariable UUID appointmentId, @Valid @RequestBody RecordProcedure request,
                         Authentication authentication) {
        var user = ClinicUser.of(authentication);
        if (request.performedOn().isAfter(LocalDate.now(clock.withZone(ClinicTime.ZONE)))) {
            throw new InvalidFieldException("performedOn", "must not be in the future");
        }
        if (new HashSet<>(request.vertebralLevels()).size() != request.vertebralLevels().size()) {
            throw new InvalidFieldException("vertebralLevels", "names a level twice");
        }
        var surgeonId = Optional.ofNullable(request.performedBy()).or(user::clinicianId)
                .orElseThrow(() -> new InvalidFieldException("performedBy", "is required"));
        clinicians.findById(surgeonId).filter(Clinician::active).filter(c -> c.profession().equals("SURGEON"))
                .orElseThrow(() -> new InvalidFieldException("performedBy", "does not match an active surgeon"));
        if (procedures.existsByAppointmentId(appointmentId)) {
            throw new ConflictException("A procedure is already recorded for this appointment");
        }
        var appointment = appointments.completeForProcedure(appointmentId, user);
        AuditScope.patient(appointment.patientId());
        // Only the surgeon whose theatre list holds the appointment records on it; refusing here rolls back the
        // completion above with everything else in this transaction.
        if (!user.clinicianId().equals(Optional.of(appointment.clinicianId()))) {
            throw new HiddenRecordException("Appointment", appointmentId, appointment.patientId());
        }
        var theatreDay = ClinicTime.dateOf(appointment.startsAt());
        if (!request.performedOn().equals(theatreDay)) {
            throw new InvalidFieldException("performedOn", "must be the date of the theatre appointment, " + theatreDay);
        }
        var now = clock.instant();
        var record = procedures.save(new ProcedureRecord(appointmentId, request.treatment(),
                request.vertebralLevels(), request.performedOn(), surgeonId, user.userId(), now));
        outbox.append("clinic.booking.appointment", new CloudEvent(UUID.randomUUID(), "/clinicflow/booking-service",
                COMPLETED_V1, appointmentId.toString(), ClinicTime.show(now), null,
                new ProcedureCompletedV1(record.id(), appointmentId, appointment.patientId(), surgeonId,
                        record.treatment().name(), record.vertebralLevels(), record.performedOn(),
                        ClinicTime.show(now))));
        return new ProcedureView(record.id(), appointmentId, record.treatment(), record.vertebralLevels(),
                record.performedOn(), record.performedBy());
    }
}

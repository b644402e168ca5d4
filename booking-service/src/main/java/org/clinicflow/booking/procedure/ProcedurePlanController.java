package org.clinicflow.booking.procedure;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.HiddenRecordException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a theatre appointment is booked for: the planned treatment and vertebral levels, shown on the theatre list so
 * that theatre can prepare. Reception and clinic admins set it when they book; the operating surgeon may correct it
 * on their own list. What is actually done is recorded afterwards, apart from the plan.
 */
@RestController
@RequestMapping("/api/booking/appointments/{appointmentId}/procedure-plan")
class ProcedurePlanController {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcedurePlanController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record PlanProcedure(@NotNull Treatment treatment,
                         @NotEmpty @Size(max = 10) List<@Pattern(regexp = "C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]",
                                 message = "must be a vertebral level such as T12 or L1") String> vertebralLevels) {
    }

    record PlanView(UUID appointmentId, Treatment treatment, List<String> vertebralLevels) {
    }

    private record Theatre(UUID clinicianId, UUID patientId, String type, String status) {
    }

    @Operation(summary = "The planned treatment and levels of a theatre appointment")
    @GetMapping
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.READ, record = "procedure-plan", id = "#appointmentId")
    @Transactional(readOnly = true)
    PlanView plan(@PathVariable UUID appointmentId, Authentication authentication) {
        theatreAppointment(appointmentId, ClinicUser.of(authentication));
        return jdbc.sql("select treatment, vertebral_levels from procedure_plan where appointment_id = :id")
                .param("id", appointmentId)
                .query((rs, row) -> new PlanView(appointmentId, Treatment.valueOf(rs.getString("treatment")),
                        List.of((String[]) rs.getArray("vertebral_levels").getArray())))
                .optional().orElseThrow(() -> new NotFoundException("Procedure plan", appointmentId));
    }

    @Operation(summary = "Plan (or re-plan) the treatment and levels of a theatre appointment")
    @PutMapping
    @PreAuthorize("hasAnyRole('surgeon', 'receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "procedure-plan", id = "#appointmentId")
    @Transactional
    PlanView replan(@PathVariable UUID appointmentId, @Valid @RequestBody PlanProcedure request,
                    Authentication authentication) {
        var theatre = theatreAppointment(appointmentId, ClinicUser.of(authentication));
        if (!List.of("BOOKED", "CHECKED_IN").contains(theatre.status())) {
            throw new ConflictException("Only a booked or checked-in procedure can be planned; this one is "
                    + theatre.status());
        }
        if (new HashSet<>(request.vertebralLevels()).size() != request.vertebralLevels().size()) {
            throw new InvalidFieldException("vertebralLevels", "names a level twice");
        }
        jdbc.sql("""
                        insert into procedure_plan (appointment_id, treatment, vertebral_levels, planned_by, planned_at)
                        values (:id, :treatment, :levels, :by, :at)
                        on conflict (appointment_id) do update
                        set treatment = excluded.treatment, vertebral_levels = excluded.vertebral_levels,
                            planned_by = excluded.planned_by, planned_at = excluded.planned_at""")
                .param("id", appointmentId).param("treatment", request.treatment().name())
                .param("levels", request.vertebralLevels().toArray(String[]::new))
                .param("by", ClinicUser.of(authentication).userId())
                .param("at", Timestamp.from(clock.instant())).update();
        return new PlanView(appointmentId, request.treatment(), List.copyOf(request.vertebralLevels()));
    }

    /** A surgeon reaches only the procedures on their own theatre list; anyone else's is as if it did not exist. */
    private Theatre theatreAppointment(UUID appointmentId, ClinicUser user) {
        var theatre = jdbc.sql("""
                        select clinician_id, patient_id, appointment_type, status from appointment
                        where id = :id and status <> 'HELD'""")
                .param("id", appointmentId)
                .query((rs, row) -> new Theatre(rs.getObject("clinician_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getString("appointment_type"),
                        rs.getString("status")))
                .optional().orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
        AuditScope.patient(theatre.patientId());
        boolean staff = user.hasRole("receptionist") || user.hasRole("clinic-admin");
        if (!staff && !user.clinicianId().equals(Optional.of(theatre.clinicianId()))) {
            throw new HiddenRecordException("Appointment", appointmentId, theatre.patientId());
        }
        if (!theatre.type().equals("PROCEDURE")) {
            throw new ConflictException("Only a procedure appointment has a procedure plan");
        }
        return theatre;
    }
}

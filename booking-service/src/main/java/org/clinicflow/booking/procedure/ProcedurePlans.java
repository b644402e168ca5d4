package org.clinicflow.booking.procedure;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clinicflow.booking.appointment.Appointment;
import org.clinicflow.booking.appointment.AppointmentBooking;
import org.clinicflow.booking.appointment.AppointmentStatus;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.HiddenRecordException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a theatre appointment is booked for: the planned treatment and vertebral levels, shown on the theatre list so
 * that theatre can prepare. Reception and clinic admins set it when they book; the operating surgeon may correct it
 * on their own list. What is actually done is recorded afterwards, apart from the plan ({@link ProcedureRecording}).
 * <p>
 * As there, whose appointment it is is checked before its type or state, so a colleague learns nothing from a refusal.
 */
@Service
class ProcedurePlans {

    record PlanProcedure(@NotNull Treatment treatment,
                         @NotEmpty @Size(max = 10) List<@Pattern(regexp = "C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]",
                                 message = "must be a vertebral level such as T12 or L1") String> vertebralLevels) {
    }

    record PlanView(UUID appointmentId, Treatment treatment, List<String> vertebralLevels) {
    }

    /** A plan can still change while the patient has not yet been operated on. */
    private static final EnumSet<AppointmentStatus> PLANNABLE =
            EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN);

    private final JdbcClient jdbc;
    private final AppointmentBooking appointments;
    private final Clock clock;

    ProcedurePlans(JdbcClient jdbc, AppointmentBooking appointments, Clock clock) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PlanView plan(UUID appointmentId, ClinicUser user) {
        theatreAppointment(appointmentId, user);
        return jdbc.sql("select treatment, vertebral_levels from procedure_plan where appointment_id = :id")
                .param("id", appointmentId)
                .query((rs, row) -> new PlanView(appointmentId, Treatment.valueOf(rs.getString("treatment")),
                        List.of((String[]) rs.getArray("vertebral_levels").getArray())))
                .optional().orElseThrow(() -> new NotFoundException("Procedure plan", appointmentId));
    }

    @Transactional
    PlanView replan(UUID appointmentId, PlanProcedure plan, ClinicUser by) {
        var theatre = theatreAppointment(appointmentId, by);
        if (!PLANNABLE.contains(theatre.status())) {
            throw new ConflictException("Only a booked or checked-in procedure can be planned; this one is "
                    + theatre.status());
        }
        if (new HashSet<>(plan.vertebralLevels()).size() != plan.vertebralLevels().size()) {
            throw new InvalidFieldException("vertebralLevels", "names a level twice");
        }
        jdbc.sql("""
                        insert into procedure_plan (appointment_id, treatment, vertebral_levels, planned_by, planned_at)
                        values (:id, :treatment, :levels, :by, :at)
                        on conflict (appointment_id) do update
                        set treatment = excluded.treatment, vertebral_levels = excluded.vertebral_levels,
                            planned_by = excluded.planned_by, planned_at = excluded.planned_at""")
                .param("id", appointmentId).param("treatment", plan.treatment().name())
                .param("levels", plan.vertebralLevels().toArray(String[]::new))
                .param("by", by.userId())
                .param("at", Timestamp.from(clock.instant())).update();
        return new PlanView(appointmentId, plan.treatment(), List.copyOf(plan.vertebralLevels()));
    }

    /** A surgeon reaches only the procedures on their own theatre list; anyone else's is as if it did not exist. */
    private Appointment theatreAppointment(UUID appointmentId, ClinicUser user) {
        var theatre = appointments.find(appointmentId)
                .filter(a -> a.status() != AppointmentStatus.HELD)
                .orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
        AuditScope.patient(theatre.patientId());
        boolean staff = user.hasRole("receptionist") || user.hasRole("clinic-admin");
        if (!staff && !user.clinicianId().equals(Optional.of(theatre.clinicianId()))) {
            throw new HiddenRecordException("Appointment", appointmentId, theatre.patientId());
        }
        if (theatre.appointmentType() != AppointmentType.PROCEDURE) {
            throw new ConflictException("Only a procedure appointment has a procedure plan");
        }
        return theatre;
    }
}

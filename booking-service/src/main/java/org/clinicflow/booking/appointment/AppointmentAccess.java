package org.clinicflow.booking.appointment;

import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.HiddenRecordException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may read an appointment: reception and clinic admins any; a surgeon the appointments on their own lists; a
 * patient their own. Anything else answers 404 like an id that names nothing, so nobody learns that it exists, and one
 * that exists is audited as a refused attempt on its patient. Checked before anything about the appointment's state
 * is looked at.
 */
@Component
class AppointmentAccess {

    private final AppointmentRepository appointments;

    AppointmentAccess(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    /** The appointment, if this caller may read it. */
    Appointment readable(UUID id, ClinicUser user) {
        var appointment = appointments.findById(id)
                .filter(a -> a.status() != AppointmentStatus.HELD)
                .orElseThrow(() -> new NotFoundException("Appointment", id));
        AuditScope.patient(appointment.patientId());
        if (!mayRead(user, appointment)) {
            throw new HiddenRecordException("Appointment", id, appointment.patientId());
        }
        return appointment;
    }

    static boolean mayRead(ClinicUser user, Appointment appointment) {
        if (user.hasRole("receptionist") || user.hasRole("clinic-admin")) {
            return true;
        }
        if (user.hasRole("surgeon") && user.clinicianId().equals(Optional.of(appointment.clinicianId()))) {
            return true;
        }
        return appointment.patientId() != null && user.patientId().equals(Optional.of(appointment.patientId()));
    }
}

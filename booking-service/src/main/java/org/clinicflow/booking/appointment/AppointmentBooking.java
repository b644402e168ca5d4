package org.clinicflow.booking.appointment;

import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.patient.PatientRepository;
import org.clinicflow.platform.outbox.Outbox;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Books appointments; the appointment and its booked event commit together or not at all. */
@Service
class AppointmentBooking {

    private final AppointmentRepository appointments;
    private final PatientRepository patients;
    private final ClinicianRepository clinicians;
    private final Outbox outbox;
    private final Clock clock;

    AppointmentBooking(AppointmentRepository appointments, PatientRepository patients, ClinicianRepository clinicians,
                       Outbox outbox, Clock clock) {
        this.appointments = appointments;
        this.patients = patients;
        this.clinicians = clinicians;
        this.outbox = outbox;
        this.clock = clock;
    }

    record BookAppointment(UUID patientId, UUID clinicianId, AppointmentType appointmentType, Instant startsAt,
                           String reason) {
    }

    @Transactional
    Appointment book(BookAppointment command, ClinicUser bookedBy) {
        if (!patients.existsById(command.patientId())) {
            throw new InvalidFieldException("patientId", "does not match a registered patient");
        }
        var clinician = clinicians.findById(command.clinicianId())
                .filter(c -> c.active())
                .orElseThrow(() -> new InvalidFieldException("clinicianId", "does not match an active clinician"));
        var now = clock.instant();
        if (!command.startsAt().isAfter(now)) {
            throw new InvalidFieldException("startsAt", "must be in the future");
        }
        var appointment = Appointment.book(command.patientId(), clinician.id(), command.appointmentType(),
                command.startsAt(), command.reason(), bookedBy.userId(), now);
        if (appointments.clinicianBusy(clinician.id(), appointment.startsAt(), appointment.endsAt())) {
            throw new ConflictException("The clinician already has an appointment at that time");
        }
        // Flush now so that the exclusion constraint decides a race inside this transaction, before the event is kept.
        appointments.saveAndFlush(appointment);
        outbox.append(AppointmentEvents.TOPIC, AppointmentEvents.booked(appointment, clock));
        return appointment;
    }
}

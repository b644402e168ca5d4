package org.clinicflow.booking.appointment;

import org.clinicflow.booking.clinician.ClinicianDiary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The appointments side of {@link ClinicianDiary}: what changes to working patterns must leave room for. */
@Component
class AppointmentDiary implements ClinicianDiary {

    private final AppointmentRepository appointments;
    private final Clock clock;

    AppointmentDiary(AppointmentRepository appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> liveAppointments(UUID clinicianId, Instant from, Instant to) {
        var live = clinicianId == null
                ? appointments.liveBetween(from, to, clock.instant())
                : appointments.liveBetween(clinicianId, from, to, clock.instant());
        return live.stream().map(a -> new Entry(a.id(), a.clinicianId(), a.startsAt(), a.endsAt())).toList();
    }
}

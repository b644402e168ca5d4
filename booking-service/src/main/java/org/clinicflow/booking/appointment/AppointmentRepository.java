package org.clinicflow.booking.appointment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface AppointmentRepository extends JpaRepository<Appointment, UUID> {

    @Query("""
            select count(a) > 0 from Appointment a
            where a.clinicianId = :clinicianId and a.status in ('BOOKED', 'CHECKED_IN')
              and a.startsAt < :endsAt and a.endsAt > :startsAt
            """)
    boolean clinicianBusy(UUID clinicianId, Instant startsAt, Instant endsAt);

    List<Appointment> findByPatientIdAndEndsAtAfterOrderByStartsAt(UUID patientId, Instant after);
}

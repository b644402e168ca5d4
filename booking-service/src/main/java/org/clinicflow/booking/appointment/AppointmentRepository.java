package org.clinicflow.booking.appointment;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface AppointmentRepository extends JpaRepository<Appointment, UUID> {

    /** Java's early, friendly answer; the exclusion constraint is the one that settles races. */
    @Query("""
            select count(a) > 0 from Appointment a
            where a.clinicianId = :clinicianId and a.id <> :except and a.overbooked = false
              and (a.status in (org.clinicflow.booking.appointment.AppointmentStatus.BOOKED,
                                org.clinicflow.booking.appointment.AppointmentStatus.CHECKED_IN)
                   or (a.status = org.clinicflow.booking.appointment.AppointmentStatus.HELD and a.holdExpiresAt > :now))
              and a.startsAt < :endsAt and a.endsAt > :startsAt
            """)
    boolean clinicianBusy(UUID clinicianId, Instant startsAt, Instant endsAt, UUID except, Instant now);

    /** The periodic sweep: every lapsed hold, whoever's diary it is in. */
    @Modifying
    @Query("""
            delete from Appointment a
            where a.status = org.clinicflow.booking.appointment.AppointmentStatus.HELD and a.holdExpiresAt <= :now
            """)
    int deleteLapsedHolds(Instant now);

    /**
     * Lapsed holds still occupy their time in the constraint until they are gone, so the ones in the way of a new
     * claim go first. Only those: clearing every lapsed hold on every booking made concurrent bookings queue behind
     * each other's deletes.
     */
    @Modifying
    @Query("""
            delete from Appointment a
            where a.clinicianId = :clinicianId
              and a.status = org.clinicflow.booking.appointment.AppointmentStatus.HELD and a.holdExpiresAt <= :now
              and a.startsAt < :endsAt and a.endsAt > :startsAt
            """)
    int deleteLapsedHoldsInTheWay(UUID clinicianId, Instant startsAt, Instant endsAt, Instant now);

    @Query("""
            select a from Appointment a
            where a.clinicianId = :clinicianId and a.startsAt >= :from and a.startsAt < :to
              and (a.status in (org.clinicflow.booking.appointment.AppointmentStatus.BOOKED,
                                org.clinicflow.booking.appointment.AppointmentStatus.CHECKED_IN)
                   or (a.status = org.clinicflow.booking.appointment.AppointmentStatus.HELD and a.holdExpiresAt > :now))
            order by a.startsAt
            """)
    List<Appointment> liveBetween(UUID clinicianId, Instant from, Instant to, Instant now);

    @Query("""
            select a from Appointment a
            where a.startsAt >= :from and a.startsAt < :to
              and (a.status in (org.clinicflow.booking.appointment.AppointmentStatus.BOOKED,
                                org.clinicflow.booking.appointment.AppointmentStatus.CHECKED_IN)
                   or (a.status = org.clinicflow.booking.appointment.AppointmentStatus.HELD and a.holdExpiresAt > :now))
            order by a.startsAt
            """)
    List<Appointment> liveBetween(Instant from, Instant to, Instant now);

    Page<Appointment> findByPatientIdAndStatusNotOrderByStartsAtDesc(UUID patientId, AppointmentStatus status,
                                                                     Pageable page);

    List<Appointment> findByPatientIdAndEndsAtAfterOrderByStartsAt(UUID patientId, Instant after);
}

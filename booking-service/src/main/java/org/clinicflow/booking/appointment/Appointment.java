package org.clinicflow.booking.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient's time with a clinician. Times are stored as instants; they are shown in clinic time (Europe/London).
 * <p>
 * Invariant, held by the database itself: no two live (booked or checked-in) appointments of one clinician, or of one
 * patient, overlap. Java checks it first to give a friendly answer; the exclusion constraint settles races.
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    private UUID id;
    @Column(updatable = false)
    private UUID patientId;
    private UUID clinicianId;
    @Enumerated(EnumType.STRING)
    private AppointmentType appointmentType;
    private Instant startsAt;
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    private AppointmentStatus status;
    /** Why the patient is coming, in the receptionist's words; clinical, so never logged. Null when not given. */
    private String reason;
    @Column(updatable = false)
    private String bookedBy;
    @Column(updatable = false)
    private Instant bookedAt;
    @Version
    private long version;

    protected Appointment() {
    }

    static Appointment book(UUID patientId, UUID clinicianId, AppointmentType type, Instant startsAt, String reason,
                            String bookedBy, Instant now) {
        var appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.patientId = patientId;
        appointment.clinicianId = clinicianId;
        appointment.appointmentType = type;
        appointment.startsAt = startsAt;
        appointment.endsAt = startsAt.plus(type.duration());
        appointment.status = AppointmentStatus.BOOKED;
        appointment.reason = reason;
        appointment.bookedBy = bookedBy;
        appointment.bookedAt = now;
        return appointment;
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID clinicianId() {
        return clinicianId;
    }

    public AppointmentType appointmentType() {
        return appointmentType;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public AppointmentStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }

    Instant bookedAt() {
        return bookedAt;
    }

    long version() {
        return version;
    }
}

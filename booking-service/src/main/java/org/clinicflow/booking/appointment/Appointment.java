package org.clinicflow.booking.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.time.ClinicTime;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient's time with a clinician, from a short hold through booking to check-in and completion (or cancellation or
 * no-show). Times are stored as instants; they are shown in clinic time (Europe/London).
 * <p>
 * Invariant, held by the database itself: no two live (held, booked or checked-in) appointments of one clinician
 * overlap, unless one was a deliberate, audited overbook; a patient is never booked into two overlapping appointments.
 * Java checks first to give a friendly answer; the exclusion constraints settle races.
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    private UUID id;
    /** Null only while held: the receptionist may hold a slot before choosing the patient. */
    private UUID patientId;
    private UUID clinicianId;
    private UUID siteId;
    @Enumerated(EnumType.STRING)
    private AppointmentType appointmentType;
    private Instant startsAt;
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    private AppointmentStatus status;
    /** Set while held: when the hold lapses and the slot frees itself. */
    private Instant holdExpiresAt;
    private boolean overbooked;
    /** Why the patient is coming, in the receptionist's words; clinical, so never logged. Null when not given. */
    private String reason;
    /** Why it was cancelled or marked a no-show; null otherwise. */
    private String statusReason;
    @Column(updatable = false)
    private String bookedBy;
    private Instant bookedAt;
    /** A wrapper, null until first stored: that is how Spring Data knows to insert without reading first. */
    @Version
    private Long version;

    protected Appointment() {
    }

    static Appointment hold(UUID clinicianId, UUID siteId, AppointmentType type, Instant startsAt, String by,
                            Instant now, Instant expiresAt) {
        var appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.clinicianId = clinicianId;
        appointment.siteId = siteId;
        appointment.appointmentType = type;
        appointment.startsAt = startsAt;
        appointment.endsAt = startsAt.plus(type.duration());
        appointment.status = AppointmentStatus.HELD;
        appointment.holdExpiresAt = expiresAt;
        appointment.bookedBy = by;
        appointment.bookedAt = now;
        return appointment;
    }

    static Appointment book(UUID patientId, UUID clinicianId, UUID siteId, AppointmentType type, Instant startsAt,
                            String reason, String bookedBy, Instant now, boolean overbooked) {
        var appointment = hold(clinicianId, siteId, type, startsAt, bookedBy, now, null);
        appointment.confirm(patientId, reason, now);
        appointment.overbooked = overbooked;
        return appointment;
    }

    /** Turns a hold into a booking for the patient; refused once the hold has lapsed. */
    void confirm(UUID patient, String bookingReason, Instant now) {
        if (status == AppointmentStatus.HELD && holdExpiresAt != null && !holdExpiresAt.isAfter(now)) {
            throw new AppointmentRefused(AppointmentRefused.Rule.HOLD_EXPIRED,
                    "The hold has expired; hold the slot again");
        }
        moveTo(AppointmentStatus.BOOKED);
        this.patientId = patient;
        this.reason = bookingReason;
        this.holdExpiresAt = null;
        this.bookedAt = now;
    }

    void rescheduleTo(Instant newStart, UUID newSiteId) {
        if (status != AppointmentStatus.BOOKED) {
            throw new AppointmentRefused(AppointmentRefused.Rule.ONLY_BOOKED_MOVES,
                    "Only a booked appointment can be moved; this one is " + status);
        }
        this.startsAt = newStart;
        this.endsAt = newStart.plus(appointmentType.duration());
        this.siteId = newSiteId;
    }

    void cancel(String why) {
        moveTo(AppointmentStatus.CANCELLED);
        this.statusReason = why;
    }

    /** Only on the day: checking in next week's patient is a slip of the mouse, not an arrival. */
    void checkIn(Instant now) {
        var day = ClinicTime.dateOf(startsAt);
        if (!ClinicTime.dateOf(now).equals(day)) {
            throw new AppointmentRefused(AppointmentRefused.Rule.CHECK_IN_ON_THE_DAY,
                    "A patient can be checked in only on the day of their appointment, " + day);
        }
        moveTo(AppointmentStatus.CHECKED_IN);
    }

    /** Only once the appointment's time has come: before that the patient may still arrive. */
    void markNoShow(String why, Instant now) {
        if (now.isBefore(startsAt)) {
            throw new AppointmentRefused(AppointmentRefused.Rule.NO_SHOW_AFTER_START,
                    "A patient can be marked as not attending only once the appointment has begun");
        }
        moveTo(AppointmentStatus.NO_SHOW);
        this.statusReason = why;
    }

    void complete() {
        moveTo(AppointmentStatus.COMPLETED);
    }

    private void moveTo(AppointmentStatus next) {
        if (status != null && (!status.canBecome(next) || status == next)) {
            throw new AppointmentRefused(AppointmentRefused.Rule.NO_SUCH_STEP,
                    "An appointment that is " + status + " cannot become " + next);
        }
        status = next;
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

    public UUID siteId() {
        return siteId;
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

    Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    boolean overbooked() {
        return overbooked;
    }

    String reason() {
        return reason;
    }

    String statusReason() {
        return statusReason;
    }

    Instant bookedAt() {
        return bookedAt;
    }

    long version() {
        return version == null ? 0 : version;
    }
}

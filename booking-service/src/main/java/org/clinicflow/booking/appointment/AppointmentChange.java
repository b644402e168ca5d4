package org.clinicflow.booking.appointment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.clinicflow.platform.security.ClinicUser;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an appointment's history: who did what, when and why. Written in the transaction of the change and
 * never updated, so "who cancelled this, and why?" always has an answer.
 */
@Entity
@Table(name = "appointment_change")
class AppointmentChange {

    enum Action { BOOKED, OVERBOOKED, RESCHEDULED, CANCELLED, CHECKED_IN, NO_SHOW, COMPLETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID appointmentId;
    private Instant changedAt;
    private String changedBy;
    /** The name shown in the history; {@code changedBy} stays the subject id that audit and APIs join on. */
    private String changedByName;
    @Enumerated(EnumType.STRING)
    private Action action;
    private String reason;
    private Instant oldStartsAt;
    private Instant newStartsAt;
    private String oldStatus;
    private String newStatus;

    protected AppointmentChange() {
    }

    AppointmentChange(UUID appointmentId, Instant changedAt, ClinicUser by, Action action, String reason,
                      Instant oldStartsAt, Instant newStartsAt, AppointmentStatus oldStatus,
                      AppointmentStatus newStatus) {
        this.appointmentId = appointmentId;
        this.changedAt = changedAt;
        this.changedBy = by.userId();
        this.changedByName = by.name();
        this.action = action;
        this.reason = reason;
        this.oldStartsAt = oldStartsAt;
        this.newStartsAt = newStartsAt;
        this.oldStatus = oldStatus == null ? null : oldStatus.name();
        this.newStatus = newStatus == null ? null : newStatus.name();
    }

    Instant changedAt() {
        return changedAt;
    }

    String changedBy() {
        return changedBy;
    }

    String changedByName() {
        return changedByName;
    }

    Action action() {
        return action;
    }

    String reason() {
        return reason;
    }

    Instant oldStartsAt() {
        return oldStartsAt;
    }

    Instant newStartsAt() {
        return newStartsAt;
    }

    String oldStatus() {
        return oldStatus;
    }

    String newStatus() {
        return newStatus;
    }
}

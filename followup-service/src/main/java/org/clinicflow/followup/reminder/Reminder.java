package org.clinicflow.followup.reminder;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A reminder the clinic owes a patient about one appointment, due at a fixed instant. */
@Entity
@Table(name = "reminder")
public class Reminder {

    public enum Status { SCHEDULED, SENT, CANCELLED }

    @Id
    private UUID id;
    private UUID appointmentId;
    private UUID patientId;
    @Enumerated(EnumType.STRING)
    private ReminderKind kind;
    private Instant dueAt;
    private Instant appointmentStartsAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    /** The booking event this reminder came from: the trail from a message back to its cause. */
    private UUID sourceEventId;
    private Instant createdAt;

    protected Reminder() {
    }

    static Reminder schedule(UUID appointmentId, UUID patientId, ReminderKind kind, Instant appointmentStartsAt,
                             UUID sourceEventId, Instant now) {
        var reminder = new Reminder();
        reminder.id = UUID.randomUUID();
        reminder.appointmentId = appointmentId;
        reminder.patientId = patientId;
        reminder.kind = kind;
        reminder.appointmentStartsAt = appointmentStartsAt;
        reminder.dueAt = appointmentStartsAt.minus(kind.lead());
        reminder.status = Status.SCHEDULED;
        reminder.sourceEventId = sourceEventId;
        reminder.createdAt = now;
        return reminder;
    }

    UUID id() {
        return id;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    ReminderKind kind() {
        return kind;
    }

    Instant dueAt() {
        return dueAt;
    }

    Instant appointmentStartsAt() {
        return appointmentStartsAt;
    }

    Status status() {
        return status;
    }
}

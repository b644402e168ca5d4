package org.clinicflow.booking.availability;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A change to the weekly pattern on one date: a cancelled day (leave; a bank holiday when no clinician is named) or a
 * one-off extra session.
 */
@Entity
@Table(name = "session_exception")
class SessionException {

    enum Change { CANCELLED, EXTRA }

    @Id
    private UUID id;
    /** Null for a bank holiday: nobody works. */
    private UUID clinicianId;
    private LocalDate onDate;
    @Enumerated(EnumType.STRING)
    private Change change;
    private UUID siteId;
    private UUID roomId;
    private LocalTime startsAt;
    private LocalTime endsAt;
    @Enumerated(EnumType.STRING)
    private SessionKind kind;
    private String reason;
    /** Keycloak subject of the clinic-admin who recorded it; null for seeded rows. */
    private String recordedBy;
    private Instant recordedAt;

    protected SessionException() {
    }

    static SessionException cancelledDay(UUID clinicianId, LocalDate onDate, String reason, String by, Instant at) {
        var day = new SessionException();
        day.recordedBy = by;
        day.recordedAt = at;
        day.id = UUID.randomUUID();
        day.clinicianId = clinicianId;
        day.onDate = onDate;
        day.change = Change.CANCELLED;
        day.reason = reason;
        return day;
    }

    static SessionException extraSession(ClinicSession session, String reason, String by, Instant at) {
        var extra = new SessionException();
        extra.recordedBy = by;
        extra.recordedAt = at;
        extra.id = UUID.randomUUID();
        extra.clinicianId = session.clinicianId();
        extra.onDate = session.date();
        extra.change = Change.EXTRA;
        extra.siteId = session.siteId();
        extra.roomId = session.roomId();
        extra.startsAt = session.startsAt();
        extra.endsAt = session.endsAt();
        extra.kind = session.kind();
        extra.reason = reason;
        return extra;
    }

    UUID id() {
        return id;
    }

    UUID clinicianId() {
        return clinicianId;
    }

    Change change() {
        return change;
    }

    String reason() {
        return reason;
    }

    String recordedBy() {
        return recordedBy;
    }

    boolean cancels(UUID clinician, LocalDate date) {
        return change == Change.CANCELLED && onDate.equals(date) && (clinicianId == null || clinicianId.equals(clinician));
    }

    boolean isExtra() {
        return change == Change.EXTRA;
    }

    LocalDate onDate() {
        return onDate;
    }

    ClinicSession asSession() {
        return new ClinicSession(clinicianId, siteId, roomId, kind, onDate, startsAt, endsAt);
    }
}

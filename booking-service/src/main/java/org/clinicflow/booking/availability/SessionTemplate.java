package org.clinicflow.booking.availability;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A clinician's recurring weekly session, in clinic wall-clock time, e.g. "Mondays 09:00-13:00 at London Bridge". */
@Entity
@Table(name = "session_template")
class SessionTemplate {

    @Id
    private UUID id;
    private UUID clinicianId;
    private UUID siteId;
    private UUID roomId;
    private short dayOfWeek;
    private LocalTime startsAt;
    private LocalTime endsAt;
    @Enumerated(EnumType.STRING)
    private SessionKind kind;
    private LocalDate validFrom;
    /** Null while the template runs on. */
    private LocalDate validUntil;
    /** Keycloak subject of the clinic-admin who added it; null for seeded rows. */
    private String recordedBy;
    private Instant recordedAt;
    private String endedBy;
    private Instant endedAt;

    protected SessionTemplate() {
    }

    SessionTemplate(UUID id, UUID clinicianId, UUID siteId, UUID roomId, DayOfWeek dayOfWeek, LocalTime startsAt,
                    LocalTime endsAt, SessionKind kind, LocalDate validFrom, LocalDate validUntil, String recordedBy,
                    Instant recordedAt) {
        this.id = id;
        this.clinicianId = clinicianId;
        this.siteId = siteId;
        this.roomId = roomId;
        this.dayOfWeek = (short) dayOfWeek.getValue();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.kind = kind;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** The template runs up to and including {@code lastDate}, and not after. */
    void endAfter(LocalDate lastDate, String by, Instant at) {
        this.validUntil = lastDate;
        this.endedBy = by;
        this.endedAt = at;
    }

    /** Whether the two could put the same clinician in two sessions at once on some date. */
    boolean clashesWith(SessionTemplate other) {
        return clinicianId.equals(other.clinicianId) && dayOfWeek == other.dayOfWeek
                && startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt)
                && (validUntil == null || !validUntil.isBefore(other.validFrom))
                && (other.validUntil == null || !other.validUntil.isBefore(validFrom));
    }

    UUID id() {
        return id;
    }

    UUID siteId() {
        return siteId;
    }

    UUID roomId() {
        return roomId;
    }

    DayOfWeek dayOfWeek() {
        return DayOfWeek.of(dayOfWeek);
    }

    LocalTime startsAt() {
        return startsAt;
    }

    LocalTime endsAt() {
        return endsAt;
    }

    SessionKind kind() {
        return kind;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validUntil() {
        return validUntil;
    }

    String recordedBy() {
        return recordedBy;
    }

    String endedBy() {
        return endedBy;
    }

    boolean runsOn(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.of(dayOfWeek) && !date.isBefore(validFrom)
                && (validUntil == null || !date.isAfter(validUntil));
    }

    ClinicSession on(LocalDate date) {
        return new ClinicSession(clinicianId, siteId, roomId, kind, date, startsAt, endsAt);
    }

    UUID clinicianId() {
        return clinicianId;
    }
}

package org.clinicflow.booking.availability;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
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

    protected SessionTemplate() {
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

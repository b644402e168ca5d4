package org.clinicflow.booking.availability;

import org.clinicflow.booking.platform.ClinicTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One session on one date, e.g. Mr Reid's clinic at London Bridge on Monday 30 March 2026, 09:00-13:00. */
public record ClinicSession(UUID clinicianId, UUID siteId, UUID roomId, SessionKind kind, LocalDate date,
                            LocalTime startsAt, LocalTime endsAt) {

    public Instant start() {
        return ClinicTime.at(date, startsAt);
    }

    public Instant end() {
        return ClinicTime.at(date, endsAt);
    }

    public boolean covers(Instant from, Instant to) {
        return !from.isBefore(start()) && !to.isAfter(end());
    }
}

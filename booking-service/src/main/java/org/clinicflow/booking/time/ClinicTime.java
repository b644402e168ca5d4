package org.clinicflow.booking.time;

import org.clinicflow.platform.time.ClinicZone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The clinic's civil time. Sessions are wall-clock times in London; instants are what the database compares. Converting
 * a date and a wall-clock time per date (never adding hours to an instant) is what keeps 09:00 at 09:00 across the
 * spring and autumn clock changes.
 */
public final class ClinicTime {

    public static final ZoneId ZONE = ClinicZone.ZONE;

    private ClinicTime() {
    }

    /**
     * The instant of a wall-clock time on a date. A time inside the spring gap (01:00-02:00) moves forward by the gap;
     * in the autumn overlap the earlier (summer-time) instant is used. Clinic sessions never start in those hours.
     */
    public static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(ZONE).toInstant();
    }

    /** An instant as the API shows it: clinic time with its offset, e.g. 2026-03-30T09:00+01:00. */
    public static OffsetDateTime show(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}

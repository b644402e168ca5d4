package org.clinicflow.followup.notification;

import org.clinicflow.platform.time.ClinicZone;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS between 21:00 and 08:00 clinic time. Computed in Europe/London on each day's own offset, so the quiet night
 * is 21:00 to 08:00 on the wall clock also on the nights the clocks change (it is then ten or twelve hours long).
 */
record QuietHours(ZoneId zone, LocalTime starts, LocalTime ends) {

    static final QuietHours CLINIC = new QuietHours(ClinicZone.ZONE, LocalTime.of(21, 0),
            LocalTime.of(8, 0));

    boolean isQuiet(Instant instant) {
        var local = instant.atZone(zone).toLocalTime();
        return !local.isBefore(starts) || local.isBefore(ends);
    }

    /** The first moment at or after {@code instant} when an SMS may go. */
    Instant nextAllowed(Instant instant) {
        if (!isQuiet(instant)) {
            return instant;
        }
        var local = instant.atZone(zone);
        var day = local.toLocalTime().isBefore(ends) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // 08:00 exists on every day in London (the changes happen at 01:00 and 02:00), so no gap adjustment applies.
        return ZonedDateTime.of(day, ends, zone).toInstant();
    }
}

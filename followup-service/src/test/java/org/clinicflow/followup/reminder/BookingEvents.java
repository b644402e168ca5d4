package org.clinicflow.followup.reminder;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds appointment events exactly as booking-service sends them (checked against the contract by the tests). */
final class BookingEvents {

    private BookingEvents() {
    }

    static String appointmentBooked(UUID eventId, UUID appointmentId, UUID patientId, OffsetDateTime startsAt) {
        var now = OffsetDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"specversion":"1.0","id":"%s","source":"/clinicflow/booking-service",
                 "type":"clinic.booking.appointment-booked.v1","subject":"%s","time":"%s",
                 "datacontenttype":"application/json",
                 "data":{"appointmentId":"%s","patientId":"%s","clinicianId":"c0000000-0000-4000-a000-000000000001",
                         "appointmentType":"FREE_CONSULTATION","startsAt":"%s","endsAt":"%s","bookedAt":"%s"}}
                """.formatted(eventId, appointmentId, rfc3339(now), appointmentId, patientId, rfc3339(startsAt),
                rfc3339(startsAt.plusMinutes(15)), rfc3339(now));
    }

    /** As booking-service writes times: always with seconds (OffsetDateTime.toString() drops ":00"). */
    private static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    static OffsetDateTime daysAhead(int days) {
        return OffsetDateTime.now(ZoneId.of("Europe/London")).plusDays(days).truncatedTo(ChronoUnit.HOURS);
    }
}

package org.clinicflow.followup.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A minimal RFC 5545 calendar with one VEVENT for an appointment, so that the patient's calendar shows it. The UID is
 * fixed per appointment and SEQUENCE grows with each change, so a moved or cancelled appointment updates the entry the
 * patient already has instead of adding another. Times are UTC: every calendar converts them to the reader's zone.
 */
final class AppointmentCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Minutes since 2026 keep SEQUENCE increasing across changes and well inside a 32-bit integer. */
    private static final Instant SEQUENCE_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private AppointmentCalendar() {
    }

    static String of(UUID appointmentId, Instant startsAt, Instant endsAt, String summary, boolean cancelled,
                     Instant now) {
        var lines = new StringBuilder();
        line(lines, "BEGIN:VCALENDAR");
        line(lines, "VERSION:2.0");
        line(lines, "PRODID:-//clinicflow//followup-service//EN");
        line(lines, "METHOD:" + (cancelled ? "CANCEL" : "REQUEST"));
        line(lines, "BEGIN:VEVENT");
        line(lines, "UID:" + appointmentId + "@clinicflow");
        line(lines, "SEQUENCE:" + Math.max(0, (now.getEpochSecond() - SEQUENCE_EPOCH.getEpochSecond()) / 60));
        line(lines, "DTSTAMP:" + UTC.format(now));
        line(lines, "DTSTART:" + UTC.format(startsAt));
        line(lines, "DTEND:" + UTC.format(endsAt != null ? endsAt : startsAt.plusSeconds(900)));
        line(lines, "SUMMARY:" + escape(summary));
        line(lines, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line(lines, "END:VEVENT");
        line(lines, "END:VCALENDAR");
        return lines.toString();
    }

    /** Content lines end in CRLF and are folded at 75 octets (ASCII here, so characters). */
    private static void line(StringBuilder out, String content) {
        var rest = content;
        while (rest.length() > 75) {
            out.append(rest, 0, 75).append("\r\n ");
            rest = rest.substring(75);
        }
        out.append(rest).append("\r\n");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}

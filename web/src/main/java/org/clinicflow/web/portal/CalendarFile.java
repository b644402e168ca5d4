package org.clinicflow.web.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One appointment as an iCalendar file (RFC 5545) for the patient's own calendar. Times are written in UTC, so that a
 * calendar anywhere shows the clinic's time correctly, across a clock change too. The UID is the appointment's, so a
 * file downloaded again after a move replaces the old entry rather than adding one.
 */
final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    static String of(UUID id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String location,
                     Instant now) {
        var lines = new StringBuilder();
        line(lines, "BEGIN:VCALENDAR");
        line(lines, "VERSION:2.0");
        line(lines, "PRODID:-//clinicflow//Spine clinic//EN");
        line(lines, "METHOD:PUBLISH");
        line(lines, "BEGIN:VEVENT");
        line(lines, "UID:" + id + "@clinicflow");
        line(lines, "DTSTAMP:" + UTC.format(now));
        line(lines, "DTSTART:" + UTC.format(startsAt));
        line(lines, "DTEND:" + UTC.format(endsAt));
        line(lines, "SUMMARY:" + text(title));
        if (location != null) {
            line(lines, "LOCATION:" + text(location));
        }
        line(lines, "END:VEVENT");
        line(lines, "END:VCALENDAR");
        return lines.toString();
    }

    /** Text values escape backslash, semicolon, comma and new lines (RFC 5545, 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /**
     * Lines end with CRLF and are folded so that none is longer than 75 octets: a continuation starts with a space,
     * which leaves it 74 of its own (RFC 5545, 3.1). A character is never split between lines.
     */
    private static void line(StringBuilder into, String line) {
        int room = 75;
        int used = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > room) {
                into.append("\r\n ");
                room = 74;
                used = 0;
            }
            into.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        into.append("\r\n");
    }
}

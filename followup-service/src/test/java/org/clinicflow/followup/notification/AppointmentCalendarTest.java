package org.clinicflow.followup.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentCalendarTest {

    private static final UUID APPOINTMENT = UUID.fromString("0b7f6a2e-9a8e-4a51-8f65-5a3f1d2c4b6e");

    @Test
    void anAppointmentBecomesOneEventInUtcWithCrlfLinesNoLongerThan75Octets() {
        var ics = AppointmentCalendar.of(APPOINTMENT, Instant.parse("2027-03-29T08:00:00Z"),
                Instant.parse("2027-03-29T08:15:00Z"), "Your appointment, at the clinic; " + "x".repeat(80), false,
                Instant.parse("2027-03-01T10:00:00Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("METHOD:REQUEST\r\n", "UID:" + APPOINTMENT + "@clinicflow\r\n",
                        "DTSTART:20270329T080000Z\r\n", "DTEND:20270329T081500Z\r\n", "STATUS:CONFIRMED\r\n",
                        "SUMMARY:Your appointment\\, at the clinic\\; ");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void aLaterChangeOfTheSameAppointmentUpdatesTheEntryInsteadOfAddingOne() {
        var first = AppointmentCalendar.of(APPOINTMENT, Instant.parse("2027-03-29T08:00:00Z"), null, "Review", false,
                Instant.parse("2027-03-01T10:00:00Z"));
        var cancel = AppointmentCalendar.of(APPOINTMENT, Instant.parse("2027-03-29T08:00:00Z"), null, "Review", true,
                Instant.parse("2027-03-02T10:00:00Z"));

        assertThat(sequence(cancel)).isGreaterThan(sequence(first));
        assertThat(cancel).contains("METHOD:CANCEL\r\n", "STATUS:CANCELLED\r\n", "UID:" + APPOINTMENT + "@clinicflow");
    }

    private static long sequence(String ics) {
        return ics.lines().filter(line -> line.startsWith("SEQUENCE:")).map(line -> line.substring(9))
                .mapToLong(Long::parseLong).findFirst().orElseThrow();
    }
}

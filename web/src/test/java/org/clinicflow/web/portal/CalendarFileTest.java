package org.clinicflow.web.portal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarFileTest {

    private static final UUID ID = UUID.fromString("11111111-2222-4333-8444-555555555555");

    @Test
    void anAppointmentInBritishSummerTimeIsWrittenInUtcWithItsOwnUid() {
        var file = CalendarFile.of(ID, "Free 15-minute consultation", OffsetDateTime.parse("2026-06-01T09:15:00+01:00"),
                OffsetDateTime.parse("2026-06-01T09:30:00+01:00"), "London Bridge, 1 Example Street",
                Instant.parse("2026-05-20T10:00:00Z"));
        assertThat(file).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("UID:" + ID + "@clinicflow\r\n", "DTSTART:20260601T081500Z\r\n",
                        "DTEND:20260601T083000Z\r\n", "LOCATION:London Bridge\\, 1 Example Street\r\n");
    }

    @Test
    void longLinesFoldAt75OctetsWithoutSplittingACharacter() {
        var location = "Harley Street – ".repeat(10);
        var file = CalendarFile.of(ID, "Review", OffsetDateTime.parse("2026-12-03T09:00:00Z"),
                OffsetDateTime.parse("2026-12-03T09:20:00Z"), location, Instant.EPOCH);
        for (var line : file.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        var unfolded = file.replace("\r\n ", "");
        assertThat(unfolded).contains("LOCATION:" + location + "\r\n");
    }

    @Test
    void textEscapesWhatWouldEndAValue() {
        assertThat(CalendarFile.text("a;b,c\\d\ne")).isEqualTo("a\\;b\\,c\\\\d\\ne");
    }
}

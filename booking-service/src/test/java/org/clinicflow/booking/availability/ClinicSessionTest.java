package org.clinicflow.booking.availability;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How a session is cut into slots, above all on the two days a year the clocks change (ADR 6). */
class ClinicSessionTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration QUARTER = Duration.ofMinutes(15);

    private static ClinicSession session(LocalDate date, String from, String to) {
        return new ClinicSession(UUID.randomUUID(), UUID.randomUUID(), null, SessionKind.CLINIC, date,
                LocalTime.parse(from), LocalTime.parse(to));
    }

    private static List<LocalTime> wallStarts(List<ClinicSession.SlotTime> slots) {
        return slots.stream().map(slot -> slot.start().atZone(LONDON).toLocalTime()).toList();
    }

    private static void eachLastsItsLengthAndNoneOverlaps(List<ClinicSession.SlotTime> slots, Duration length) {
        assertThat(slots).allSatisfy(slot -> assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(length));
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).as("slot %d starts after the one before ends", i)
                    .isAfterOrEqualTo(slots.get(i - 1).end());
        }
        assertThat(slots.stream().map(ClinicSession.SlotTime::start).distinct()).hasSameSizeAs(slots);
    }

    @Test
    void anOrdinaryMorningIsSixteenQuarterHoursFromNine() {
        var slots = session(LocalDate.of(2027, 3, 22), "09:00", "13:00").slots(QUARTER);

        assertThat(slots).hasSize(16);
        assertThat(wallStarts(slots)).startsWith(LocalTime.of(9, 0), LocalTime.of(9, 15)).endsWith(LocalTime.of(12, 45));
        eachLastsItsLengthAndNoneOverlaps(slots, QUARTER);
    }

    @Test
    void inSpringNoSlotIsLaidInTheMissingHourNorMovedOntoTheNextOne() {
        var slots = session(LocalDate.of(2027, 3, 28), "00:00", "04:00").slots(QUARTER);

        // 00:00-00:45 in winter time, nothing from 01:00 to 01:45 (that hour does not happen), 02:00-03:45 in summer.
        assertThat(wallStarts(slots)).doesNotContain(LocalTime.of(1, 0), LocalTime.of(1, 15), LocalTime.of(1, 30),
                LocalTime.of(1, 45));
        assertThat(wallStarts(slots)).containsExactly(LocalTime.of(0, 0), LocalTime.of(0, 15), LocalTime.of(0, 30),
                LocalTime.of(0, 45), LocalTime.of(2, 0), LocalTime.of(2, 15), LocalTime.of(2, 30), LocalTime.of(2, 45),
                LocalTime.of(3, 0), LocalTime.of(3, 15), LocalTime.of(3, 30), LocalTime.of(3, 45));
        eachLastsItsLengthAndNoneOverlaps(slots, QUARTER);
        assertThat(slots.get(3).end()).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void inAutumnEverySlotOfTheRepeatedHourLastsFifteenMinutesAndEachTimeIsLaidOnce() {
        var slots = session(LocalDate.of(2027, 10, 31), "00:00", "04:00").slots(QUARTER);

        assertThat(slots).hasSize(16);
        eachLastsItsLengthAndNoneOverlaps(slots, QUARTER);
        // 01:00-01:45 come once, in summer time (00:00-00:45 UTC); 02:00 is winter time again.
        assertThat(slots.get(4).start()).isEqualTo(Instant.parse("2027-10-31T00:00:00Z"));
        assertThat(slots.get(7).end()).isEqualTo(Instant.parse("2027-10-31T01:00:00Z"));
        assertThat(slots.get(8).start()).isEqualTo(Instant.parse("2027-10-31T02:00:00Z"));
        assertThat(slots.getLast().end()).isEqualTo(Instant.parse("2027-10-31T04:00:00Z"));
    }

    @Test
    void aLongerSlotThatCrossesTheSpringGapIsNotOverlappedByTheNext() {
        var slots = session(LocalDate.of(2027, 3, 28), "00:00", "04:00").slots(Duration.ofMinutes(45));

        eachLastsItsLengthAndNoneOverlaps(slots, Duration.ofMinutes(45));
        // 00:45 winter time runs to 02:30 summer time; the grid's 02:15 would overlap it and is left out.
        assertThat(wallStarts(slots)).containsExactly(LocalTime.of(0, 0), LocalTime.of(0, 45), LocalTime.of(3, 0));
        assertThat(slots.getLast().end()).isBeforeOrEqualTo(Instant.parse("2027-03-28T03:00:00Z"));
    }

    @Test
    void aMorningSessionOnEitherChangeDayKeepsItsNineOClockGrid() {
        for (var day : List.of(LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31))) {
            var slots = session(day, "09:00", "13:00").slots(QUARTER);
            assertThat(slots).as(day.toString()).hasSize(16);
            assertThat(wallStarts(slots).getFirst()).isEqualTo(LocalTime.of(9, 0));
            eachLastsItsLengthAndNoneOverlaps(slots, QUARTER);
        }
    }
}

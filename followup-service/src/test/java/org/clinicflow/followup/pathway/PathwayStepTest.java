package org.clinicflow.followup.pathway;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** How a pathway's steps fall in time, from the day of the procedure, without a database or a broker. */
class PathwayStepTest {

    private static PathwayStep message(int day, String at) {
        return new PathwayStep("STEP", StepKind.MESSAGE, day, LocalTime.parse(at), "Title", "Body", null, null, null);
    }

    @Test
    void aMessageGoesOutOnItsDayAtItsClinicTime() {
        var performedOn = LocalDate.of(2027, 6, 14);
        var due = message(1, "09:00").messageDue(performedOn, Instant.parse("2027-06-14T15:00:00Z"));
        // 09:00 in London in June is 08:00 UTC.
        assertThat(due).isEqualTo(Instant.parse("2027-06-15T08:00:00Z"));
    }

    @Test
    void aMessageKeepsItsClinicTimeAcrossTheClockChange() {
        // Procedure on Saturday 27 March 2027; the clocks go forward that night.
        var due = message(1, "09:00").messageDue(LocalDate.of(2027, 3, 27), Instant.parse("2027-03-27T12:00:00Z"));
        assertThat(due).isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
        var winter = message(1, "09:00").messageDue(LocalDate.of(2027, 10, 30), Instant.parse("2027-10-30T12:00:00Z"));
        assertThat(winter).isEqualTo(Instant.parse("2027-10-31T09:00:00Z"));
    }

    @Test
    void aMomentAlreadyPastSendsAtOnceAndMidnightMeansAsSoonAsItStarts() {
        var now = Instant.parse("2027-06-14T19:30:00Z");
        var performedOn = LocalDate.of(2027, 6, 14);
        assertThat(message(0, "18:00").messageDue(performedOn, now)).isEqualTo(now);
        assertThat(message(0, "00:00").messageDue(performedOn, now)).isEqualTo(now);
        assertThat(message(2, "00:00").messageDue(performedOn, now)).isEqualTo(Instant.parse("2027-06-15T23:00:00Z"));
    }

    @Test
    void aReviewsWindowLiesEitherSideOfItsDayAndItIsBookedWithinItsLimit() {
        var review = new PathwayStep("REVIEW", StepKind.APPOINTMENT, 42, LocalTime.MIDNIGHT, "Review", "", null, 7,
                21);
        var dates = review.reviewDates(LocalDate.of(2027, 1, 4));
        assertThat(dates.windowStarts()).isEqualTo(LocalDate.of(2027, 2, 8));
        assertThat(dates.windowEnds()).isEqualTo(LocalDate.of(2027, 2, 22));
        assertThat(dates.bookBy()).isEqualTo(LocalDate.of(2027, 1, 25));

        var plain = new PathwayStep("REVIEW", StepKind.APPOINTMENT, 42, LocalTime.MIDNIGHT, "Review", "", null, null,
                null);
        var exact = plain.reviewDates(LocalDate.of(2027, 1, 4));
        assertThat(exact.windowStarts()).isEqualTo(exact.windowEnds()).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(exact.bookBy()).isEqualTo(LocalDate.of(2027, 1, 18));
    }
}

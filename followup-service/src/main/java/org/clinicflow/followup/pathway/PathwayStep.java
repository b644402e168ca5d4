package org.clinicflow.followup.pathway;

import org.clinicflow.platform.time.ClinicZone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One step, counted in days from the day of the procedure.
 *
 * @param sendAt         clinic-local time a message goes out on its day; 00:00 means as soon as the pathway starts
 * @param contentSection messages only: the section of the treatment's published content to quote, or null
 * @param windowDays     appointments only: days either side of the offset the review may fall; null otherwise
 * @param bookWithinDays appointments only: days after the procedure by which it must be booked; null otherwise
 */
record PathwayStep(String code, StepKind kind, int offsetDays, LocalTime sendAt, String title, String body,
                   String contentSection, Integer windowDays, Integer bookWithinDays) {

    /** How many days after the procedure a review must be booked by, when the step does not say. */
    static final int DEFAULT_BOOK_WITHIN_DAYS = 14;

    /** The review's dates: the window either side of the target day, and the day it must be booked by. */
    record ReviewDates(LocalDate windowStarts, LocalDate windowEnds, LocalDate bookBy) {
    }

    /** The step's day: its offset counted in calendar days from the day of the procedure. */
    LocalDate dayAfter(LocalDate performedOn) {
        return performedOn.plusDays(offsetDays);
    }

    /**
     * When a message step goes out: its day at its clinic-local time (so a day-1 message at 09:00 is at 09:00 in London
     * across a clock change), or at once when that moment has passed, since a pathway started late must still send
     * its advice. 00:00 means the start of its day, that is at once for day 0.
     */
    Instant messageDue(LocalDate performedOn, Instant now) {
        var day = dayAfter(performedOn);
        var due = sendAt.equals(LocalTime.MIDNIGHT) ? day.atStartOfDay(ClinicZone.ZONE).toInstant()
                : day.atTime(sendAt).atZone(ClinicZone.ZONE).toInstant();
        return due.isBefore(now) ? now : due;
    }

    /** An appointment step's review: {@code windowDays} either side of its day, booked within its limit. */
    ReviewDates reviewDates(LocalDate performedOn) {
        var target = dayAfter(performedOn);
        int window = windowDays == null ? 0 : windowDays;
        return new ReviewDates(target.minusDays(window), target.plusDays(window),
                performedOn.plusDays(bookWithinDays == null ? DEFAULT_BOOK_WITHIN_DAYS : bookWithinDays));
    }
}

package org.clinicflow.followup.pathway;

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
}

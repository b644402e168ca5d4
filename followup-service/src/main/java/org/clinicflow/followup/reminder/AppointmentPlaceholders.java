package org.clinicflow.followup.reminder;

import org.clinicflow.followup.booking.AppointmentTopic.Setting;
import org.clinicflow.platform.time.ClinicZone;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The facts of an appointment as its messages put them: what the template placeholders stand for, and the patient's
 * calendar entry. The sentences around them are the clinic's templates ({@link MessageTemplate}). Times are the
 * clinic's (Europe/London), which is where the patient will be. What the event did not say (an event sent before
 * booking-service named the site, or an appointment without a site) reads as "the clinic" and "the clinic team", so a
 * message never shows a gap or "null". None of the facts is about the patient.
 */
final class AppointmentPlaceholders {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private AppointmentPlaceholders() {
    }

    /** Each placeholder of {@link TemplateText#PLACEHOLDERS} with the text it stands for in this appointment's messages. */
    static Map<String, String> of(AppointmentMessages.Appointment a) {
        var values = new LinkedHashMap<String, String>();
        values.put(TemplateText.APPOINTMENT, describe(a.type()));
        values.put(TemplateText.CLINICIAN, a.setting().clinicianName() == null ? "the clinic team"
                : a.setting().clinicianName());
        values.put(TemplateText.SITE, a.setting().siteName() == null ? "the clinic" : place(a.setting()));
        values.put(TemplateText.WHEN, when(a.startsAt()) + " (UK time)");
        return values;
    }

    /** The title of the entry in the patient's calendar: what it is and with whom. */
    static String calendarSummary(AppointmentMessages.Appointment a) {
        var what = describe(a.type());
        var summary = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        return a.setting().clinicianName() == null ? summary : summary + " with " + a.setting().clinicianName();
    }

    /** Where, for the calendar entry's LOCATION; null when the event did not say, rather than a vague "the clinic". */
    static String calendarLocation(Setting where) {
        return where.siteName() == null ? null : place(where);
    }

    /** The clinic's date and time, e.g. "Tuesday 15 December 2026 at 10:30". */
    static String when(Instant instant) {
        return WHEN.format(instant.atZone(ClinicZone.ZONE));
    }

    private static String place(Setting where) {
        return where.siteAddress() == null ? where.siteName() : where.siteName() + ", " + where.siteAddress();
    }

    /** Unknown types (the contract allows new ones within v1) read as a generic appointment. */
    private static String describe(String type) {
        return switch (type) {
            case "FREE_CONSULTATION" -> "free 15-minute consultation";
            case "FULL_CONSULTATION" -> "consultation";
            case "POST_PROCEDURE_REVIEW" -> "review after your procedure";
            case "PROCEDURE" -> "procedure";
            default -> "appointment";
        };
    }
}

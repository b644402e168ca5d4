package org.clinicflow.followup.reminder;

import org.clinicflow.followup.booking.AppointmentTopic.Setting;
import org.clinicflow.followup.notification.NewNotification.Wording;
import org.clinicflow.platform.time.ClinicZone;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every word of the messages about an appointment, in one place, so that they can be read, reviewed and changed
 * together. Many patients are elderly: short sentences, and a block that says when, where and with whom on lines of
 * their own. Times are the clinic's (Europe/London), which is where the patient will be. What the event did not say
 * (an event sent before booking-service named the site, or an appointment without a site) is left out, and the
 * appointment is "at the clinic".
 */
final class AppointmentWording {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private AppointmentWording() {
    }

    static Wording booked(AppointmentMessages.Appointment a) {
        return new Wording("Your appointment is booked", "Your " + describe(a.type()) + " " + at(a.setting())
                + " is booked.\n\n" + details(a) + "\n\nWe look forward to seeing you.");
    }

    static Wording moved(AppointmentMessages.Appointment a) {
        return new Wording("Your appointment has moved", "Your " + describe(a.type()) + " " + at(a.setting())
                + " has moved to a new time.\n\n" + details(a) + "\n\nPlease use this new time, not the old one.");
    }

    static Wording cancelled(AppointmentMessages.Appointment a) {
        return new Wording("Your appointment is cancelled", "Your " + describe(a.type()) + " " + at(a.setting())
                + " has been cancelled.\n\n" + details(a) + "\n\nIf you did not expect this, or would like a new "
                + "appointment, please call us.");
    }

    /** The same words for each reminder: the patient needs the same facts two days and two hours before. */
    static Wording reminder(AppointmentMessages.Appointment a) {
        return new Wording("Reminder: your appointment", "A reminder of your " + describe(a.type()) + " "
                + at(a.setting()) + ".\n\n" + details(a));
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

    private static String details(AppointmentMessages.Appointment a) {
        var lines = new StringBuilder("When: ").append(when(a.startsAt())).append(" (UK time)");
        if (a.setting().siteName() != null) {
            lines.append("\nWhere: ").append(place(a.setting()));
        }
        if (a.setting().clinicianName() != null) {
            lines.append("\nWith: ").append(a.setting().clinicianName());
        }
        return lines.toString();
    }

    private static String at(Setting where) {
        return where.siteName() == null ? "at the clinic" : "at " + where.siteName();
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
